package org.fugitivetracker.security;

import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks user name and password (form login and HTTP Basic alike) unless the account name or
 * the client address is locked by {@link LoginThrottle}; counts every failure and forgets an
 * account's failures on success. A name that no account can have (see the {@code user_account}
 * check constraint) is refused before any lookup, so hostile input never reaches the database.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	static final Pattern POSSIBLE_USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String name = authentication.getName();
		String username = name != null && POSSIBLE_USERNAME.matcher(name).matches() ? name : null;
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "unknown";

		OptionalInt locked = throttle.minutesLocked(username, address);
		if (locked.isPresent()) {
			throw new LoginThrottledException(locked.getAsInt());
		}
		try {
			if (username == null) {
				throw new BadCredentialsException("Bad credentials");
			}
			Authentication result = passwords.authenticate(authentication);
			throttle.recordSuccess(username);
			return result;
		}
		catch (InternalAuthenticationServiceException ex) {
			// the account could not be looked up (database unreachable): not a failed guess
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
		catch (AuthenticationException ex) {
			OptionalInt lockedNow = throttle.recordFailure(username, address);
			if (lockedNow.isPresent()) {
				throw new LoginThrottledException(lockedNow.getAsInt());
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
