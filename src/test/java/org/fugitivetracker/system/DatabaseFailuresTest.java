package org.fugitivetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

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

}
