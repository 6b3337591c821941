package org.fugitivetracker;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tallies (V22) against the people they count: each status's and each status and country's
 * number of people, as the tallies sum them and as the fugitive table has them.
 */
public final class TallyChecks {

	private static final String TALLIED = """
			SELECT 'status ' || status || ' ' || sum(fugitives) FROM fugitive_status_tally
			GROUP BY status HAVING sum(fugitives) <> 0
			UNION ALL
			SELECT 'country ' || status || ' ' || country_code || ' ' || sum(fugitives) FROM fugitive_country_tally
			GROUP BY status, country_code HAVING sum(fugitives) <> 0
			ORDER BY 1""";

	private static final String COUNTED = """
			SELECT 'status ' || status || ' ' || count(*) FROM fugitive GROUP BY status
			UNION ALL
			SELECT 'country ' || f.status || ' ' || d.country_code || ' ' || count(*)
			FROM fugitive f CROSS JOIN LATERAL unnest(f.destinations) AS d(country_code)
			GROUP BY f.status, d.country_code
			ORDER BY 1""";

	private TallyChecks() {
	}

	/** The totals as the tallies give them, one line each, sorted. */
	public static List<String> tallied(JdbcTemplate jdbc) {
		return jdbc.queryForList(TALLIED, String.class);
	}

	/** The same totals counted from the people. */
	public static List<String> counted(JdbcTemplate jdbc) {
		return jdbc.queryForList(COUNTED, String.class);
	}

}
