package org.fugitivetracker.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * After a form login: writes the new session's CSRF token now, in the login response, then goes
 * to the page first asked for (or {@code /}).
 * <p>
 * Without the first step the token was created by whichever page came first, and a browser
 * opening several pages at once (restoring its tabs) had each of them create its own and insert
 * it into the same session row: all but one failed on the primary key of
 * {@code SPRING_SESSION_ATTRIBUTES}, and the pages
 * that did load carried tokens the session no longer held. Now those pages only read the
 * session, and every one of them holds the same valid token.
 */
final class LoginSuccessHandler implements AuthenticationSuccessHandler {

	private final CsrfTokenRepository csrfTokens;

	private final ReturnPathRequestCache requestCache;

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	LoginSuccessHandler(CsrfTokenRepository csrfTokens, ReturnPathRequestCache requestCache) {
		this.csrfTokens = csrfTokens;
		this.requestCache = requestCache;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		// CsrfAuthenticationStrategy has dropped the anonymous token and left a new one to be made on first use
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken deferred) {
			deferred.getToken();
		}
		if (csrfTokens.loadToken(request) == null) {
			csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
		}
		String target = ReturnPathRequestCache.returnPath(request);
		requestCache.removeRequest(request, response);
		redirect.sendRedirect(request, response, target == null ? "/" : target);
	}

}
