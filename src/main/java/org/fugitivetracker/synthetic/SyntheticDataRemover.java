package org.fugitivetracker.synthetic;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes every synthetic row, and whatever the schema says goes with it, in one transaction.
 *
 * <p>
 * The fast path does what the foreign keys' {@code ON DELETE CASCADE} would do, set-based and
 * with the triggers off ({@code session_replication_role = replica}): deleting parents one row at
 * a time through cascade triggers is many times slower at a million fugitives (figures in
 * docs/benchmarks.md). It is taken only when the foreign keys pointing at the deleted tables are
 * exactly the ones these statements handle ({@link #HANDLED}); when a migration adds another (a new
 * table referencing fugitives, say), or the role may not turn triggers off, the remover deletes with
 * the triggers on, so the schema cascades or refuses as it says, only slower.
 */
class SyntheticDataRemover {

	private static final Logger log = LoggerFactory.getLogger(SyntheticDataRemover.class);

	/** The tables whose rows are deleted as parents: synthetic rows, and rows cascading from them. */
	private static final List<String> PARENTS = List.of("fugitive", "event", "asset_transfer", "case_file",
			"cooperation_step", "source");

	/** Every foreign key (child.column → parent) pointing at {@link #PARENTS} that the fast path handles. */
	static final Set<String> HANDLED = Set.of("fugitive_alias.fugitive_id → fugitive",
			"fugitive_offence.fugitive_id → fugitive", "fugitive_destination.fugitive_id → fugitive",
			"list_membership.fugitive_id → fugitive", "external_identifier.fugitive_id → fugitive",
			"case_participant.fugitive_id → fugitive", "event.fugitive_id → fugitive",
			"asset_transfer.fugitive_id → fugitive", "citation.fugitive_id → fugitive", "citation.event_id → event",
			"case_agency.case_id → case_file", "case_participant.case_id → case_file",
			"cooperation_step.case_id → case_file", "event.case_id → case_file", "asset_transfer.case_id → case_file",
			"reported_figure.case_id → case_file", "citation.case_id → case_file",
			"citation.cooperation_step_id → cooperation_step", "asset_transfer_channel.asset_transfer_id → asset_transfer",
			"citation.asset_transfer_id → asset_transfer", "citation.source_id → source",
			"fugitive_photo.fugitive_id → fugitive", "external_identifier.source_id → source",
			"list_membership.source_id → source", "import_upload.source_id → source");

	// What goes: synthetic rows, and the rows the schema cascades from them (correlated, for index probes)
	private static final String FUGITIVE_GOES = "EXISTS (SELECT 1 FROM fugitive f WHERE f.id = %s AND f.synthetic)";

	private static final String CASE_GOES = "EXISTS (SELECT 1 FROM case_file k WHERE k.id = %s AND k.synthetic)";

	private static final String EVENT_GOES = "EXISTS (SELECT 1 FROM event e WHERE e.id = %s AND (e.synthetic OR "
			+ FUGITIVE_GOES.formatted("e.fugitive_id") + " OR " + CASE_GOES.formatted("e.case_id") + "))";

	private static final String TRANSFER_GOES = "EXISTS (SELECT 1 FROM asset_transfer t WHERE t.id = %s AND (t.synthetic OR "
			+ FUGITIVE_GOES.formatted("t.fugitive_id") + " OR " + CASE_GOES.formatted("t.case_id") + "))";

	private static final String STEP_GOES = "EXISTS (SELECT 1 FROM cooperation_step s WHERE s.id = %s AND "
			+ CASE_GOES.formatted("s.case_id") + ")";

	// The same, set-based, for the big tables (hashed: work_mem is raised for the transaction)
	private static final String FUGITIVES = "(SELECT id FROM fugitive WHERE synthetic)";

	private static final String CASES = "(SELECT id FROM case_file WHERE synthetic)";

	/**
	 * Photos of synthetic people, and any that cite a synthetic source (whose citation goes, and a
	 * photo without its citation is not kept): few rows, probed.
	 */
	private static final String PHOTO_GOES = FUGITIVE_GOES.formatted("p.fugitive_id") + " OR EXISTS (SELECT 1 FROM "
			+ "citation c JOIN source s ON s.id = c.source_id WHERE c.id = p.citation_id AND s.synthetic)";

	/** The rows of a table whose source is synthetic. */
	private static final String SOURCED_BY_SYNTHETIC = "DELETE FROM %s r USING source s WHERE r.source_id = s.id "
			+ "AND s.synthetic";

	/** Table, statement: the cascades written out, children before their parents. */
	private static final List<String[]> FAST = new ArrayList<>();

	static {
		// photos before their citations; their bytes first (no cascade with the triggers off)
		FAST.add(new String[] { "fugitive_photo_file", "DELETE FROM fugitive_photo_file f USING fugitive_photo p "
				+ "WHERE f.photo_id = p.id AND (" + PHOTO_GOES + ")" });
		FAST.add(new String[] { "fugitive_photo", "DELETE FROM fugitive_photo p WHERE " + PHOTO_GOES });
		// the bulk of the citations: those of synthetic sources
		FAST.add(new String[] { "citation",
				"DELETE FROM citation c USING source s WHERE c.source_id = s.id AND s.synthetic" });
		// identifiers and places on lists that cite a synthetic source go with it, as its citations do
		FAST.add(new String[] { "external_identifier", SOURCED_BY_SYNTHETIC.formatted("external_identifier") });
		FAST.add(new String[] { "list_membership", SOURCED_BY_SYNTHETIC.formatted("list_membership") });
		// a file uploaded to be imported citing a synthetic source for its rows is test data too
		FAST.add(new String[] { "import_upload", SOURCED_BY_SYNTHETIC.formatted("import_upload") });
		// what real sources say about synthetic rows (none, unless someone cited one): few rows, probed
		FAST.add(new String[] { "citation", "DELETE FROM citation c WHERE c.source_id IN (SELECT id FROM source "
				+ "WHERE NOT synthetic) AND (" + FUGITIVE_GOES.formatted("c.fugitive_id") + " OR "
				+ EVENT_GOES.formatted("c.event_id") + " OR " + TRANSFER_GOES.formatted("c.asset_transfer_id") + " OR "
				+ CASE_GOES.formatted("c.case_id") + " OR " + STEP_GOES.formatted("c.cooperation_step_id") + ")" });
		String transfers = "t.synthetic OR t.fugitive_id IN " + FUGITIVES + " OR t.case_id IN " + CASES;
		FAST.add(new String[] { "asset_transfer_channel", "DELETE FROM asset_transfer_channel ch USING asset_transfer t "
				+ "WHERE ch.asset_transfer_id = t.id AND (" + transfers + ")" });
		FAST.add(new String[] { "asset_transfer", "DELETE FROM asset_transfer t WHERE " + transfers });
		FAST.add(new String[] { "event",
				"DELETE FROM event WHERE synthetic OR fugitive_id IN " + FUGITIVES + " OR case_id IN " + CASES });
		FAST.add(new String[] { "cooperation_step", "DELETE FROM cooperation_step WHERE case_id IN " + CASES });
		FAST.add(new String[] { "case_agency", "DELETE FROM case_agency WHERE case_id IN " + CASES });
		FAST.add(new String[] { "case_participant",
				"DELETE FROM case_participant WHERE fugitive_id IN " + FUGITIVES + " OR case_id IN " + CASES });
		for (String child : List.of("fugitive_alias", "fugitive_offence", "fugitive_destination", "list_membership",
				"external_identifier")) {
			FAST.add(new String[] { child, "DELETE FROM " + child + " WHERE fugitive_id IN " + FUGITIVES });
		}
		FAST.add(new String[] { "fugitive", "DELETE FROM fugitive WHERE synthetic" });
		FAST.add(new String[] { "case_file", "DELETE FROM case_file WHERE synthetic" });
		FAST.add(new String[] { "source", "DELETE FROM source WHERE synthetic" });
	}

	/**
	 * Table, statement: with the triggers on, the big children first (set-based), then the parents,
	 * whose cascades delete the rest.
	 */
	private static final List<String[]> CHECKED = List.of(
			new String[] { "fugitive_photo", "DELETE FROM fugitive_photo p WHERE " + PHOTO_GOES },
			new String[] { "citation",
					"DELETE FROM citation c USING source s WHERE c.source_id = s.id AND s.synthetic" },
			new String[] { "asset_transfer_channel", "DELETE FROM asset_transfer_channel c USING asset_transfer t "
					+ "WHERE c.asset_transfer_id = t.id AND t.synthetic" },
			new String[] { "asset_transfer", "DELETE FROM asset_transfer WHERE synthetic" },
			new String[] { "event", "DELETE FROM event WHERE synthetic" },
			new String[] { "case_participant", "DELETE FROM case_participant p USING fugitive f "
					+ "WHERE p.fugitive_id = f.id AND f.synthetic" },
			new String[] { "fugitive_destination", "DELETE FROM fugitive_destination d USING fugitive f "
					+ "WHERE d.fugitive_id = f.id AND f.synthetic" },
			new String[] { "fugitive", "DELETE FROM fugitive WHERE synthetic" },
			new String[] { "case_file", "DELETE FROM case_file WHERE synthetic" },
			new String[] { "external_identifier", SOURCED_BY_SYNTHETIC.formatted("external_identifier") },
			new String[] { "list_membership", SOURCED_BY_SYNTHETIC.formatted("list_membership") },
			new String[] { "source", "DELETE FROM source WHERE synthetic" });

	private final DataSource dataSource;

	SyntheticDataRemover(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	LoadReport remove() throws SQLException {
		return remove(false);
	}

	/** @param checkForeignKeys delete with the triggers on even where the fast path could be taken */
	LoadReport remove(boolean checkForeignKeys) throws SQLException {
		long started = System.nanoTime();
		List<LoadReport.Step> steps = new ArrayList<>();
		boolean fast;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				Set<String> unhandled = unhandledForeignKeys(statement);
				fast = !checkForeignKeys && unhandled.isEmpty() && SyntheticDataGenerator.maySkipTriggers(connection);
				if (!unhandled.isEmpty()) {
					log.info("Removing with the triggers on: foreign keys the fast path does not know: {}", unhandled);
				}
				statement.execute("SET LOCAL work_mem = '256MB'"); // hash a million ids in memory
				if (fast) {
					refuseWhatTheSchemaWouldRefuse(statement);
					statement.execute("SET LOCAL session_replication_role = replica");
				}
				Map<String, long[]> rowsByTable = new LinkedHashMap<>();
				Map<String, Double> secondsByTable = new LinkedHashMap<>();
				for (String[] step : fast ? FAST : CHECKED) {
					long stepStarted = System.nanoTime();
					int rows = statement.executeUpdate(step[1]);
					rowsByTable.computeIfAbsent(step[0], table -> new long[1])[0] += rows;
					secondsByTable.merge(step[0], (System.nanoTime() - stepStarted) / 1e9, Double::sum);
				}
				rowsByTable.forEach((table, rows) -> steps.add(new LoadReport.Step(table, rows[0], secondsByTable.get(table))));
				if (fast) {
					// V4's delete triggers did not run: recount the facets from what is left
					statement.execute("SELECT rebuild_fugitive_facet_count()");
				}
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			long analyseStarted = System.nanoTime();
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("ANALYZE " + String.join(", ", SyntheticDataGenerator.COLUMNS.keySet()));
			}
			steps.add(new LoadReport.Step("analyze", 0, (System.nanoTime() - analyseStarted) / 1e9));
		}
		return new LoadReport("Synthetic data removed (rows deleted per table; foreign-key triggers "
				+ (fast ? "off, cascades done set-based" : "on") + ")", steps, (System.nanoTime() - started) / 1e9,
				SyntheticDataGenerator.peakHeap());
	}

	private static Set<String> unhandledForeignKeys(Statement statement) throws SQLException {
		Set<String> unhandled = new TreeSet<>();
		try (ResultSet result = statement.executeQuery("""
				SELECT c.conrelid::regclass || '.' || string_agg(a.attname, ',' ORDER BY k.ord) || ' → ' || c.confrelid::regclass
				FROM pg_constraint c
				CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
				JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
				WHERE c.contype = 'f' AND c.confrelid::regclass::text IN ('%s')
				GROUP BY c.oid, c.conrelid, c.confrelid""".formatted(String.join("', '", PARENTS)))) {
			while (result.next()) {
				if (!HANDLED.contains(result.getString(1))) {
					unhandled.add(result.getString(1));
				}
			}
		}
		return unhandled;
	}

	/** With the triggers off, what a NO ACTION foreign key would refuse must be refused here. */
	private static void refuseWhatTheSchemaWouldRefuse(Statement statement) throws SQLException {
		try (ResultSet result = statement
			.executeQuery("SELECT count(*) FROM reported_figure r WHERE " + CASE_GOES.formatted("r.case_id"))) {
			result.next();
			if (result.getLong(1) > 0) {
				throw new IllegalStateException(result.getLong(1)
						+ " reported figure(s) refer to a synthetic case; they are not synthetic, so nothing was removed");
			}
		}
	}

}
