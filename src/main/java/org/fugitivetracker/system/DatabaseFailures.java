package org.fugitivetracker.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/** Reads an exception's cause chain for what it says about the database. */
final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/** The chain itself says the database could not be reached. */
	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

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
