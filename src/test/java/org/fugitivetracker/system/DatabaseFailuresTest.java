package org.fugitivetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.fugitivetracker.SlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

@SlowTest
class DatabaseFailuresTest {

	@Test
	void connectionFailuresAnywhereInTheChainSayUnreachable() {
		assertThat(DatabaseFailures.saysUnreachable(new CannotGetJdbcConnectionException("no"))).isTrue();
		assertThat(DatabaseFailures.saysUnreachable(new CannotCreateTransactionException("no"))).isTrue();
		assertThat(DatabaseFailures.saysUnreachable(new IllegalStateException("wrapped",
				new RuntimeException(new SQLTransientConnectionException("pool timed out"))))).isTrue();
		assertThat(DatabaseFailures.saysUnreachable(
				new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
		assertThat(DatabaseFailures.saysUnreachable(new SQLException("terminating connection", "57P01"))).isTrue();
	}

	@Test
	void otherFailuresDoNot() {
		assertThat(DatabaseFailures.saysUnreachable(new DataIntegrityViolationException("duplicate"))).isFalse();
		assertThat(DatabaseFailures.saysUnreachable(new SQLException("syntax", "42601"))).isFalse();
		assertThat(DatabaseFailures.saysUnreachable(new NullPointerException())).isFalse();
	}

	@Test
	void aRollbackOnAConnectionThePoolEvictedSaysUnreachableButOtherFailuresDoNot() {
		// HikariCP's closed-connection stand-in: the connection broke while a transaction held it.
		// Seen in the outage test as a 500 when the database was back before the reachability probe.
		JpaSystemException rollback = new JpaSystemException(new RuntimeException(new SQLException("Connection is closed")));
		assertThat(DatabaseFailures.saysUnreachable(rollback)).isTrue();
		JpaSystemException syntax = new JpaSystemException(new RuntimeException(new SQLException("syntax error", "42601")));
		assertThat(DatabaseFailures.saysUnreachable(syntax)).isFalse();
		assertThat(DatabaseFailures.fromDataAccess(syntax)).isTrue();
		assertThat(DatabaseFailures.fromDataAccess(new IllegalArgumentException("bug"))).isFalse();
	}

	/** The database answers but a time limit or a collision stopped the request: "busy", not "unreachable". */
	@Test
	void timeLimitsCollisionsAndAFullPoolSayBusy() {
		for (String state : new String[] { "55P03", "57014", "40P01", "40001" }) {
			assertThat(DatabaseFailures.saysBusy(new RuntimeException(new SQLException("no", state)))).as(state).isTrue();
		}
		assertThat(DatabaseFailures.saysBusy(new CannotAcquireLockException("lock timeout"))).isTrue();
		assertThat(DatabaseFailures.saysBusy(new QueryTimeoutException("statement timeout"))).isTrue();
		assertThat(DatabaseFailures.saysBusy(new jakarta.persistence.LockTimeoutException("lock timeout"))).isTrue();
		// HikariCP: every connection in use for the whole wait, nothing failed to connect
		assertThat(DatabaseFailures.saysBusy(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out "
						+ "after 3000ms (total=10, active=10, idle=0, waiting=4)")))).isTrue();
		assertThat(DatabaseFailures.saysTimedOut(new RuntimeException(new SQLException("lock", "55P03")))).isTrue();
		assertThat(DatabaseFailures.saysTimedOut(new RuntimeException(new SQLException("deadlock", "40P01")))).isFalse();
	}

	@Test
	void aPoolThatCouldNotConnectOrABrokenConnectionIsNotBusy() {
		SQLTransientConnectionException cannotConnect = new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 3000ms", "08001",
				new SQLException("Connection refused", "08001"));
		assertThat(DatabaseFailures.saysBusy(cannotConnect)).isFalse();
		assertThat(DatabaseFailures.saysUnreachable(cannotConnect)).isTrue();
		// pgjdbc's socket timeout: a server that says nothing any more
		SQLException silent = new SQLException("An I/O error occurred while sending to the backend.", "08006",
				new java.net.SocketTimeoutException("Read timed out"));
		assertThat(DatabaseFailures.saysBusy(silent)).isFalse();
		assertThat(DatabaseFailures.saysUnreachable(silent)).isTrue();
		assertThat(DatabaseFailures.saysBusy(new DataIntegrityViolationException("duplicate"))).isFalse();
	}

}
