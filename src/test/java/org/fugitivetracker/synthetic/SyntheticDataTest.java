package org.fugitivetracker.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TallyChecks;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates synthetic data into the shared test database through the command's own code path,
 * checks it, and removes it again within the same test, leaving the database as it found it.
 */
@IntegrationTest
@SlowTest
class SyntheticDataTest {

	/** Tables with a synthetic flag, and how to fingerprint their sourced (non-synthetic) rows. */
	private static final List<String> FLAGGED = List.of("fugitive", "event", "asset_transfer", "case_file", "source");

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcConnectionDetails database;

	/** The loader is no bean of the web application: the test builds it on the test database. */
	SyntheticDataGenerator generator;

	SyntheticDataRemover remover;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@BeforeEach
	void buildTheLoader() {
		generator = new SyntheticDataGenerator(dataSource);
		remover = new SyntheticDataRemover(dataSource);
	}

	@Test
	void generatesConsistentSyntheticRowsWithForeignKeysCheckedThenRemovesThemAll() throws Exception {
		Map<String, String> sourcedBefore = fingerprints();
		remover.remove(); // nothing synthetic should be left by anyone, but start clean
		try {
			checkGeneratedRows(generator.generate(200, new SyntheticDataGenerator.Options(7, true, Long.MAX_VALUE)));
		}
		finally {
			LoadReport removal = remover.remove(true);
			assertThat(removal.title()).contains("triggers on");
			assertThat(removal.rows("fugitive")).isEqualTo(200);
		}
		assertNoSyntheticRowsLeft();
		assertThat(fingerprints()).as("the sourced rows are untouched").isEqualTo(sourcedBefore);
	}

	private void checkGeneratedRows(LoadReport report) {

		assertThat(report.title()).contains("foreign-key triggers on", "secondary indexes kept");
		assertThat(count("fugitive WHERE synthetic")).isEqualTo(200).isEqualTo(report.rows("fugitive"));
		long events = count("event WHERE synthetic");
		long transfers = count("asset_transfer WHERE synthetic");
		assertThat(events).as("about 5 events per fugitive").isBetween(4L * 200, 6L * 200);
		assertThat(transfers).as("about 1 transfer per fugitive").isBetween(150L, 250L);
		assertThat(count("case_file WHERE synthetic")).as("one case per 20 fugitives").isEqualTo(10);
		assertThat(count("case_participant p JOIN case_file c ON c.id = p.case_id WHERE c.synthetic")).isBetween(10L, 50L);
		assertThat(count("fugitive_destination d JOIN fugitive f ON f.id = d.fugitive_id WHERE f.synthetic"))
			.isBetween(200L, 300L);
		assertThat(count("source WHERE synthetic")).isOne();
		assertThat(count("citation c JOIN source s ON s.id = c.source_id WHERE s.synthetic"))
			.as("one citation per fugitive, event, transfer and case")
			.isEqualTo(200 + events + transfers + 10)
			.isEqualTo(report.rows("citation"));
		assertThat(count("fugitive f WHERE f.synthetic AND NOT EXISTS (SELECT 1 FROM citation c WHERE c.fugitive_id = f.id)")
				+ count("event e WHERE e.synthetic AND NOT EXISTS (SELECT 1 FROM citation c WHERE c.event_id = e.id)"))
			.as("every synthetic fugitive and event cites a source")
			.isZero();

		assertThat(SyntheticChecks.statusesNotDerivedFromTheirEvents(jdbc)).isZero();
		assertThat(count(SyntheticChecks.DERIVED_MISMATCHES)).isZero();
		assertThat(SyntheticChecks.romanisedNamesNotAsTheApplicationWritesThem(jdbc)).isZero();
		assertThat(count("""
				fugitive f WHERE f.synthetic AND NOT EXISTS (
				    SELECT 1 FROM (SELECT e.occurred_date, e.occurred_precision, e.type FROM event e
				                   WHERE e.fugitive_id = f.id ORDER BY e.occurred_date, e.id LIMIT 1) first
				    WHERE first.type = 'FLIGHT' AND first.occurred_date = f.fled_date
				      AND first.occurred_precision = f.fled_precision)"""))
			.as("every story starts with the flight the fugitive row dates")
			.isZero();
		assertThat(count("fugitive WHERE synthetic AND name NOT LIKE '% (synthetic)'")).isZero();
		assertThat(count("fugitive WHERE synthetic AND native_name !~ '^[\\u4e00-\\u9fff]{2,3}$'")).isZero();
		assertThat(count("fugitive WHERE synthetic AND status = 'AT_LARGE'")).as("mostly at large").isGreaterThan(100);
		assertThat(jdbc.queryForList("""
				SELECT DISTINCT fled_precision FROM fugitive WHERE synthetic""", String.class))
			.containsExactlyInAnyOrder("DAY", "MONTH", "YEAR");
		assertThat(jdbc.queryForObject("""
				SELECT d.country_code FROM fugitive_destination d JOIN fugitive f ON f.id = d.fugitive_id
				WHERE f.synthetic GROUP BY d.country_code ORDER BY count(*) DESC LIMIT 1""", String.class))
			.as("the U.S. is the commonest destination")
			.isEqualTo("US");
	}

