package org.fugitivetracker.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The same 503 when a controller meets the unreachable database, ahead of any other advice, so
 * that a catch-all handler elsewhere cannot turn it into a 500. It handles only the two exception
 * types that by themselves mean "cannot reach the database" (Spring translates SQLSTATE class 08
 * and Hibernate's JDBCConnectionException to the first), so other advice still sees every other
 * data access exception, such as a constraint violation.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

	private final DatabaseUnavailableResponse unavailable;

	DatabaseUnavailableAdvice(DatabaseUnavailableResponse unavailable) {
		this.unavailable = unavailable;
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	void databaseUnreachable(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (!unavailable.write(request, response, ex)) {
			throw ex;
		}
	}

}
