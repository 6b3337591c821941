package org.fugitivetracker.fugitive;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The GIN indexes over people's names (trigrams, Chinese characters) take new rows into a pending
 * list that every search reads whole until it is merged (by autovacuum, some time later). After a
 * write of thousands of people the list makes each name look-up slow enough for the planner to
 * scan the table instead; whoever writes that many merges it at once.
 */
@Component
public class SearchIndexes {

	private final JdbcTemplate jdbc;

	SearchIndexes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Merges the pending entries of the name indexes into the indexes proper. */
	public void mergePending() {
		jdbc.queryForList("""
				SELECT gin_clean_pending_list(index_name::regclass)
				FROM unnest(ARRAY['fugitive_search_text_trgm_idx', 'fugitive_search_text_han_idx']) AS index_name""");
	}

}