	@Test
	void fastPathWithTriggersOffRebuildsTheIndexesAndLeavesNoDanglingReference() throws Exception {
		String indexesBefore = indexes();
		String constraintsBefore = constraints();
		Map<String, String> sourcedBefore = fingerprints();
		long existing = count("fugitive");
		try {
			LoadReport report = generator.generate(existing + 300, new SyntheticDataGenerator.Options(8, false, 1));

			assertThat(report.title()).contains("foreign-key triggers off", "secondary indexes rebuilt");
			assertThat(report.steps()).as("each connection dropped its tables' indexes")
				.anySatisfy(step -> assertThat(step.name()).startsWith("1: drop ").doesNotStartWith("1: drop 0 "))
				.anySatisfy(step -> assertThat(step.name()).startsWith("2: drop ").doesNotStartWith("2: drop 0 "));
			assertThat(report.steps()).as("asset_transfer_channel has no secondary index: what is built is its primary key")
				.anySatisfy(step -> assertThat(step.name()).isEqualTo("2: build 1 index(es) on asset_transfer_channel"));
			assertThat(indexes()).as("every index is back, as it was").isEqualTo(indexesBefore);
			assertThat(constraints()).as("every primary key is back as a constraint").isEqualTo(constraintsBefore);
			assertThat(SyntheticChecks.statusesNotDerivedFromTheirEvents(jdbc)).isZero();
			assertThat(danglingReferences()).as("references the triggers did not check").isZero();
			assertThat(count("fugitive WHERE synthetic AND (search_text = '' OR destinations = '{}')"))
				.as("search text and destinations filled although the triggers were off").isZero();
			assertThat(count(SyntheticChecks.DERIVED_MISMATCHES)).as("exactly what V4's triggers would have written").isZero();
			assertThat(report.title()).contains("2 connections");
			assertThat(jdbc.queryForObject("SELECT sum(fugitives) FROM fugitive_facet_count", Long.class))
				.as("facet counts rebuilt").isEqualTo(count("fugitive"));
			assertThat(TallyChecks.tallied(jdbc)).as("tallies rebuilt").isEqualTo(TallyChecks.counted(jdbc));

			// a real source cited about a synthetic fugitive: the citation goes with the fugitive, the source stays
			jdbc.update("""
					INSERT INTO citation (source_id, attribute, claim, fugitive_id)
					SELECT 1, 'name', 'Test citation of a synthetic fugitive', min(id) FROM fugitive WHERE synthetic""");
			// a photo of a synthetic person goes with them, its bytes and its citation too (no cascade runs)
			long person = jdbc.queryForObject("SELECT min(id) FROM fugitive WHERE synthetic", Long.class);
			long photo = records.photo(person, 1L, true);
			LoadReport removal = remover.remove();
			assertThat(removal.title()).contains("triggers off");
			assertThat(count("citation WHERE claim = 'Test citation of a synthetic fugitive'")).isZero();
			assertThat(count("fugitive_photo WHERE id = " + photo)).isZero();
			assertThat(count("fugitive_photo_file WHERE photo_id = " + photo)).isZero();
		}
		finally {
			remover.remove();
		}

		assertNoSyntheticRowsLeft();
		assertThat(danglingReferences()).as("nothing left referring to what was removed").isZero();
		assertThat(fingerprints()).isEqualTo(sourcedBefore);
		assertThat(jdbc.queryForObject("SELECT sum(fugitives) FROM fugitive_facet_count", Long.class))
			.as("facet counts rebuilt after the removal").isEqualTo(count("fugitive"));
		assertThat(TallyChecks.tallied(jdbc)).as("tallies rebuilt after the removal")
			.isEqualTo(TallyChecks.counted(jdbc));
	}

