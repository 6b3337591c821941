package org.fugitivetracker.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * Keeps the CSRF token in the session when there is one (everyone logged in with a form), and
 * otherwise in an HttpOnly, SameSite=Lax cookie. So an anonymous visitor (the login page, a
 * redirect to it, a crawler) creates no session, and no session row in PostgreSQL; the login
 * form is still protected, by the cookie's token (double submit), and from the login on the
 * token is the session's, bound to it on the server. {@link LoginSuccessHandler} writes the
 * session's token in the login response already, so pages opened at once afterwards (a browser
 * restoring its tabs) all find it and all carry the same one, instead of each creating its own.
 */
final class SessionOrCookieCsrfTokenRepository implements CsrfTokenRepository {

	static final String COOKIE_NAME = "XSRF-TOKEN";

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	SessionOrCookieCsrfTokenRepository() {
		cookie.setCookieName(COOKIE_NAME);
		cookie.setHeaderName("X-CSRF-TOKEN");
		cookie.setCookieCustomizer(builder -> builder.sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return session.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		boolean hasSession = request.getSession(false) != null;
		boolean hasCookie = WebUtils.getCookie(request, COOKIE_NAME) != null;
		if (token == null) {
			if (hasSession) {
				session.saveToken(null, request, response);
			}
			if (hasCookie) {
				cookie.saveToken(null, request, response);
			}
			return;
		}
		if (hasSession) {
			session.saveToken(token, request, response);
			if (hasCookie) {
				cookie.saveToken(null, request, response); // the anonymous token has served its turn
			}
		}
		else {
			cookie.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return request.getSession(false) != null ? session.loadToken(request) : cookie.loadToken(request);
	}

}
