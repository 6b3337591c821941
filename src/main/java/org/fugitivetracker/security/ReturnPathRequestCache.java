package org.fugitivetracker.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.web.util.WebUtils;

/**
 * Remembers the page an anonymous visitor asked for, to return there after the login, in a
 * cookie instead of the session (so a visit creates no session row), and only its path and query:
 * never the {@code Host} the request named, so the return is always to this site. Only page
 * navigations are remembered (GET asking for HTML), not the API, actuator, or a stylesheet.
 */
final class ReturnPathRequestCache implements RequestCache {

	static final String COOKIE_NAME = "RETURN_TO";

	/** Longer paths are not remembered (a cookie holds about 4 KB). */
	private static final int MAX_LENGTH = 2000;

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		if (!HttpMethod.GET.matches(request.getMethod()) || !acceptsHtml(request)
				|| "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/actuator")) {
			return;
		}
		String target = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
		if (isLocal(target) && target.length() <= MAX_LENGTH) {
			response.addCookie(cookie(request,
					Base64.getUrlEncoder().withoutPadding().encodeToString(target.getBytes(StandardCharsets.UTF_8)), -1));
		}
	}

	@Override
	public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		String target = returnPath(request);
		return target == null ? null : new SimpleSavedRequest(target);
	}

	/** Nothing is replayed: after the login the browser is sent to the page, and asks for it anew. */
	@Override
	public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		return null;
	}

	@Override
	public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
		if (WebUtils.getCookie(request, COOKIE_NAME) != null) {
			response.addCookie(cookie(request, "", 0));
		}
	}

	/** The remembered path (relative to the context path), or null when there is none or it is not one of ours. */
	static String returnPath(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, COOKIE_NAME);
		if (cookie == null) {
			return null;
		}
		try {
			String target = new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
			return isLocal(target) ? target : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A path on this site: "/…", never "//host" or "/\host" (which browsers read as another site). */
	private static boolean isLocal(String target) {
		return target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\")
				&& target.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.includes(MediaType.TEXT_HTML)
					&& !type.isWildcardType());
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
		Cookie cookie = new Cookie(COOKIE_NAME, value);
		cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setMaxAge(maxAge);
		cookie.setAttribute("SameSite", "Lax");
		return cookie;
	}

}