	@Test
	void theCommandLoadsAndRemovesWithoutTheWebApplication() throws Exception {
		remover.remove();
		String[] connection = { "--spring.datasource.url=" + database.getJdbcUrl(),
				"--spring.datasource.username=" + database.getUsername(),
				"--spring.datasource.password=" + Objects.toString(database.getPassword(), "") };
		try {
			try (ConfigurableApplicationContext command = SyntheticDataCommandContext.run(with(connection,
					"--generate-synthetic=25", "--synthetic-seed=12"))) {
				assertThat(command).as("no web server").isNotInstanceOf(WebServerApplicationContext.class);
				assertThat(command.getBeanNamesForType(EntityManagerFactory.class)).as("no JPA").isEmpty();
				assertThat(SpringApplication.exit(command)).as("exit code").isZero();
			}
			assertThat(count("fugitive WHERE synthetic")).isEqualTo(25);
			assertThat(count(SyntheticChecks.DERIVED_MISMATCHES)).isZero();

			try (ConfigurableApplicationContext command = SyntheticDataCommandContext.run(with(connection,
					"--remove-synthetic"))) {
				assertThat(SpringApplication.exit(command)).isZero();
			}
			assertNoSyntheticRowsLeft();
		}
		finally {
			remover.remove();
		}
	}

	private static String[] with(String[] connection, String... args) {
		return Stream.concat(Stream.of(connection), Stream.of(args)).toArray(String[]::new);
	}

	@Test
	void aForeignKeyTheFastPathDoesNotKnowMakesTheRemovalCascadeThroughTheTriggers() throws Exception {
		jdbc.execute("CREATE TABLE test_synthetic_note (fugitive_id BIGINT NOT NULL REFERENCES fugitive (id) ON DELETE CASCADE)");
		try {
			generator.generate(30, new SyntheticDataGenerator.Options(9, false, Long.MAX_VALUE));
			jdbc.update("INSERT INTO test_synthetic_note SELECT id FROM fugitive WHERE synthetic");

			LoadReport removal = remover.remove();

			assertThat(removal.title()).contains("triggers on");
			assertThat(count("test_synthetic_note")).isZero();
			assertNoSyntheticRowsLeft();
		}
		finally {
			remover.remove();
			jdbc.execute("DROP TABLE test_synthetic_note");
		}
	}

	@Test
	void aRealFigureAboutASyntheticCaseStopsTheFastRemoval() throws Exception {
		try {
			generator.generate(20, new SyntheticDataGenerator.Options(10, false, Long.MAX_VALUE));
			jdbc.update("""
					INSERT INTO reported_figure (metric, value, qualifier, unit, case_id)
					SELECT 'TEST_FIGURE', 1, 'EXACT', 'PERSONS', min(id) FROM case_file WHERE synthetic""");

			assertThatThrownBy(remover::remove).hasMessageContaining("reported figure");
			assertThat(count("fugitive WHERE synthetic")).as("nothing removed").isEqualTo(20);
		}
		finally {
			jdbc.update("DELETE FROM reported_figure WHERE metric = 'TEST_FIGURE'");
			remover.remove();
		}
		assertNoSyntheticRowsLeft();
	}

	@Test
	void theSameSeedGivesTheSameRows() throws Exception {
		remover.remove();
		try {
			generator.generate(40, new SyntheticDataGenerator.Options(11, false, Long.MAX_VALUE));
			String first = syntheticNames();
			remover.remove();
			generator.generate(40, new SyntheticDataGenerator.Options(11, false, Long.MAX_VALUE));
			assertThat(syntheticNames()).isEqualTo(first);
		}
		finally {
			remover.remove();
		}
		assertNoSyntheticRowsLeft();
	}

