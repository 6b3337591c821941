package org.fugitivetracker.fugitive;

import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a transaction that adds thousands of people (an import) does around its writes, so that
 * they cost time in proportion to their number: the facet counts are added once at its end rather
 * than row by row (each update of one summary row in one transaction walks all its earlier
 * versions), and the name indexes' pending lists are merged (a long list makes every later name
 * look-up slow enough for the planner to read the whole table instead).
 */
@Component
public class BulkWrites {

	private final JdbcTemplate jdbc;

	BulkWrites(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * From here to {@link #finish} in this transaction, the facet counts leave people alone: only
	 * people this transaction adds may be written until then.
	 */
	public void start() {
		jdbc.queryForObject("SELECT set_config('app.facet_counts_deferred', 'on', true)", String.class);
	}

	/** Counts the people added since {@link #start} as they now stand, and merges the name indexes. */
	public void finish(Collection<Long> added) {
		jdbc.queryForObject("SELECT set_config('app.facet_counts_deferred', 'off', true)", String.class);
		jdbc.update("""
				INSERT INTO fugitive_facet_count AS c (status, destinations, fugitives)
				SELECT status, destinations, count(*) FROM fugitive WHERE id = ANY (?) GROUP BY 1, 2 ORDER BY 1, 2
				ON CONFLICT (status, destinations) DO UPDATE SET fugitives = c.fugitives + excluded.fugitives""",
				(Object) added.toArray(Long[]::new));
		jdbc.queryForList("""
				SELECT gin_clean_pending_list(index_name::regclass)
				FROM unnest(ARRAY['fugitive_search_text_trgm_idx', 'fugitive_search_text_han_idx']) AS index_name""");
	}

}
