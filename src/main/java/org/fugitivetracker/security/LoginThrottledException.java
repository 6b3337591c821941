package org.fugitivetracker.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login was refused without checking the password, because its account or address is locked or delayed. */
class LoginThrottledException extends AuthenticationException {

	private final RetryAfter retryAfter;

	LoginThrottledException(Duration retryAfter) {
		this(new RetryAfter(retryAfter));
	}

	private LoginThrottledException(RetryAfter retryAfter) {
		super("Too many failed logins; try again in " + retryAfter.seconds() + " s");
		this.retryAfter = retryAfter;
	}

	RetryAfter retryAfter() {
		return retryAfter;
	}

}
