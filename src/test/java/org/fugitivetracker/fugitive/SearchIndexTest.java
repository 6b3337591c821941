package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.fugitivetracker.TestLogin.ANALYST;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TallyChecks;
import org.fugitivetracker.TestRecords;
import org.fugitivetracker.JdbcStatements;
import org.fugitivetracker.fugitive.FugitiveFacets.CountryCount;
import org.fugitivetracker.fugitive.FugitiveFacets.StatusCount;
import org.fugitivetracker.fugitive.FugitiveSearch.Query;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every filter and sort has an index, and PostgreSQL uses it for the very SQL the application
 * runs. The proof is honest: no planner switch is turned off. Instead the test loads 20,000
 * synthetic test people (removed afterwards, like every test's rows) shaped like a real
 * distribution (most at large, most in the U.S., a rare destination, a rare word, a short wanted
 * list among long ones), runs ANALYZE so the planner sees them, and checks that EXPLAIN of each
 * selective filter, and of the first page of each sort, names the index. (An unselective filter,
 * such as everyone in the U.S., is rightly read sequentially; the benchmark measures the timings
 * at a million rows.)
 */
@IntegrationTest
@SlowTest
class SearchIndexTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FugitiveSearch search;

	@Autowired
	FugitiveRepository fugitives;

	@Autowired
	MockMvc mvc;

	@Autowired
	TallyCompaction tallyCompaction;

	@Test
	void theExtensionsTheNormaliserAndEveryIndexExist() {
		assertThat(jdbc.queryForList("SELECT extname FROM pg_extension", String.class)).contains("pg_trgm", "unaccent");
		assertThat(jdbc.queryForObject("SELECT search_normalise('Zhāng WĚI 张伟')", String.class))
			.isEqualTo("zhang wei 张伟");
		assertThat(jdbc.queryForObject(
				"SELECT provolatile FROM pg_proc WHERE proname = 'search_normalise'", String.class))
			.as("IMMUTABLE")
			.isEqualTo("i");
		assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()",
				String.class))
			.contains("fugitive_destination_country_idx", "fugitive_status_name_idx", "fugitive_search_text_trgm_idx",
					"list_membership_list_idx", "wanted_list_operation_idx", "fugitive_name_idx", "fugitive_fled_idx",
					"fugitive_fled_desc_idx");
		assertThat(jdbc.queryForObject(
				"SELECT indexdef FROM pg_indexes WHERE indexname = 'fugitive_search_text_trgm_idx'", String.class))
			.contains("USING gin (search_text gin_trgm_ops)");
	}

	@Test
	void theSearchTextIsMaintainedForEveryWriteOfAPersonOrAnAlias(TestRecords records) {
		long id = records.person("Test Maintained", "AT_LARGE")
			.nativeName("测试维护")
			.position("Test Mayor")
			.aliases("Test Ālias")
			.id();
		assertThat(searchText(id)).isEqualTo("test maintained 测试维护 test mayor test alias");
		jdbc.update("UPDATE fugitive SET former_organisation = 'Test Bureau' WHERE id = ?", id);
		assertThat(searchText(id)).isEqualTo("test maintained 测试维护 test mayor test bureau test alias");
		jdbc.update("INSERT INTO fugitive_alias (fugitive_id, alias) VALUES (?, 'Test Béta')", id);
		assertThat(searchText(id)).endsWith("test bureau test beta test alias");
		jdbc.update("DELETE FROM fugitive_alias WHERE fugitive_id = ? AND alias = 'Test Ālias'", id);
		assertThat(searchText(id)).endsWith("test bureau test beta");
		// the application writes the romanised names; the search text holds them spaced and joined
		jdbc.update("UPDATE fugitive SET romanised_names = '{\"ce shi wei hu\",\"ce shi\"}' WHERE id = ?", id);
		assertThat(searchText(id)).endsWith("test bureau test beta ce shi wei hu ce shi ceshiweihu ceshi");
		jdbc.update("UPDATE fugitive SET romanised_names = '{}' WHERE id = ?", id);
		assertThat(searchText(id)).endsWith("test bureau test beta");
	}

	/**
	 * The summary behind the counts, the tallies behind the dashboard and the country counts, and
	 * each person's destinations array, stay exact through every kind of write: SQL inserts,
	 * updates and deletes in bulk, and Hibernate's writes of the entity and its destination
	 * collection (as the admin pages do); the tallies also through their compaction.
	 */
	@Test
	void theCountSummaryAndTheDestinationsStayExactThroughEveryWrite(TestRecords records) {
		long a = records.person("Test Count A", "AT_LARGE").destinations("CA", "US").id();
		long b = records.fugitive("Test Count B", "AT_LARGE");
		assertSummaryExact();
		jdbc.update("INSERT INTO fugitive_destination (fugitive_id, country_code) VALUES (?, 'NZ'), (?, 'AU')", a, b);
		jdbc.update("UPDATE fugitive SET status = 'RETURNED' WHERE id IN (?, ?)", a, b);
		assertSummaryExact();
		jdbc.update("UPDATE fugitive_destination SET country_code = 'AU' WHERE fugitive_id = ? AND country_code = 'CA'", a);
		jdbc.update("DELETE FROM fugitive_destination WHERE fugitive_id = ? AND country_code = 'US'", a);
		assertThat(jdbc.queryForObject("SELECT array_to_string(destinations, ',') FROM fugitive WHERE id = ?",
				String.class, a))
			.isEqualTo("AU,NZ");
		assertSummaryExact();

		Fugitive entity = fugitives.findProfile(b).orElseThrow();
		entity.getDestinationCountries().clear();
		entity.getDestinationCountries().add("US");
		entity.getDestinationCountries().add("CA");
		entity.setStatus(FugitiveStatus.IN_CUSTODY);
		fugitives.saveAndFlush(entity);
		assertThat(jdbc.queryForObject("SELECT array_to_string(destinations, ',') FROM fugitive WHERE id = ?",
				String.class, b))
			.isEqualTo("CA,US");
		assertSummaryExact();
		Fugitive created = new Fugitive("Test Count Hibernate");
		created.getDestinationCountries().add("NZ");
		fugitives.saveAndFlush(created);
		assertSummaryExact();

		jdbc.update("DELETE FROM fugitive WHERE id IN (?, ?)", a, b);
		fugitives.delete(created);
		fugitives.flush();
		assertSummaryExact();

		tallyCompaction.compact();
		assertSummaryExact();
		assertThat(jdbc.queryForList("""
				SELECT status || ' ' || country_code FROM fugitive_country_tally
				GROUP BY status, country_code HAVING count(*) > 1 OR sum(fugitives) = 0""", String.class))
			.as("one row a key after the compaction, none for a key that counts nobody")
			.isEmpty();
		assertThat(jdbc.queryForList("""
				SELECT status FROM fugitive_status_tally GROUP BY status HAVING count(*) > 1 OR sum(fugitives) = 0""",
				String.class))
			.isEmpty();
	}

	private void assertSummaryExact() {
		assertThat(jdbc.queryForList("""
				SELECT f.id FROM fugitive f
				WHERE f.destinations IS DISTINCT FROM ARRAY(SELECT d.country_code::text FROM fugitive_destination d
				                                            WHERE d.fugitive_id = f.id ORDER BY 1)""", Long.class))
			.as("people whose destinations array is stale")
			.isEmpty();
		assertThat(jdbc.queryForList("""
				SELECT status || ' ' || array_to_string(destinations, ',') || ' ' || fugitives
				FROM fugitive_facet_count WHERE fugitives <> 0 ORDER BY 1""", String.class))
			.isEqualTo(jdbc.queryForList("""
					SELECT status || ' ' || array_to_string(destinations, ',') || ' ' || count(*)
					FROM fugitive GROUP BY status, destinations ORDER BY 1""", String.class));
		assertThat(TallyChecks.tallied(jdbc)).as("the tallies").isEqualTo(TallyChecks.counted(jdbc));
	}

	@Test
	void eachSelectiveFilterAndEachSortUsesItsIndex(TestRecords records) {
		loadSyntheticPeople(records.withoutTimeLimits());
		// Either status index serves the filter: (status, id) of V2, or (status, name, id) of V4.
		assertUses("status=IN_CUSTODY", "fugitive_status");
		assertUses("country=NZ", "fugitive_destination_country_idx");
		assertUses("q=rarissimo", "fugitive_search_text_trgm_idx");
		assertThat(explain(search.matchingQuery(scope("q=%E7%BD%95%E8%A7%81%E5%90%8D"), true))) // 罕见名
			.containsAnyOf("fugitive_search_text_han_idx", "fugitive_search_text_trgm_idx");
		assertUses("q=%E7%BD%95%E8%A7%81", "fugitive_search_text_han_idx"); // 罕见: two characters, no trigram
		assertThat(explainGeneric(search.matchingQuery(scope("q=%E7%BD%95%E8%A7%81"), true)))
			.as("two Chinese characters under a prepared statement's generic plan, blind to the term's trigrams")
			.contains("fugitive_search_text_han_idx")
			.doesNotContain("fugitive_search_text_trgm_idx");
		assertUses("q=hanjianming", "fugitive_search_text_trgm_idx"); // its pinyin, joined
		assertUses("operation=1", "list_membership_list_idx");
		assertUses("", "fugitive_name_idx");
		assertUses("sort=name,desc", "fugitive_name_idx");
		assertUses("sort=status,asc", "fugitive_status_name_idx");
		assertUses("sort=fled,asc", "fugitive_fled_idx");
		assertUses("sort=fled,desc", "fugitive_fled_desc_idx");

		// Counts with text or an operation come from the matches the plans above find (one
		// statement); counts by country and status read only the summary, never the people.
		assertThat(String.join("\n", jdbc.queryForList("EXPLAIN " + DuplicateCandidates.BY_NAME, String.class,
				new Integer[] { 0, 0 }, new String[] { "Test Rarissimo", "testrarissimo" },
				DuplicateCandidates.THRESHOLD, DuplicateCandidates.LIMIT)))
			.as("the duplicate check finds its candidates through the same index")
			.contains("fugitive_search_text_trgm_idx");
		for (String query : List.of("", "country=NZ", "status=RETURNED&country=US&country=NZ")) {
			FugitiveSearch.Scope scope = scope(query);
			assertThat(explain(search.countQuery(scope)) + explain(search.statusFacetQuery(scope))
					+ explain(search.countryFacetQuery(scope)))
				.as("counts of ?%s", query)
				.contains("fugitive_facet_count")
				.doesNotContain(" on fugitive ", " on fugitive_destination ");
		}
	}

	/**
	 * A fragment that 20,000 people match: its page, total and counts come from one statement that
	 * reads the matches once, and the counts are exact, in the page and in the API, also on a page
	 * after the last one.
	 */
	@Test
	void aCommonFragmentIsCountedExactlyInOneStatement(TestRecords records) throws Exception {
		loadSyntheticPeople(records.withoutTimeLimits());

		List<FugitiveSearchPage> pages = new ArrayList<>();
		List<String> statements = JdbcStatements
			.record(() -> pages.add(search.page(FugitiveSearchTest.filter("q=test+synthetic&country=NZ"))))
			.all();
		assertThat(statements).hasSize(2); // the operations of the form, and the matches
		FugitiveSearchPage common = pages.get(0);
		assertThat(common.total()).isEqualTo(100);
		assertThat(common.rows()).hasSize(50);
		Map<String, Long> inNz = new HashMap<>();
		jdbc.query("""
				SELECT f.status, count(*) FROM fugitive f JOIN fugitive_destination d ON d.fugitive_id = f.id
				WHERE f.name LIKE 'Test Synthetic %' AND d.country_code = 'NZ' GROUP BY f.status""",
				rs -> { inNz.put(rs.getString(1), rs.getLong(2)); });
		assertThat(common.facets().statuses())
			.allSatisfy(s -> assertThat(s.count()).as(s.status().name()).isEqualTo(inNz.getOrDefault(s.status().name(), 0L)));
		assertThat(common.facets().countries())
			.filteredOn(c -> c.count() > 0)
			.extracting(CountryCount::code, CountryCount::count)
			.containsExactly(tuple("NZ", 100L), tuple("US", 19_900L));
		String page = mvc.perform(get("/fugitives").param("q", "test synthetic").with(ANALYST))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<strong id=\"total\">20000</strong>");

		assertThat(search.list(FugitiveSearchTest.filter("q=test+synthetic&status=IN_CUSTODY")).total()).isEqualTo(200);
		FugitiveSearch.RowPage beyond = search
			.list(FugitiveSearchTest.filter("q=test+synthetic&status=IN_CUSTODY&size=50&page=9"));
		assertThat(beyond.rows()).isEmpty();
		assertThat(beyond.total()).isEqualTo(200);
	}

	/**
	 * Loads the people on a connection without the application's time limits: on a loaded
	 * machine these statements can outlast them.
	 */
	private static void loadSyntheticPeople(JdbcTemplate bulk) {
		bulk.update("""
				INSERT INTO fugitive (name, status, former_position, fled_date, fled_precision, synthetic)
				SELECT 'Test Synthetic ' || md5(i::text),
				       CASE WHEN i % 100 = 0 THEN 'IN_CUSTODY' WHEN i % 100 = 1 THEN 'RETURNED' ELSE 'AT_LARGE' END,
				       CASE WHEN i % 2000 = 0 THEN 'Test Rarissimo Commissioner'
				            WHEN i % 2000 = 1 THEN '罕见名局长' ELSE 'Test official ' || (i % 500) END,
				       make_date(1990 + i % 30, 1 + i % 12, 1), 'MONTH', TRUE
				FROM generate_series(1, 20000) AS i""");
		// a rare Chinese name and its romanisation, as the application writes them
		bulk.update("UPDATE fugitive SET native_name = '罕见名', romanised_names = '{\"han jian ming\"}' "
				+ "WHERE synthetic AND former_position = '罕见名局长'");
		bulk.update("""
				INSERT INTO fugitive_destination (fugitive_id, country_code)
				SELECT id, CASE WHEN id % 200 = 0 THEN 'NZ' ELSE 'US' END FROM fugitive
				WHERE synthetic AND name LIKE 'Test Synthetic %'""");
		Long otherList = bulk.queryForObject(
				"INSERT INTO wanted_list (name) VALUES ('Test long list without an operation') RETURNING id", Long.class);
		Long listSource = bulk.queryForObject("INSERT INTO source (title, publisher, synthetic) "
				+ "VALUES ('Test source of the synthetic lists', 'Test publisher', TRUE) RETURNING id", Long.class);
		bulk.update("""
				INSERT INTO list_membership (fugitive_id, wanted_list_id, source_id)
				SELECT id, CASE WHEN id % 1000 = 0 THEN 1 ELSE ? END, ? FROM fugitive
				WHERE synthetic AND name LIKE 'Test Synthetic %' AND id % 2 = 0""", otherList, listSource);
		// A bulk insert lands in the GIN index's pending list, which the planner prices as a scan of
		// every pending entry; autovacuum merges it in production, this does it now.
		bulk.queryForObject("SELECT gin_clean_pending_list('fugitive_search_text_trgm_idx'::regclass)", Long.class);
		bulk.execute("ANALYZE fugitive, fugitive_destination, fugitive_alias, list_membership, wanted_list");
	}

	private void assertUses(String query, String index) {
		FugitiveSearch.Scope scope = scope(query);
		String plan = explain(FugitiveSearch.countsFromSummary(scope) ? search.rowsQuery(scope, true)
				: search.matchingQuery(scope, true));
		assertThat(plan).as("plan of ?%s", query).contains(index);
	}

	private String explain(Query query) {
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
		return String.join("\n", named.queryForList("EXPLAIN " + query.sql(), query.params(), String.class));
	}

	/**
	 * The plan PostgreSQL keeps for a prepared statement after its fifth run: one for any values of
	 * its parameters. (EXPLAIN with bound parameters plans for their values, so the statement is
	 * prepared in SQL, its named parameters numbered, and explained as EXECUTEd.)
	 */
	private String explainGeneric(Query query) {
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(query.sql());
		String positional = NamedParameterUtils.substituteNamedParameters(parsed, query.params());
		StringBuilder numbered = new StringBuilder();
		int n = 0;
		for (char c : positional.toCharArray()) {
			numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
		}
		List<Object> values = new ArrayList<>();
		for (Object value : NamedParameterUtils.buildValueArray(parsed, query.params(), null)) {
			if (value instanceof Collection<?> many) {
				values.addAll(many);
			}
			else {
				values.add(value);
			}
		}
		return jdbc.execute((ConnectionCallback<String>) connection -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET plan_cache_mode = force_generic_plan");
				// each parameter's type left to PostgreSQL to infer, as the driver's prepared statements do
				statement.execute("PREPARE generic_plan (" + String.join(", ", Collections.nCopies(values.size(),
						"unknown")) + ") AS " + numbered);
			}
			// as literals: EXECUTE inside EXPLAIN takes no bound parameters
			String arguments = values.stream()
				.map(value -> value instanceof Number ? value.toString()
						: "'" + value.toString().replace("'", "''") + "'")
				.collect(Collectors.joining(", "));
			try (Statement explain = connection.createStatement();
					ResultSet rows = explain.executeQuery("EXPLAIN EXECUTE generic_plan(" + arguments + ")")) {
				List<String> plan = new ArrayList<>();
				while (rows.next()) {
					plan.add(rows.getString(1));
				}
				return String.join("\n", plan);
			}
			finally {
				try (Statement statement = connection.createStatement()) {
					statement.execute("DEALLOCATE generic_plan");
					statement.execute("RESET plan_cache_mode");
				}
			}
		});
	}

	private String searchText(long id) {
		return jdbc.queryForObject("SELECT search_text FROM fugitive WHERE id = ?", String.class, id);
	}

	private FugitiveSearch.Scope scope(String query) {
		return search.resolve(FugitiveSearchTest.filter(query));
	}

}
