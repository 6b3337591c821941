package org.fugitivetracker.security;

import org.springframework.security.core.AuthenticationException;

/** A login was refused without checking the password, because its account or address is locked. */
class LoginThrottledException extends AuthenticationException {

	private final int minutesLeft;

	LoginThrottledException(int minutesLeft) {
		super("Too many failed logins; locked for " + minutesLeft + " more minute(s)");
		this.minutesLeft = minutesLeft;
	}

	int minutesLeft() {
		return minutesLeft;
	}

}
