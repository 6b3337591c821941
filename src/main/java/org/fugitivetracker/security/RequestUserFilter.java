package org.fugitivetracker.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the authenticated user's name into the logging context ({@code user}) once authorization
 * has passed, so that every log line of the request, and the request log line written by
 * {@code system.RequestLoggingFilter}, says who asked. Runs inside the security filter chain;
 * the outer request logging filter clears the key.
 */
class RequestUserFilter extends OncePerRequestFilter {

	static final String MDC_KEY = "user";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken)) {
				MDC.put(MDC_KEY, authentication.getName());
			}
		}
		catch (RuntimeException ex) {
			// the session could not be read (database unreachable): log without a user; the
			// request itself meets the same failure where it needs the session
		}
		chain.doFilter(request, response);
	}

}
