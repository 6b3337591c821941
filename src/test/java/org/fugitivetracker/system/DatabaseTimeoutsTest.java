package org.fugitivetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.fugitive.FugitiveFilter;
import org.fugitivetracker.fugitive.FugitiveSearch;
import org.fugitivetracker.synthetic.SyntheticDataCommandContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every connection of the application's pool carries the web requests' time limits; a
 * CSV export raises the statement timeout for its own transaction only; the synthetic-data
 * command, in its own context, runs without limits; Flyway migrates on connections of its own.
 */
@IntegrationTest
@SlowTest
class DatabaseTimeoutsTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FugitiveSearch search;

	@Test
	void everyPooledConnectionCarriesTheWebLimits() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			assertThat(show(connection, "lock_timeout")).isEqualTo("1s");
			assertThat(show(connection, "statement_timeout")).isEqualTo("10s");
			assertThat(connection.getNetworkTimeout()).as("socket timeout, ms").isEqualTo(15_000);
		}
	}

	@Test
	void aCsvExportRaisesTheStatementTimeoutForItsOwnTransactionOnly() throws SQLException {
		List<String> seen = new ArrayList<>();
		search.export(search.resolve(FugitiveFilter.none()), row -> {
			if (seen.isEmpty()) {
				seen.add(jdbc.queryForObject("show statement_timeout", String.class));
				seen.add(jdbc.queryForObject("show lock_timeout", String.class));
				seen.add(String.valueOf(jdbc.execute((Connection connection) -> connection.getNetworkTimeout())));
			}
		});
		assertThat(seen).containsExactly("1min", "1s", "65000");
		// SET LOCAL ended with the transaction, and the pool gave the socket its limit back
		for (int i = 0; i < 12; i++) {
			try (Connection connection = dataSource.getConnection()) {
				assertThat(show(connection, "statement_timeout")).isEqualTo("10s");
				assertThat(connection.getNetworkTimeout()).isEqualTo(15_000);
			}
		}
	}

	@Test
	void theSyntheticDataCommandRunsWithoutTimeLimits() throws SQLException {
		try (ConfigurableApplicationContext command = SyntheticDataCommandContext.run();
				Connection connection = command.getBean(DataSource.class).getConnection()) {
			assertThat(show(connection, "lock_timeout")).isEqualTo("0");
			assertThat(show(connection, "statement_timeout")).isEqualTo("0");
			assertThat(connection.getNetworkTimeout()).isZero();
		}
	}

	@Test
	void socketTimeoutsAreWholeSecondsRoundedUpAndCheckedAgainstTheStatementTimeout() {
		DatabaseTimeouts timeouts = new DatabaseTimeouts(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(10),
				java.time.Duration.ofMillis(10_500));
		com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
		pool.addDataSourceProperty("options", "-c search_path=public");
		timeouts.applyTo(pool);
		assertThat(pool.getDataSourceProperties()).containsEntry("socketTimeout", "11")
			.containsEntry("options", "-c lock_timeout=500 -c statement_timeout=10000 -c search_path=public");
		assertThat(timeouts.socketTimeoutTooShort()).isFalse();
		assertThat(new DatabaseTimeouts(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(10),
				java.time.Duration.ofSeconds(10)).socketTimeoutTooShort()).isTrue();
		pool.close();
	}

	private static String show(Connection connection, String setting) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("show " + setting)) {
			result.next();
			return result.getString(1);
		}
	}

}