	private long danglingReferences() {
		return count("event e WHERE e.synthetic AND NOT EXISTS (SELECT 1 FROM fugitive f WHERE f.id = e.fugitive_id)")
				+ count("event e WHERE e.synthetic AND e.case_id IS NOT NULL "
						+ "AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.id = e.case_id)")
				+ count("asset_transfer t WHERE t.synthetic AND NOT EXISTS (SELECT 1 FROM fugitive f WHERE f.id = t.fugitive_id)")
				+ count("asset_transfer_channel ch WHERE NOT EXISTS (SELECT 1 FROM asset_transfer t WHERE t.id = ch.asset_transfer_id)")
				+ count("fugitive_destination d WHERE NOT EXISTS (SELECT 1 FROM fugitive f WHERE f.id = d.fugitive_id)")
				+ count("case_participant p WHERE NOT EXISTS (SELECT 1 FROM fugitive f WHERE f.id = p.fugitive_id) "
						+ "OR NOT EXISTS (SELECT 1 FROM case_file c WHERE c.id = p.case_id)")
				+ count("citation c WHERE NOT EXISTS (SELECT 1 FROM source s WHERE s.id = c.source_id)")
				+ count("citation c WHERE c.event_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM event e WHERE e.id = c.event_id)")
				+ count("citation c WHERE c.fugitive_id IS NOT NULL "
						+ "AND NOT EXISTS (SELECT 1 FROM fugitive f WHERE f.id = c.fugitive_id)")
				+ count("citation c WHERE c.asset_transfer_id IS NOT NULL "
						+ "AND NOT EXISTS (SELECT 1 FROM asset_transfer t WHERE t.id = c.asset_transfer_id)")
				+ count("citation c WHERE c.case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM case_file k WHERE k.id = c.case_id)")
				+ count("fugitive_photo p WHERE NOT EXISTS (SELECT 1 FROM fugitive f WHERE f.id = p.fugitive_id) "
						+ "OR NOT EXISTS (SELECT 1 FROM citation c WHERE c.id = p.citation_id)")
				+ count("fugitive_photo_file f WHERE NOT EXISTS (SELECT 1 FROM fugitive_photo p WHERE p.id = f.photo_id)");
	}

	private void assertNoSyntheticRowsLeft() {
		for (String table : FLAGGED) {
			assertThat(count(table + " WHERE synthetic")).as(table).isZero();
		}
		assertThat(count("citation c WHERE NOT EXISTS (SELECT 1 FROM source s WHERE s.id = c.source_id)")).isZero();
	}

	/** A digest of every sourced row, to show that nothing but synthetic rows changed. */
	private Map<String, String> fingerprints() {
		Map<String, String> digests = new LinkedHashMap<>();
		for (String table : FLAGGED) {
			digests.put(table, jdbc.queryForObject(
					"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '') FROM " + table
							+ " t WHERE NOT t.synthetic",
					String.class));
		}
		digests.put("citation", jdbc.queryForObject("""
				SELECT count(*) || ':' || coalesce(md5(string_agg(c::text, '|' ORDER BY c.id)), '')
				FROM citation c JOIN source s ON s.id = c.source_id WHERE NOT s.synthetic""", String.class));
		return digests;
	}

	private String indexes() {
		return jdbc.queryForObject("""
				SELECT string_agg(indexname || ' ' || indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes
				WHERE schemaname = current_schema() AND tablename IN ('source', 'case_file', 'fugitive',
				    'fugitive_destination', 'case_participant', 'event', 'asset_transfer', 'asset_transfer_channel', 'citation')""",
				String.class);
	}

	private String constraints() {
		return jdbc.queryForObject("""
				SELECT string_agg(conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid), E'\\n'
				                  ORDER BY conrelid::regclass::text, conname)
				FROM pg_constraint
				WHERE conrelid = ANY ('{source, case_file, fugitive, fugitive_destination, case_participant, event,
				                        asset_transfer, asset_transfer_channel, citation}'::regclass[])""", String.class);
	}

	private String syntheticNames() {
		return jdbc.queryForObject(
				"SELECT count(*) || ':' || md5(string_agg(name || native_name || status || fled_date, ',' ORDER BY id)) "
						+ "FROM fugitive WHERE synthetic",
				String.class);
	}

	private long count(String fromWhere) {
		return jdbc.queryForObject("SELECT count(*) FROM " + fromWhere, Long.class);
	}

}
