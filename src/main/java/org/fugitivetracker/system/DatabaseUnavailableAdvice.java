package org.fugitivetracker.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Sends "cannot reach the database" and "the database is busy", met in a controller, on to
 * {@link DatabaseUnavailableFilter}
 * ahead of any other advice, so that a catch-all handler elsewhere cannot turn it into a 500. It
 * does not answer itself: inside Spring Session's filter, writing the page would make Spring
 * Session save the session to the unreachable database in the middle of the page. It claims only
 * the two exception types that by themselves mean "unreachable" (Spring translates SQLSTATE class
 * 08 and Hibernate's JDBCConnectionException to the first) and those of
 * {@link DatabaseFailures#BUSY_TYPES} (a lock or statement timeout, a deadlock), so other advice
 * still sees every other data access exception, such as a constraint violation.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			PessimisticLockingFailureException.class, QueryTimeoutException.class,
			jakarta.persistence.LockTimeoutException.class, jakarta.persistence.PessimisticLockException.class,
			jakarta.persistence.QueryTimeoutException.class, BlockedRoutes.RouteBusyException.class })
	void databaseUnreachable(Exception ex) throws Exception {
		throw ex;
	}

}
