package org.fugitivetracker.synthetic;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads N synthetic fugitives, with their destinations, events, asset transfers, cases and
 * citations, through PostgreSQL's COPY.
 *
 * <p>
 * How it stays fast:
 * <ul>
 * <li>Ids are reserved in blocks from the identity sequences ({@link IdBlocks}), so every child row
 * names its parent without a round trip.</li>
 * <li>Rows are streamed: each table's pass draws every fugitive again from its index (see
 * {@link FugitivePlan}) instead of keeping millions of them in memory.</li>
 * <li>Where the role may (a superuser, or on PostgreSQL 15 a role granted SET on the parameter), the
 * load runs with {@code session_replication_role = replica}, as pg_restore does: foreign-key
 * triggers do not fire, because the generator builds every reference itself (a test loads with the
 * checks on to prove it). CHECK, NOT NULL, primary-key and unique constraints are enforced as
 * always. The columns V4's triggers would fill (search text, destinations) are written with the row,
 * as the database's own functions derive them from the row's values, and so are the romanised
 * names the application writes with a native name ({@link DerivedFields}); the
 * facet counts are rebuilt once at the end.</li>
 * <li>Then the load runs as two transactions at once, as {@code pg_restore --jobs} does: one
 * connection copies the parent tables (sources, cases, fugitives and what hangs directly on them),
 * the other the children (events, transfers, citations), each on one of the machine's cores. The
 * parents commit first, then the children; a failure in either before that rolls both back.</li>
 * <li>For a big load (at least {@link Options#rebuildIndexesFrom()} fugitives, and at least as many
 * as the table already holds) the secondary indexes the new rows would enter are dropped and built
 * again after the COPY, as pg_restore does: one sort per index instead of millions of random
 * insertions; so are the primary keys no foreign key references. Every other constraint index
 * (referenced primary keys, unique) stays. Because this happens inside the
 * transactions, a failed load leaves every index as it was; but while it runs, the loaded tables are
 * locked, so the application waits: load big volumes while it is stopped.</li>
 * </ul>
 * Then the loaded tables are analysed so that the planner knows their new sizes. Any
 * trigger-maintained summary added to the schema later must be written or refreshed by this load
 * too, since triggers are off while it runs.
 */
class SyntheticDataGenerator {

	private static final Logger log = LoggerFactory.getLogger(SyntheticDataGenerator.class);

	/** The tables loaded, in load order, with the columns the generator fills. */
	static final Map<String, String> COLUMNS = new LinkedHashMap<>();

	static {
		COLUMNS.put("source", "id, title, publisher, published_date, published_precision, reference, synthetic");
		COLUMNS.put("case_file", "id, title, status, counterpart_country, synthetic");
		COLUMNS.put("fugitive", "id, name, native_name, sex, birth_year, reported_age, reported_age_date, "
				+ "reported_age_precision, former_position, province, city, status, fled_date, fled_precision, synthetic, "
				+ "romanised_names, search_text, destinations");
		COLUMNS.put("fugitive_destination", "fugitive_id, country_code");
		COLUMNS.put("case_participant", "case_id, fugitive_id, role");
		COLUMNS.put("event", "id, type, occurred_date, occurred_precision, country_code, fugitive_id, case_id, synthetic");
		COLUMNS.put("asset_transfer", "id, amount, currency, qualifier, amount_as_reported, destination_country, "
				+ "fugitive_id, case_id, synthetic");
		COLUMNS.put("asset_transfer_channel", "asset_transfer_id, channel");
		COLUMNS.put("citation", "id, source_id, attribute, claim, fugitive_id, event_id, asset_transfer_id, case_id");
	}

	/** The tables the first part loads: those the others' rows refer to. */
	static final List<String> PARENT_TABLES = List.of("source", "case_file", "fugitive", "fugitive_destination",
			"case_participant");

	/** The tables the second part loads, at the same time on a second connection when it may. */
	static final List<String> CHILD_TABLES = List.of("event", "asset_transfer", "asset_transfer_channel", "citation");

	private static final byte[] SYNTHETIC_CLAIM = CopyStream.escape("Synthetic claim");

	private static final byte[] ATTRIBUTE_NAME = CopyStream.escape("name");

	private static final byte[] ATTRIBUTE_OCCURRED = CopyStream.escape("occurred");

	private static final byte[] ATTRIBUTE_AMOUNT = CopyStream.escape("amount");

	private static final byte[] ATTRIBUTE_PARTICIPANTS = CopyStream.escape("participants");

	private static final String[] PRECISION = Vocabulary.PRECISIONS;

	private final DataSource dataSource;

	SyntheticDataGenerator(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * @param seed the same seed gives the same rows
	 * @param checkForeignKeys keep foreign-key triggers on during the load (slow; proves the references)
	 * @param rebuildIndexesFrom the smallest load for which secondary indexes are dropped and rebuilt
	 */
	record Options(long seed, boolean checkForeignKeys, long rebuildIndexesFrom) {

		static Options defaults() {
			return new Options(42, false, 50_000);
		}

	}

	/** An index (or the primary key it backs) dropped for the load, and the statement that creates it again. */
	private record DroppedIndex(String table, String drop, String create) {
	}

	LoadReport generate(long count, Options options) throws SQLException {
		if (count <= 0) {
			throw new IllegalArgumentException("The number of synthetic fugitives must be positive, not " + count);
		}
		resetPeakHeap();
		long started = System.nanoTime();
		List<LoadReport.Step> steps = Collections.synchronizedList(new ArrayList<>());
		boolean skipTriggers;
		boolean rebuildIndexes;
		boolean parallel;
		try (Connection parents = dataSource.getConnection()) {
			skipTriggers = !options.checkForeignKeys() && maySkipTriggers(parents);
			rebuildIndexes = count >= options.rebuildIndexesFrom() && count >= existingFugitives(parents)
					&& ownsTables(parents);
			// With the foreign-key triggers on, a child row would wait for its parent's uncommitted
			// transaction: then everything goes through one connection.
			parallel = skipTriggers;
			try (Connection second = parallel ? dataSource.getConnection() : null) {
				loadAndCommit(count, parents, parallel ? second : parents, skipTriggers, rebuildIndexes, options, steps);
			}
			long analyseStarted = System.nanoTime();
			parents.setAutoCommit(true);
			try (Statement statement = parents.createStatement()) {
				statement.execute("ANALYZE " + String.join(", ", COLUMNS.keySet()));
			}
			steps.add(new LoadReport.Step("analyze", 0, seconds(analyseStarted)));
		}
		String title = String.format(Locale.ROOT,
				"Synthetic data: %,d fugitives loaded (foreign-key triggers %s, secondary indexes %s, %s, seed %d)",
				count, skipTriggers ? "off" : "on", rebuildIndexes ? "rebuilt" : "kept",
				parallel ? "2 connections" : "1 connection", options.seed());
		return new LoadReport(title, List.copyOf(steps), seconds(started), peakHeap());
	}

	/** Copies everything through one connection, or the parents and the children through two at once, then commits. */
	private static void loadAndCommit(long count, Connection parents, Connection children, boolean skipTriggers,
			boolean rebuildIndexes, Options options, List<LoadReport.Step> steps) throws SQLException {
		boolean parallel = children != parents;
		log.info("Loading {} synthetic fugitives: foreign-key triggers {}, secondary indexes {}, {}", count,
				skipTriggers ? "off (session_replication_role = replica)" : "on",
				rebuildIndexes ? "dropped and rebuilt" : "kept",
				parallel ? "parents and children on two connections at once" : "one connection");

		long planStarted = System.nanoTime();
		IdBlocks ids = IdBlocks.reserve(parents, count, options.seed());
		steps.add(new LoadReport.Step("count the rows, reserve their ids", 0, seconds(planStarted)));

		List<Connection> connections = parallel ? List.of(parents, children) : List.of(parents);
		AtomicBoolean failed = new AtomicBoolean();
		try {
			for (Connection connection : connections) {
				begin(connection, skipTriggers);
			}
			Part first = new Part(parallel ? "1: " : "", parents, PARENT_TABLES, ids, skipTriggers, rebuildIndexes,
					failed::get, steps);
			Part then = new Part(parallel ? "2: " : "", children, CHILD_TABLES, ids, skipTriggers, rebuildIndexes,
					failed::get, steps);
			if (parallel) {
				runTogether(first, then, failed);
			}
			else {
				first.run();
				then.run();
			}
			long commitStarted = System.nanoTime();
			// parents first: should the children's commit then fail, no row names a missing parent
			for (Connection connection : connections) {
				connection.commit();
			}
			steps.add(new LoadReport.Step("commit", 0, seconds(commitStarted)));
		}
		catch (SQLException | RuntimeException ex) {
			for (Connection connection : connections) {
				try {
					connection.rollback();
				}
				catch (SQLException rollbackFailure) {
					ex.addSuppressed(rollbackFailure);
				}
			}
			throw ex;
		}
	}

	private static void begin(Connection connection, boolean skipTriggers) throws SQLException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			if (skipTriggers) {
				statement.execute("SET LOCAL session_replication_role = replica");
			}
			// room for the index sorts (the default 64MB spills to disk at a million rows)
			statement.execute("SET LOCAL maintenance_work_mem = '512MB'");
		}
	}

	/**
	 * Runs both parts at once, one thread each; if one fails, the other stops at its next buffer
	 * and the first failure is thrown (with the other's attached).
	 */
	private static void runTogether(Part one, Part other, AtomicBoolean failed) throws SQLException {
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (Part part : List.of(one, other)) {
				running.add(executor.submit(() -> {
					try {
						part.run();
					}
					catch (SQLException | RuntimeException | Error ex) {
						failed.set(true);
						throw ex;
					}
					return null;
				}));
			}
			Exception first = null;
			for (Future<?> part : running) {
				try {
					part.get();
				}
				catch (ExecutionException ex) {
					Exception cause = (ex.getCause() instanceof Exception exception) ? exception
							: new IllegalStateException(ex.getCause());
					if (first == null) {
						first = cause;
					}
					else {
						first.addSuppressed(cause);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					failed.set(true);
					throw new SQLException("Interrupted while loading synthetic data", ex);
				}
			}
			if (first instanceof SQLException sqlException) {
				throw sqlException;
			}
			if (first instanceof RuntimeException runtimeException) {
				throw runtimeException;
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * Whether this role may turn triggers off for its transaction: a superuser may; on PostgreSQL 15
	 * and later a role may be granted {@code SET ON PARAMETER session_replication_role}.
	 */
	static boolean maySkipTriggers(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT rolsuper, current_setting('server_version_num')::int FROM pg_roles WHERE rolname = current_user")) {
			if (!result.next()) {
				return false;
			}
			if (result.getBoolean(1)) {
				return true;
			}
			if (result.getInt(2) < 150000) {
				return false;
			}
		}
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT has_parameter_privilege('session_replication_role', 'SET')")) {
			return result.next() && result.getBoolean(1);
		}
	}

	private static long existingFugitives(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT count(*) FROM fugitive")) {
			result.next();
			return result.getLong(1);
		}
	}

	/** Dropping and creating indexes needs the tables' owner (or a superuser). */
	private static boolean ownsTables(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT bool_and(pg_has_role(relowner, 'USAGE')) FROM pg_class WHERE oid = ANY (?::regclass[])")) {
			statement.setArray(1, connection.createArrayOf("text", COLUMNS.keySet().toArray()));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	/**
	 * Drops the indexes of the loaded tables that the new rows would enter and that can be built again
	 * afterwards: every index that backs no constraint, except partial indexes whose predicate names no
	 * column the generator fills or leaves synthetic rows out (an index on {@code cooperation_step_id
	 * WHERE cooperation_step_id IS NOT NULL}, or one {@code WHERE NOT synthetic}, costs the load
	 * nothing and is kept); and the primary keys that no foreign key references (citation, the join
	 * tables): a primary key that foreign keys depend on stays. Returns how to create them again after
	 * the COPY, primary keys first.
	 *
	 * <p>
	 * Even the indexes that only grow at their right edge (led by ids the generator writes in
	 * ascending order), and the citations' primary key, cost a big load more to keep than to build
	 * again (measured in docs/benchmarks.md).
	 */
	private static List<DroppedIndex> dropRebuildableIndexes(Connection connection, List<String> tables)
			throws SQLException {
		List<DroppedIndex> dropped = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT t.relname, c.conname, pg_get_constraintdef(c.oid)
				FROM pg_constraint c
				JOIN pg_class t ON t.oid = c.conrelid
				WHERE c.contype = 'p' AND c.conrelid = ANY (?::regclass[])
				  AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = c.conrelid)
				ORDER BY t.relname""")) {
			statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					String table = quote(result.getString(1));
					String constraint = quote(result.getString(2));
					dropped.add(new DroppedIndex(result.getString(1), "ALTER TABLE " + table + " DROP CONSTRAINT " + constraint,
							"ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " " + result.getString(3)));
				}
			}
		}
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT t.relname, i.relname, pg_get_indexdef(x.indexrelid), pg_get_expr(x.indpred, x.indrelid)
				FROM pg_index x
				JOIN pg_class t ON t.oid = x.indrelid
				JOIN pg_class i ON i.oid = x.indexrelid
				WHERE x.indrelid = ANY (?::regclass[])
				  AND NOT x.indisunique AND NOT x.indisprimary AND NOT x.indisexclusion
				  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
				ORDER BY t.relname, i.relname""")) {
			statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					String table = result.getString(1);
					String predicate = result.getString(4);
					if (predicate == null || (namesAny(predicate, COLUMNS.get(table)) && !leavesOutSynthetic(predicate))) {
						dropped.add(new DroppedIndex(table, "DROP INDEX " + quote(result.getString(2)), result.getString(3)));
					}
				}
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (DroppedIndex index : dropped) {
				statement.execute(index.drop());
			}
		}
		return dropped;
	}

	/** A predicate such as {@code (NOT synthetic)}: no synthetic row enters the index. */
	static boolean leavesOutSynthetic(String predicate) {
		return predicate.replaceAll("[()\\s]", "").equalsIgnoreCase("NOTsynthetic");
	}

	private static boolean namesAny(String predicate, String columns) {
		Set<String> filled = new HashSet<>(Arrays.asList(columns.split(",\\s*")));
		return Arrays.stream(predicate.split("[^A-Za-z0-9_]+")).anyMatch(filled::contains);
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/**
	 * One transaction's share of the load: its tables' secondary indexes dropped, its tables copied,
	 * the indexes built again. The rows of every table are drawn again from each fugitive's index
	 * ({@link FugitivePlan}), so the parts need nothing from each other but the reserved ids.
	 */
	private static final class Part {

		private final String label;

		private final Connection connection;

		private final CopyManager copyManager;

		private final List<String> tables;

		private final IdBlocks ids;

		private final boolean skipTriggers;

		private final boolean rebuildIndexes;

		private final BooleanSupplier abandoned;

		private final List<LoadReport.Step> steps;

		private final FugitivePlan plan;

		private final FugitivePlan principal;

		Part(String label, Connection connection, List<String> tables, IdBlocks ids, boolean skipTriggers,
				boolean rebuildIndexes, BooleanSupplier abandoned, List<LoadReport.Step> steps) throws SQLException {
			this.label = label;
			this.connection = connection;
			this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
			this.tables = tables;
			this.ids = ids;
			this.skipTriggers = skipTriggers;
			this.rebuildIndexes = rebuildIndexes;
			this.abandoned = abandoned;
			this.steps = steps;
			this.plan = new FugitivePlan(ids.seed(), ids.fugitives(), ids.sources());
			this.principal = new FugitivePlan(ids.seed(), ids.fugitives(), ids.sources());
		}

		void run() throws SQLException {
			List<DroppedIndex> dropped = List.of();
			if (rebuildIndexes) {
				long dropStarted = System.nanoTime();
				dropped = dropRebuildableIndexes(connection, tables);
				step("drop " + dropped.size() + " indexes", 0, dropStarted);
			}
			for (String table : tables) {
				long started = System.nanoTime();
				long rows = table.equals("fugitive") ? copyFugitives() : copy(table);
				step(table, rows, started);
				log.info("Copied {} rows into {} in {} s", rows, table, String.format(Locale.ROOT, "%.2f", seconds(started)));
			}
			if (skipTriggers && tables.contains("fugitive")) {
				// V4's counting triggers did not run (the search text and destinations were written with the rows)
				long refreshStarted = System.nanoTime();
				try (Statement statement = connection.createStatement()) {
					statement.execute("SELECT rebuild_fugitive_facet_count()");
				}
				step("facet counts", 0, refreshStarted);
			}
			for (String table : tables) {
				List<DroppedIndex> ofTable = dropped.stream().filter(index -> index.table().equals(table)).toList();
				if (!ofTable.isEmpty()) {
					long buildStarted = System.nanoTime();
					try (Statement statement = connection.createStatement()) {
						for (DroppedIndex index : ofTable) {
							statement.execute(index.create());
						}
					}
					step("build " + ofTable.size() + " index(es) on " + table, 0, buildStarted);
					log.info("Built {} index(es) on {} in {} s", ofTable.size(), table,
							String.format(Locale.ROOT, "%.2f", seconds(buildStarted)));
				}
			}
		}

		private void step(String name, long rows, long started) {
			steps.add(new LoadReport.Step(label + name, rows, seconds(started)));
		}

		private long copy(String table) throws SQLException {
			try (CopyStream out = CopyStream.open(copyManager, table, COLUMNS.get(table), abandoned)) {
				write(table, out);
				return out.finish();
			}
		}

		/**
		 * Copies the fugitives a round at a time: first the database derives the round's search texts
		 * and destinations arrays ({@link DerivedFields}), then one COPY writes the round's rows with them.
		 */
		private long copyFugitives() throws SQLException {
			long rows = 0;
			try (DerivedFields derived = new DerivedFields(connection)) {
				for (long from = 0; from < ids.fugitives(); from += DerivedFields.ROUND) {
					long to = Math.min(ids.fugitives(), from + DerivedFields.ROUND);
					derived.derive(plan, from, to);
					try (CopyStream out = CopyStream.open(copyManager, "fugitive", COLUMNS.get("fugitive"), abandoned)) {
						writeFugitives(out, from, to, derived);
						rows += out.finish();
					}
				}
			}
			return rows;
		}

		private void write(String table, CopyStream out) throws SQLException {
			switch (table) {
				case "source" -> writeSources(out);
				case "case_file" -> writeCases(out);
				case "fugitive_destination" -> writeDestinations(out);
				case "case_participant" -> writeParticipants(out);
				case "event" -> writeEvents(out);
				case "asset_transfer" -> writeTransfers(out);
				case "asset_transfer_channel" -> writeChannels(out);
				case "citation" -> writeCitations(out);
				default -> throw new IllegalStateException(table);
			}
		}

		private void writeSources(CopyStream out) throws SQLException {
			for (int s = 0; s < ids.sources(); s++) {
				int year = 2000 + (int) Math.floorMod(ids.seed() + s * 7L, 25);
				out.number(ids.sourceBase() + s)
					.text("Synthetic source " + (s + 1) + " (generated test data, not a publication)")
					.ascii("Synthetic data generator")
					.date(year * 10000 + 101)
					.ascii("YEAR")
					.ascii("generated by --generate-synthetic")
					.bool(true)
					.endRow();
			}
		}

		private void writeCases(CopyStream out) throws SQLException {
			for (long block = 0; block < ids.cases(); block++) {
				principal.fill(block * FugitivePlan.CASE_BLOCK);
				int participants = principal.participantsOfCase(block);
				String title = "Case of " + principal.latinName()
						+ ((participants > 1) ? " and " + (participants - 1) + " other(s)" : "");
				out.number(ids.caseBase() + block)
					.text(title)
					.ascii(principal.caseStatus(block))
					.bytes(Vocabulary.COUNTRY_CODE[principal.destinations[0]])
					.bool(true)
					.endRow();
			}
		}

		private void writeFugitives(CopyStream out, long from, long to, DerivedFields derived) throws SQLException {
			for (long i = from; i < to; i++) {
				plan.fill(i);
				out.number(ids.fugitiveBase() + i);
				plan.writeLatinName(out);
				plan.writeNativeName(out);
				out.ascii(plan.male ? "M" : "F").number(plan.birthYear);
				if (plan.reportedAge >= 0) {
					out.number(plan.reportedAge).date(plan.reportedAgeDate).ascii("DAY");
				}
				else {
					out.nullValue().nullValue().nullValue();
				}
				out.bytes(Vocabulary.POSITION[plan.position])
					.bytes(Vocabulary.PROVINCE[plan.place])
					.bytes(Vocabulary.CITY[plan.place])
					.ascii(plan.status.name())
					.date(plan.fledDate)
					.ascii(PRECISION[plan.fledPrecision])
					.bool(true);
				out.bytes(derived.romanisedNames(i))
					.bytes(derived.searchText(i))
					.bytes(derived.destinations(i))
					.endRow();
			}
		}

		private void writeDestinations(CopyStream out) throws SQLException {
			for (long i = 0; i < ids.fugitives(); i++) {
				plan.fill(i);
				for (int d = 0; d < plan.destinationCount; d++) {
					out.number(ids.fugitiveBase() + i).bytes(Vocabulary.COUNTRY_CODE[plan.destinations[d]]).endRow();
				}
			}
		}

		private void writeParticipants(CopyStream out) throws SQLException {
			for (long i = 0; i < ids.fugitives(); i++) {
				plan.fill(i);
				if (plan.caseIndex >= 0) {
					out.number(ids.caseBase() + plan.caseIndex)
						.number(ids.fugitiveBase() + i)
						.ascii(Vocabulary.PARTICIPANT_ROLES[plan.caseRole])
						.endRow();
				}
			}
		}

		private void writeEvents(CopyStream out) throws SQLException {
			long eventId = ids.eventBase();
			for (long i = 0; i < ids.fugitives(); i++) {
				plan.fill(i);
				for (int e = 0; e < plan.eventCount; e++) {
					out.number(eventId++)
						.ascii(plan.eventType[e].name())
						.date(plan.eventDate[e])
						.ascii(PRECISION[plan.eventPrecision[e]])
						.bytes(Vocabulary.COUNTRY_CODE[plan.eventCountry[e]])
						.number(ids.fugitiveBase() + i);
					if (plan.eventOnCase[e]) {
						out.number(ids.caseBase() + plan.caseIndex);
					}
					else {
						out.nullValue();
					}
					out.bool(true).endRow();
				}
			}
		}

		private void writeTransfers(CopyStream out) throws SQLException {
			long transferId = ids.transferBase();
			for (long i = 0; i < ids.fugitives(); i++) {
				plan.fill(i);
				for (int t = 0; t < plan.transferCount; t++) {
					long tenths = plan.transferTenthsOfMillion[t];
					out.number(transferId++);
					if (tenths >= 0) {
						out.number(tenths * 100_000);
					}
					else {
						out.nullValue();
					}
					out.ascii(plan.transferInUsd[t] ? "USD" : "CNY")
						.ascii((tenths >= 0) ? FugitivePlan.QUALIFIERS[plan.transferQualifier[t]] : "UNSPECIFIED")
						.ascii(plan.amountAsReported(t))
						.bytes(Vocabulary.COUNTRY_CODE[plan.transferCountry[t]])
						.number(ids.fugitiveBase() + i);
					if (plan.caseIndex >= 0) {
						out.number(ids.caseBase() + plan.caseIndex);
					}
					else {
						out.nullValue();
					}
					out.bool(true).endRow();
				}
			}
		}

		private void writeChannels(CopyStream out) throws SQLException {
			long transferId = ids.transferBase();
			for (long i = 0; i < ids.fugitives(); i++) {
				plan.fill(i);
				for (int t = 0; t < plan.transferCount; t++) {
					out.number(transferId++).ascii(Vocabulary.CHANNELS[plan.transferChannel[t]]).endRow();
				}
			}
		}

		/** Every synthetic fugitive, event, transfer and case cites one synthetic source. */
		private void writeCitations(CopyStream out) throws SQLException {
			long citationId = ids.citationBase();
			long eventId = ids.eventBase();
			long transferId = ids.transferBase();
			for (long i = 0; i < ids.fugitives(); i++) {
				plan.fill(i);
				out.number(citationId++)
					.number(ids.sourceBase() + plan.fugitiveSource)
					.bytes(ATTRIBUTE_NAME)
					.bytes(SYNTHETIC_CLAIM)
					.number(ids.fugitiveBase() + i)
					.nullValue()
					.nullValue()
					.nullValue()
					.endRow();
				for (int e = 0; e < plan.eventCount; e++) {
					out.number(citationId++)
						.number(ids.sourceBase() + plan.eventSource[e])
						.bytes(ATTRIBUTE_OCCURRED)
						.bytes(SYNTHETIC_CLAIM)
						.nullValue()
						.number(eventId++)
						.nullValue()
						.nullValue()
						.endRow();
				}
				for (int t = 0; t < plan.transferCount; t++) {
					out.number(citationId++)
						.number(ids.sourceBase() + plan.transferSource[t])
						.bytes(ATTRIBUTE_AMOUNT)
						.bytes(SYNTHETIC_CLAIM)
						.nullValue()
						.nullValue()
						.number(transferId++)
						.nullValue()
						.endRow();
				}
				if (i % FugitivePlan.CASE_BLOCK == 0) {
					long block = i / FugitivePlan.CASE_BLOCK;
					out.number(citationId++)
						.number(ids.sourceBase() + plan.caseSource(block))
						.bytes(ATTRIBUTE_PARTICIPANTS)
						.bytes(SYNTHETIC_CLAIM)
						.nullValue()
						.nullValue()
						.nullValue()
						.number(ids.caseBase() + block)
						.endRow();
				}
			}
		}

	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void resetPeakHeap() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** The sum of the heap pools' peaks: an upper bound of the heap the command used at any moment. */
	static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

}
