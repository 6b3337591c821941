package org.fugitivetracker.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestRecords;
import org.fugitivetracker.figure.Reconciliation.Result;
import org.fugitivetracker.figure.Reconciliation.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reconciliation rules on real records: what counts towards a reported figure and what does
 * not. Test rows are compared as differences, so the test holds whatever else the database has.
 */
@IntegrationTest
class ReconciliationTest {

	@Autowired
	Reconciliation reconciliation;

	@Autowired
	ReportedFigureRepository figures;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void metricsMapToTheirRules() {
		assertThat(Rule.forMetric("FUGITIVES_RETURNED")).isEqualTo(Rule.RETURNS);
		assertThat(Rule.forMetric("ECONOMIC_FUGITIVES_RETURNED")).isEqualTo(Rule.RETURNS);
		assertThat(Rule.forMetric("CORRUPT_OFFICIALS_RETURNED")).isEqualTo(Rule.RETURNS);
		assertThat(Rule.forMetric("FUGITIVES_FORCIBLY_REPATRIATED")).isEqualTo(Rule.FORCED_RETURNS);
		assertThat(Rule.forMetric("CASE_FUGITIVES")).isEqualTo(Rule.CASE_PARTICIPANTS);
		assertThat(Rule.forMetric("CASE_FUGITIVES_AT_LARGE")).isEqualTo(Rule.CASE_PARTICIPANTS_AT_LARGE);
		assertThat(List.of("MONEY_INVOLVED", "UNDERGROUND_BANKS_SMASHED", "SUSPECTS_ARRESTED",
				"CORRUPT_OFFICIALS_STILL_AT_LARGE_SHARE", "ANYTHING_NEW"))
			.allSatisfy(metric -> assertThat(Rule.forMetric(metric)).isEqualTo(Rule.NOT_TRACKED));
	}

	@Test
	void theSeedHuangYurongsSurrenderIsTheOneRecordedReturnFromTheUsIn2015() {
		Map<Long, Result> results = reconcileAll();
		assertThat(results.get(4L)).isEqualTo(new Result(Rule.RETURNS, count(
				"select count(distinct fugitive_id) from event where type in ('SURRENDER','REPATRIATION','FORCED_REPATRIATION',"
						+ "'DEPORTATION','EXTRADITION') and country_code = 'US' and occurred_date between '2015-01-01' and '2015-12-31'")));
		assertThat(results.get(4L).recorded()).isPositive();
		assertThat(results.get(1L)).isEqualTo(
				new Result(Rule.CASE_PARTICIPANTS, count("select count(*) from case_participant where case_id = 1")));
		assertThat(results.get(10L)).isEqualTo(new Result(Rule.NOT_TRACKED, null));
		assertThat(results.get(10L).tracked()).isFalse();
	}

	@Test
	void returnsCountByCountryPeriodPrecisionOperationAndKind() {
		Map<Long, Result> before = reconcileAll();
		try (TestRecords records = new TestRecords(jdbc)) {
			// On Sky Net's list: forcibly repatriated from the U.S. in June 2015 (inside every 2015 period).
			long forced = records.fugitive("Test Forced", "RETURNED");
			records.membership(forced, 1, null);
			records.sourcedEvent("FORCED_REPATRIATION", "2015-06", "US", forced, null, null);
			// Returned from the U.S. some time in 2015: inside "2015", not certainly inside April–November.
			long yearOnly = records.fugitive("Test Year Only", "RETURNED");
			records.membership(yearOnly, 1, null);
			records.sourcedEvent("REPATRIATION", "2015", "US", yearOnly, null, null);
			// Recorded under Sky Net, from Canada in May 2015: counts for Sky Net, not for the U.S.
			long underSkyNet = records.fugitive("Test Under Sky Net", "RETURNED");
			records.sourcedEvent("EXTRADITION", "2015-05-20", "CA", underSkyNet, null, 1L);
			// Returned from the U.S. in December 2015 but not on Sky Net: U.S. 2015 only.
			long notListed = records.fugitive("Test Not Listed", "RETURNED");
			records.sourcedEvent("SURRENDER", "2015-12-01", "US", notListed, null, null);
			// An undated return and a flight count for no period.
			long undated = records.fugitive("Test Undated", "RETURNED");
			records.sourcedEvent("DEPORTATION", null, "US", undated, null, null);
			records.sourcedEvent("FLIGHT", "2015-03", "US", undated, null, null);
			// Synthetic test data is never evidence: a synthetic return from the U.S. in 2015 counts for nothing.
			long synthetic = records.fugitive("Test Synthetic Return", "RETURNED");
			records.event("SURRENDER", "2015-07-01", "US", synthetic, null, 1L);
			// In the case of the five and at large.
			long atLarge = records.fugitive("Test In The Case", "AT_LARGE");
			records.participant(1, atLarge);

			Map<Long, Result> after = reconcileAll();
			assertThat(delta(before, after, 4)).as("48 returned from the U.S. in 2015").isEqualTo(3);
			assertThat(delta(before, after, 5)).as("3 forcibly repatriated from the U.S. in 2015").isEqualTo(1);
			assertThat(delta(before, after, 3)).as("2 brought back from the U.S., 2003–2013").isZero();
			assertThat(delta(before, after, 6)).as("more than 860 brought back under Sky Net, April–November 2015")
				.isEqualTo(2);
			assertThat(delta(before, after, 7)).as("196 corrupt officials: every return counts").isEqualTo(2);
			assertThat(delta(before, after, 1)).as("five in the case").isEqualTo(1);
			assertThat(delta(before, after, 2)).as("four of them at large").isEqualTo(1);
		}
		assertThat(reconcileAll()).as("the test rows are gone").isEqualTo(before);
	}

	private Map<Long, Result> reconcileAll() {
		return transactions.execute(status -> reconciliation.reconcile(figures.findAll()));
	}

	private static long delta(Map<Long, Result> before, Map<Long, Result> after, long figureId) {
		return after.get(figureId).recorded() - before.get(figureId).recorded();
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

}
