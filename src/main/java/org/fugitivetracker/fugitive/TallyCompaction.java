package org.fugitivetracker.fugitive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Folds the tallies' rows of change (V22: every write of the facet counts adds some, and none is
 * ever updated, so that writers never queue on a total) into one row per key, every
 * {@code app.tallies.compact-every}. The dashboard and the list's country counts then sum a few
 * dozen rows, however many people were written since the start. Safe with several instances: rows
 * a compaction has folded are gone for the next.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TallyCompaction {

	private static final Logger log = LoggerFactory.getLogger(TallyCompaction.class);

	private final JdbcTemplate jdbc;

	TallyCompaction(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(initialDelayString = "${app.tallies.compact-every:60s}",
			fixedDelayString = "${app.tallies.compact-every:60s}")
	void compact() {
		try {
			jdbc.queryForList("SELECT compact_fugitive_tallies()");
		}
		catch (DataAccessException ex) {
			// the totals stay right, only slower to sum; the next run folds what this one could not
			log.warn("Tallies not compacted: {}", ex.getMostSpecificCause().getMessage());
		}
	}

}
