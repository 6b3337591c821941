package org.fugitivetracker.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fugitivetracker.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partial-date rule lives where each side needs it, in {@link PartialDate} for the forms and in
 * the database for its CHECK constraints ({@code partial_date_ok}) and the reconciliation of figures
 * ({@code partial_date_last_day}); this test holds the two to one rule, for every day of two
 * centuries (leap years and month ends included) at every precision.
 */
@IntegrationTest
class PartialDateInTheDatabaseTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theDatabaseAndPartialDateAgreeOnEveryDayAtEveryPrecision() {
		List<String> disagreements = new ArrayList<>();
		long[] compared = { 0 };
		jdbc.query("""
				SELECT d::date, p, partial_date_ok(d::date, p), partial_date_last_day(d::date, p)
				FROM generate_series(TIMESTAMP '1899-01-01', TIMESTAMP '2101-12-31', interval '1 day') AS d,
				     unnest(ARRAY['YEAR', 'MONTH', 'DAY']) AS p""", row -> {
			LocalDate day = row.getObject(1, LocalDate.class);
			PartialDate partial = new PartialDate(day, DatePrecision.valueOf(row.getString(2)));
			boolean stored = partial.earliestDay().equals(day);
			if (row.getBoolean(3) != stored || !partial.latestDay().equals(row.getObject(4, LocalDate.class))) {
				disagreements.add(day + " " + partial.precision() + ": the database says first day of its period "
						+ row.getBoolean(3) + ", last day " + row.getObject(4, LocalDate.class) + "; PartialDate says "
						+ stored + ", " + partial.latestDay());
			}
			compared[0]++;
		});
		long days = LocalDate.of(2101, 12, 31).toEpochDay() - LocalDate.of(1899, 1, 1).toEpochDay() + 1;
		assertThat(compared[0]).isEqualTo(3 * days);
		assertThat(disagreements).isEmpty();
	}

	@Test
	void anUnknownPrecisionOrNoDateHasNoLastDay() {
		assertThat(jdbc.queryForObject("SELECT partial_date_last_day(DATE '2015-04-01', 'WEEK')", LocalDate.class)).isNull();
		assertThat(jdbc.queryForObject("SELECT partial_date_last_day(NULL, 'YEAR')", LocalDate.class)).isNull();
	}

}
