package org.fugitivetracker.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container forwards failed requests; asked for directly it has no
 * error to show and Spring Boot would answer 500. A direct request gets the 404 page instead, so
 * no address a client can type produces a server error. It runs after Spring Security (order
 * -100), so the answer has the security headers and a POST still needs its CSRF token.
 */
@Component
@Order(0)
class DirectErrorPathFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/error") || path.startsWith("/error/") || path.startsWith("/error;")) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

}
