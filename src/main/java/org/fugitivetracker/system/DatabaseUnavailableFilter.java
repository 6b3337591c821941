package org.fugitivetracker.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns "the database cannot be reached" into a friendly 503, wherever it happens: most requests
 * meet it before any controller runs (Spring Session reads the session, Spring Security the
 * logged-in user, the login throttle its counts), so a {@code @ControllerAdvice} alone could not.
 * Runs outside the session filter (whose order is {@code Integer.MIN_VALUE + 50}) so that it
 * also catches a failure to save the session.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private final DatabaseUnavailableResponse unavailable;

	DatabaseUnavailableFilter(DatabaseUnavailableResponse unavailable) {
		this.unavailable = unavailable;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseFailures.isUnreachable(ex) || !unavailable.write(request, response, ex)) {
				throw ex;
			}
		}
	}

}
