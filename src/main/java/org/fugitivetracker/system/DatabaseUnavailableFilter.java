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
 * Turns "the database cannot be reached" and "the database is busy" (a lock or statement timeout,
 * every pooled connection in use) into a friendly 503, wherever it happens: most requests
 * meet it before any controller runs (Spring Session reads the session, Spring Security the
 * logged-in user, the login throttle its counts), so a {@code @ControllerAdvice} could not. It
 * runs outside Spring Session's filter (order {@code Integer.MIN_VALUE + 50}), so it also catches
 * a failure to save the session, and writing the page cannot trigger another session save.
 * <p>
 * A data access failure whose cause chain does not say "unreachable" (a failed rollback hides
 * the cause) is answered 503 too if the database cannot be reached right now; any other failure
 * goes on to the usual error handling.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private final DatabaseUnavailableResponse unavailable;

	private final DatabaseReconnector database;

	DatabaseUnavailableFilter(DatabaseUnavailableResponse unavailable, DatabaseReconnector database) {
		this.unavailable = unavailable;
		this.database = database;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (DatabaseFailures.saysBusy(ex)) {
				// the database answers: nothing to probe, and no connection to wait for to find that out
				if (!unavailable.write(request, response, ex, DatabaseUnavailableResponse.Cause.BUSY)) {
					throw ex;
				}
				return;
			}
			boolean outage = DatabaseFailures.saysUnreachable(ex)
					|| (DatabaseFailures.fromDataAccess(ex) && !database.reachable());
			if (!outage) {
				throw ex;
			}
			database.databaseUnreachable();
			if (!unavailable.write(request, response, ex, DatabaseUnavailableResponse.Cause.UNREACHABLE)) {
				throw ex;
			}
		}
	}

}
