package org.fugitivetracker.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/** Reads an exception's cause chain for what it says about the database. */
final class DatabaseFailures {

	/** HikariCP's stand-in for a connection the pool evicted as broken (see {@link #saysUnreachable}). */
	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

	/** HikariCP's answer when no connection of the pool came free in time. */
	private static final String HIKARI_POOL_TIMEOUT = "Connection is not available, request timed out";

	/**
	 * SQLSTATEs that mean "the database answers but this could not be done now; try again":
	 * 55P03 lock_not_available ({@code lock_timeout}), 57014 query_canceled
	 * ({@code statement_timeout}), 40P01 deadlock_detected, 40001 serialization_failure.
	 */
	private static final Set<String> BUSY_STATES = Set.of("55P03", "57014", "40P01", "40001");

	/** The first two of those: the time limits of {@link DatabaseTimeouts}. */
	private static final Set<String> TIMED_OUT_STATES = Set.of("55P03", "57014");

	/**
	 * Exceptions that by their type say "busy": what Spring and JPA make of the SQLSTATEs above,
	 * and {@link BlockedRoutes}' refusal. {@link DatabaseUnavailableAdvice} hands these on to the
	 * filter.
	 */
	static final List<Class<? extends Exception>> BUSY_TYPES = List.of(PessimisticLockingFailureException.class,
			QueryTimeoutException.class, jakarta.persistence.LockTimeoutException.class,
			jakarta.persistence.PessimisticLockException.class, jakarta.persistence.QueryTimeoutException.class,
			BlockedRoutes.RouteBusyException.class);

	private DatabaseFailures() {
	}

	/**
	 * The database answers but is busy: a statement waited for a lock or ran longer than its time
	 * limit, two transactions collided, or every pooled connection was in use for the whole wait
	 * (HikariCP then names no cause; when connecting failed, it gives that failure as the cause,
	 * which says unreachable).
	 */
	static boolean saysBusy(Throwable failure) {
		return anyInChain(failure, t -> BUSY_TYPES.stream().anyMatch(type -> type.isInstance(t))
				|| (t instanceof SQLException sql && sql.getSQLState() != null && BUSY_STATES.contains(sql.getSQLState()))
				|| (t instanceof SQLTransientConnectionException pool && pool.getCause() == null
						&& pool.getMessage() != null && pool.getMessage().contains(HIKARI_POOL_TIMEOUT)));
	}

	/** A statement waited for a lock longer than the lock timeout, or ran longer than the statement timeout. */
	static boolean saysTimedOut(Throwable failure) {
		return anyInChain(failure, t -> t instanceof SQLException sql && sql.getSQLState() != null
				&& TIMED_OUT_STATES.contains(sql.getSQLState()));
	}

	/** {@link BlockedRoutes} did not let the request try the database. */
	static boolean saysNotTried(Throwable failure) {
		return anyInChain(failure, t -> t instanceof BlockedRoutes.RouteBusyException);
	}

	/** The chain itself says the database could not be reached. */
	static boolean saysUnreachable(Throwable failure) {
		return anyInChain(failure, t -> t instanceof DataAccessResourceFailureException
				|| t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
				|| t instanceof SQLNonTransientConnectionException || t instanceof ConnectException
				|| t instanceof org.hibernate.exception.JDBCConnectionException
				// SQLSTATE class 08: connection exception; 57P01-03: the server is shutting down or starting
				|| (t instanceof SQLException sql && sql.getSQLState() != null
						&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))
				// HikariCP's stand-in for a connection the pool evicted as broken while a
				// transaction still held it (its rollback then fails with this, without a SQLSTATE)
				|| (t instanceof SQLException sql && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())));
	}

	/**
	 * The failure came from data access at all. Some failures caused by a lost connection no
	 * longer say so: when the rollback after a broken statement fails too, Spring reports the
	 * rollback's "Connection is closed", without SQLSTATE and without the original cause.
	 */
	static boolean fromDataAccess(Throwable failure) {
		return anyInChain(failure, t -> t instanceof DataAccessException || t instanceof TransactionException
				|| t instanceof SQLException || t instanceof jakarta.persistence.PersistenceException
				|| t instanceof org.hibernate.HibernateException);
	}

	private static boolean anyInChain(Throwable failure, Predicate<Throwable> test) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
			if (test.test(t)) {
				return true;
			}
		}
		return false;
	}

}
