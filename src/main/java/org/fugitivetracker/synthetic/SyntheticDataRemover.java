package org.fugitivetracker.synthetic;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Deletes every synthetic row in one transaction: what cites a synthetic source, then the big child
 * tables set-based, then the synthetic parents. Foreign-key triggers stay on, so whatever else
 * references a synthetic row (a table added later, a real record pointing at a synthetic one) is
 * cascaded or refuses the deletion exactly as the schema says; deleting the known children first
 * leaves those per-row checks nothing to do but an index probe.
 */
@Service
class SyntheticDataRemover {

	private static final Logger log = LoggerFactory.getLogger(SyntheticDataRemover.class);

	/** Step name, statement; in an order that deletes children before their parents. */
	private static final Map<String, String> STATEMENTS = new LinkedHashMap<>();

	static {
		STATEMENTS.put("citation", "DELETE FROM citation WHERE source_id IN (SELECT id FROM source WHERE synthetic)");
		STATEMENTS.put("asset_transfer_channel", "DELETE FROM asset_transfer_channel c USING asset_transfer t "
				+ "WHERE c.asset_transfer_id = t.id AND t.synthetic");
		STATEMENTS.put("asset_transfer", "DELETE FROM asset_transfer WHERE synthetic");
		STATEMENTS.put("event", "DELETE FROM event WHERE synthetic");
		STATEMENTS.put("case_participant", "DELETE FROM case_participant p USING fugitive f "
				+ "WHERE p.fugitive_id = f.id AND f.synthetic");
		STATEMENTS.put("fugitive_destination", "DELETE FROM fugitive_destination d USING fugitive f "
				+ "WHERE d.fugitive_id = f.id AND f.synthetic");
		STATEMENTS.put("fugitive", "DELETE FROM fugitive WHERE synthetic");
		STATEMENTS.put("case_file", "DELETE FROM case_file WHERE synthetic");
		STATEMENTS.put("source", "DELETE FROM source WHERE synthetic");
	}

	private final DataSource dataSource;

	SyntheticDataRemover(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	LoadReport remove() throws SQLException {
		long started = System.nanoTime();
		List<LoadReport.Step> steps = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				for (Map.Entry<String, String> step : STATEMENTS.entrySet()) {
					long stepStarted = System.nanoTime();
					int rows = statement.executeUpdate(step.getValue());
					steps.add(new LoadReport.Step(step.getKey(), rows, (System.nanoTime() - stepStarted) / 1e9));
					log.debug("Removed {} synthetic rows from {}", rows, step.getKey());
				}
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		return new LoadReport("Synthetic data removed (rows deleted per table)", steps,
				(System.nanoTime() - started) / 1e9, SyntheticDataGenerator.peakHeap());
	}

}
