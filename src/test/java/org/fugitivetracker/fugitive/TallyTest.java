package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TallyChecks;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tallies behind the dashboard (V22) under writers that overlap: a total is never a row that
 * a writer holds until its commit.
 */
@IntegrationTest
class TallyTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TallyCompaction compaction;

	/**
	 * While one admin's change of a status has not committed, a second admin records a person of
	 * that status and the compaction runs: both go through at once (the pool's lock timeout is 1 s,
	 * so a wait would fail them), and once the first commits every total counts both.
	 */
	@Test
	void aWriterInFlightHoldsUpNeitherAnotherWriterNorTheCompaction(TestRecords records) throws Exception {
		long first = records.person("Test Tally First", "AT_LARGE").destinations("US").id();
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (Statement statement = other.createStatement()) {
				statement.executeUpdate("UPDATE fugitive SET status = 'RETURNED' WHERE id = " + first);
			}

			long second = records.person("Test Tally Second", "RETURNED").destinations("CA").id();
			jdbc.queryForList("SELECT compact_fugitive_tallies()");
			assertThat(TallyChecks.tallied(jdbc)).as("the first change is not counted before it commits")
				.contains("country RETURNED CA " + countOf("RETURNED", "CA"))
				.isEqualTo(TallyChecks.counted(jdbc));

			other.commit();
			assertThat(second).isPositive();
		}
		assertThat(TallyChecks.tallied(jdbc)).as("counted once it has").isEqualTo(TallyChecks.counted(jdbc));
		compaction.compact();
		assertThat(TallyChecks.tallied(jdbc)).isEqualTo(TallyChecks.counted(jdbc));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM fugitive_country_tally WHERE status = 'RETURNED' "
				+ "AND country_code = 'US'", Long.class))
			.as("the first change's rows, folded by a compaction after its commit")
			.isOne();
	}

	/**
	 * Two instances compact at the same moment: the second waits for the rows the first is
	 * folding, finds them gone once the first commits, and leaves its sums alone.
	 */
	@Test
	void twoCompactionsAtOnceKeepEveryTotal(TestRecords records) throws Exception {
		records.person("Test Tally Third", "IN_CUSTODY").destinations("AU", "NZ");
		ExecutorService second = Executors.newSingleThreadExecutor();
		try (Connection first = dataSource.getConnection()) {
			first.setAutoCommit(false);
			try (Statement statement = first.createStatement()) {
				statement.execute("SELECT compact_fugitive_tallies()");
			}
			Future<?> waiting = second.submit(() -> jdbc.queryForList("SELECT compact_fugitive_tallies()"));
			Thread.sleep(300);
			assertThat(waiting).as("the second waits for the rows the first holds").isNotDone();
			first.commit();
			waiting.get(10, TimeUnit.SECONDS);
		}
		finally {
			second.shutdownNow();
		}
		assertThat(TallyChecks.tallied(jdbc)).isEqualTo(TallyChecks.counted(jdbc));
		assertThat(jdbc.queryForList("""
				SELECT status || ' ' || country_code FROM fugitive_country_tally
				GROUP BY status, country_code HAVING count(*) > 1""", String.class))
			.isEmpty();
	}

	private long countOf(String status, String country) {
		return jdbc.queryForObject("SELECT count(*) FROM fugitive WHERE status = ? AND ? = ANY (destinations)",
				Long.class, status, country);
	}

}
