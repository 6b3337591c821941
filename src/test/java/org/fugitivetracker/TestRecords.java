package org.fugitivetracker;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows a test creates in the shared database (names start with "Test "), removed again by
 * {@link #close()}, so other tests never see them. Each method inserts one row and returns its id.
 * Dates are given as ISO partial dates ("2015", "2015-04", "2015-12-05") or null.
 *
 * <pre>
 * try (TestRecords records = new TestRecords(jdbc)) {
 *     long person = records.fugitive("Test Person", "AT_LARGE");
 *     ...
 * }
 * </pre>
 */
public final class TestRecords implements AutoCloseable {

	private final JdbcTemplate jdbc;

	/** Deletions to run, newest first, so that rows go before what they reference. */
	private final Deque<String> cleanup = new ArrayDeque<>();

	public TestRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public long source(String title) {
		long id = insert("insert into source (title, publisher, published_date, published_precision, synthetic) "
				+ "values (?, 'Test publisher', date '2020-01-01', 'DAY', true) returning id", title);
		cleanup.push("delete from source where id = " + id);
		// Citations reference the source without cascading; they go first.
		cleanup.push("delete from citation where source_id = " + id);
		return id;
	}

	public long fugitive(String name, String status) {
		long id = insert("insert into fugitive (name, status, synthetic) values (?, ?, true) returning id", name, status);
		cleanup.push("delete from fugitive where id = " + id);
		return id;
	}

	public TestRecords fled(long fugitiveId, String date) {
		String[] partial = partial(date);
		jdbc.update("update fugitive set fled_date = cast(? as date), fled_precision = ? where id = ?", partial[0],
				partial[1], fugitiveId);
		return this;
	}

	public TestRecords destination(long fugitiveId, String country) {
		jdbc.update("insert into fugitive_destination (fugitive_id, country_code) values (?, ?)", fugitiveId, country);
		return this;
	}

	public TestRecords offence(long fugitiveId, String offence) {
		jdbc.update("insert into fugitive_offence (fugitive_id, offence) values (?, ?)", fugitiveId, offence);
		return this;
	}

	public TestRecords alias(long fugitiveId, String alias) {
		jdbc.update("insert into fugitive_alias (fugitive_id, alias) values (?, ?)", fugitiveId, alias);
		return this;
	}

	public TestRecords identifier(long fugitiveId, String value) {
		jdbc.update("insert into external_identifier (fugitive_id, scheme, value) values (?, 'INTERPOL_RED_NOTICE', ?)",
				fugitiveId, value);
		return this;
	}

	public long operation(String codeName, Integer target) {
		long id = insert("insert into operation (code_name, started_date, started_precision, planned_duration_months, "
				+ "target_count) values (?, date '2020-01-01', 'MONTH', 6, ?) returning id", codeName, target);
		cleanup.push("delete from operation where id = " + id);
		cleanup.push("delete from event where operation_id = " + id);
		cleanup.push("delete from reported_figure where operation_id = " + id);
		return id;
	}

	public long wantedList(String name, long operationId) {
		long id = insert("insert into wanted_list (name, operation_id) values (?, ?) returning id", name, operationId);
		cleanup.push("delete from wanted_list where id = " + id);
		cleanup.push("delete from list_membership where wanted_list_id = " + id);
		return id;
	}

	public TestRecords membership(long fugitiveId, long wantedListId, Integer rank) {
		jdbc.update("insert into list_membership (fugitive_id, wanted_list_id, rank) values (?, ?, ?)", fugitiveId,
				wantedListId, rank);
		return this;
	}

	public long caseFile(String title, String counterpartCountry) {
		long id = insert("insert into case_file (title, status, counterpart_country, synthetic) "
				+ "values (?, 'OPEN', ?, true) returning id", title, counterpartCountry);
		cleanup.push("delete from case_file where id = " + id);
		cleanup.push("delete from reported_figure where case_id = " + id);
		return id;
	}

	public TestRecords participant(long caseId, long fugitiveId) {
		jdbc.update("insert into case_participant (case_id, fugitive_id, role) values (?, ?, 'ACCOMPLICE')", caseId,
				fugitiveId);
		return this;
	}

	public TestRecords agency(long caseId, long agencyId) {
		jdbc.update("insert into case_agency (case_id, agency_id) values (?, ?)", caseId, agencyId);
		return this;
	}

	public long step(long caseId, int position, Long requestedByAgencyId) {
		return insert("insert into cooperation_step (case_id, position, kind, requested_by_agency_id, description) "
				+ "values (?, ?, 'NEGOTIATION', ?, 'Test step') returning id", caseId, position, requestedByAgencyId);
	}

	/** An event about a person, a case or an operation (at least one), from or in a country. */
	public long event(String type, String date, String country, Long fugitiveId, Long caseId, Long operationId) {
		return event(type, date, country, fugitiveId, caseId, operationId, true);
	}

	/** An event as an admin records it: sourced, not synthetic (reconciliation counts only these). */
	public long sourcedEvent(String type, String date, String country, Long fugitiveId, Long caseId, Long operationId) {
		return event(type, date, country, fugitiveId, caseId, operationId, false);
	}

	private long event(String type, String date, String country, Long fugitiveId, Long caseId, Long operationId,
			boolean synthetic) {
		String[] partial = partial(date);
		long id = insert("insert into event (type, occurred_date, occurred_precision, country_code, fugitive_id, case_id, "
				+ "operation_id, description, synthetic) values (?, cast(? as date), ?, ?, ?, ?, ?, 'Test event', ?) "
				+ "returning id", type, partial[0], partial[1], country, fugitiveId, caseId, operationId, synthetic);
		cleanup.push("delete from event where id = " + id);
		return id;
	}

	public long transfer(Long fugitiveId, Long caseId, String amount) {
		long id = insert("insert into asset_transfer (amount, currency, qualifier, amount_as_reported, fugitive_id, case_id, "
				+ "synthetic) values (cast(? as numeric), 'CNY', 'ABOUT', 'Test amount', ?, ?, true) returning id", amount,
				fugitiveId, caseId);
		jdbc.update("insert into asset_transfer_channel (asset_transfer_id, channel) values (?, 'CASH')", id);
		cleanup.push("delete from asset_transfer where id = " + id);
		return id;
	}

	/** A figure of persons; from/to are partial dates or null; countries may be empty. */
	public long figure(String metric, long value, String from, String to, Long operationId, Long caseId,
			String... countries) {
		String[] start = partial(from);
		String[] end = partial(to);
		long id = insert("insert into reported_figure (metric, value, qualifier, unit, period_from_date, "
				+ "period_from_precision, period_to_date, period_to_precision, operation_id, case_id) "
				+ "values (?, ?, 'EXACT', 'PERSONS', cast(? as date), ?, cast(? as date), ?, ?, ?) returning id", metric,
				value, start[0], start[1], end[0], end[1], operationId, caseId);
		for (String country : countries) {
			jdbc.update("insert into reported_figure_country (reported_figure_id, country_code) values (?, ?)", id, country);
		}
		cleanup.push("delete from reported_figure where id = " + id);
		return id;
	}

	/** A citation of one subject; {@code subjectColumn} is e.g. "fugitive_id", "event_id", "country_code". */
	public long citation(long sourceId, String subjectColumn, Object subjectId, String attribute, String claim,
			String quote) {
		return insert("insert into citation (source_id, attribute, claim, quote, " + subjectColumn
				+ ") values (?, ?, ?, ?, ?) returning id", sourceId, attribute, claim, quote, subjectId);
	}

	@Override
	public void close() {
		while (!cleanup.isEmpty()) {
			jdbc.update(cleanup.pop());
		}
	}

	private long insert(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	/** {date, precision} for "2015", "2015-04" or "2015-12-05"; {null, null} for null. */
	private static String[] partial(String date) {
		if (date == null) {
			return new String[] { null, null };
		}
		return switch (date.length()) {
			case 4 -> new String[] { date + "-01-01", "YEAR" };
			case 7 -> new String[] { date + "-01", "MONTH" };
			default -> new String[] { LocalDate.parse(date).toString(), "DAY" };
		};
	}

}
