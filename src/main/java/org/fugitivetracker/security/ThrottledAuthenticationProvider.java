package org.fugitivetracker.security;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks user name and password (form login and HTTP Basic alike) only once {@link LoginThrottle}
 * has admitted the attempt, then settles it: a success, a failure, or neither when the account
 * could not be looked up. A name that no account can have (see the {@code user_account} check
 * constraint) is refused before any lookup, so hostile input never reaches the database; it
 * still counts against the client address.
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

		LoginThrottle.Admission admission = throttle.admit(username, address);
		if (admission instanceof LoginThrottle.Refused refused) {
			throw new LoginThrottledException(refused.retryAfter());
		}
		LoginThrottle.Admitted attempt = (LoginThrottle.Admitted) admission;
		Authentication result;
		try {
			if (username == null) {
				throw new BadCredentialsException("Bad credentials");
			}
			result = passwords.authenticate(authentication);
		}
		catch (InternalAuthenticationServiceException ex) {
			// the account could not be looked up (database unreachable): not a failed guess
			throttle.release(attempt);
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
		catch (AuthenticationException ex) {
			Optional<Duration> lockedNow = throttle.failed(attempt);
			if (lockedNow.isPresent()) {
				throw new LoginThrottledException(lockedNow.get());
			}
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			throttle.release(attempt);
			throw ex;
		}
		throttle.succeeded(attempt);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
