package org.fugitivetracker.admin;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows the admin tests create for themselves, marked "Test", so that the article's seed stays as
 * it is (its quotes, its people, its citations): tests cite their own source, never the article.
 */
public final class AdminTestData {

	public static final String SOURCE_TITLE = "Test source (created by the admin tests)";

	private AdminTestData() {
	}

	/** The tests' own source (created once per database). */
	public static synchronized long testSource(JdbcTemplate jdbc) {
		Long existing = jdbc.query("select id from source where title = ?", rs -> rs.next() ? rs.getLong(1) : null,
				SOURCE_TITLE);
		return existing != null ? existing
				: jdbc.queryForObject("insert into source (title, publisher, url) values (?, 'Test publisher', "
						+ "'https://example.org/test-source') returning id", Long.class, SOURCE_TITLE);
	}

	public static long testFugitive(JdbcTemplate jdbc, String name) {
		return jdbc.queryForObject("insert into fugitive (name) values (?) returning id", Long.class, name);
	}

	/** An event of a test fugitive, cited like every event about a person. */
	public static long testEvent(JdbcTemplate jdbc, long fugitiveId, String type, String firstDay, String precision) {
		long event = jdbc.queryForObject("insert into event (type, occurred_date, occurred_precision, fugitive_id) "
				+ "values (?, cast(? as date), ?, ?) returning id", Long.class, type, firstDay, precision, fugitiveId);
		jdbc.update("insert into citation (source_id, attribute, claim, quote, event_id) values (?, 'occurred', "
				+ "'Test claim', 'Test quote', ?)", testSource(jdbc), event);
		return event;
	}

}
