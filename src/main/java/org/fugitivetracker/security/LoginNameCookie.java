package org.fugitivetracker.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.WebUtils;

/**
 * Carries the user name of a failed login across the redirect back to the login page, so the form
 * shows it again and only the password is typed anew. A cookie for a minute on {@code /login}
 * only, not the session (an anonymous visit stores nothing on the server) and not the address
 * (which access logs and the browser's history keep). The password is never carried.
 */
final class LoginNameCookie {

	static final String COOKIE_NAME = "LOGIN_NAME";

	/** Longer names are not carried (no account has one: see {@link UserForms}). */
	private static final int MAX_LENGTH = 100;

	private static final int MAX_AGE_SECONDS = 60;

	private LoginNameCookie() {
	}

	/** After a failed login: remembers the user name that was typed, if any. */
	static void remember(HttpServletRequest request, HttpServletResponse response) {
		String username = request.getParameter("username");
		if (username == null || username.isBlank() || username.length() > MAX_LENGTH) {
			return;
		}
		response.addCookie(cookie(request,
				Base64.getUrlEncoder().withoutPadding().encodeToString(username.getBytes(StandardCharsets.UTF_8)),
				MAX_AGE_SECONDS));
	}

	/** On the login page: the remembered user name (null if none), which is then forgotten. */
	static String recall(HttpServletRequest request, HttpServletResponse response) {
		Cookie cookie = WebUtils.getCookie(request, COOKIE_NAME);
		if (cookie == null) {
			return null;
		}
		response.addCookie(cookie(request, "", 0));
		try {
			String username = new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
			return username.length() <= MAX_LENGTH ? username : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
		Cookie cookie = new Cookie(COOKIE_NAME, value);
		cookie.setPath(request.getContextPath() + "/login");
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setMaxAge(maxAge);
		cookie.setAttribute("SameSite", "Lax");
		return cookie;
	}

}
