package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.fugitive.FugitiveSearch.Query;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every filter and sort has an index, and PostgreSQL uses it for the very SQL the application
 * runs. The proof is honest: no planner switch is turned off. Instead the test loads 20,000
 * synthetic test people (rolled back afterwards) shaped like a real distribution (most at
 * large, most in the U.S., a rare destination, a rare word, a short wanted list among long
 * ones), runs ANALYZE inside the transaction so the planner sees them, and checks that EXPLAIN
 * of each selective filter, and of the first page of each sort, names the index. (An
 * unselective filter, such as everyone in the U.S., is rightly read sequentially; the later
 * benchmark issue measures the timings at a million rows.)
 */
@IntegrationTest
@Transactional
class SearchIndexTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FugitiveSearch search;

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
	void theSearchTextIsMaintainedForEveryWriteOfAPersonOrAnAlias() {
		long id = new TestFugitives(jdbc).create("Test Maintained", "测试维护", FugitiveStatus.AT_LARGE, "Test Mayor",
				List.of(), List.of("Test Ālias"));
		assertThat(searchText(id)).isEqualTo("test maintained 测试维护 test mayor test alias");
		jdbc.update("UPDATE fugitive SET former_organisation = 'Test Bureau' WHERE id = ?", id);
		assertThat(searchText(id)).isEqualTo("test maintained 测试维护 test mayor test bureau test alias");
		jdbc.update("INSERT INTO fugitive_alias (fugitive_id, alias) VALUES (?, 'Test Béta')", id);
		assertThat(searchText(id)).endsWith("test bureau test beta test alias");
		jdbc.update("DELETE FROM fugitive_alias WHERE fugitive_id = ? AND alias = 'Test Ālias'", id);
		assertThat(searchText(id)).endsWith("test bureau test beta");
	}

	@Test
	void eachSelectiveFilterAndEachSortUsesItsIndex() {
		loadSyntheticPeople();
		// Either status index serves the filter: (status, id) of V2, or (status, name, id) of V4.
		assertUses("status=IN_CUSTODY", "fugitive_status");
		assertUses("country=NZ", "fugitive_destination_country_idx");
		assertUses("q=rarissimo", "fugitive_search_text_trgm_idx");
		assertUses("q=%E7%BD%95%E8%A7%81%E5%90%8D", "fugitive_search_text_trgm_idx"); // 罕见名, Chinese
		assertUses("operation=1", "list_membership_list_idx");
		assertUses("", "fugitive_name_idx");
		assertUses("sort=name,desc", "fugitive_name_idx");
		assertUses("sort=status,asc", "fugitive_status_name_idx");
		assertUses("sort=fled,asc", "fugitive_fled_idx");
		assertUses("sort=fled,desc", "fugitive_fled_desc_idx");

		// The counts of the page use the same indexes.
		assertThat(explain(search.statusFacetQuery(scope("q=rarissimo")))).contains("fugitive_search_text_trgm_idx");
		assertThat(explain(search.countryFacetQuery(scope("status=RETURNED")))).contains("fugitive_status");
		assertThat(explain(search.countQuery(scope("country=NZ")))).contains("fugitive_destination_country_idx");
	}

	/** Reset the planner's statistics to the rolled-back table (ANALYZE's row estimate is not transactional). */
	@AfterTransaction
	void analyzeAgain() {
		jdbc.execute("ANALYZE fugitive, fugitive_destination, fugitive_alias, list_membership, wanted_list");
	}

	private void loadSyntheticPeople() {
		jdbc.update("""
				INSERT INTO fugitive (name, status, former_position, fled_date, fled_precision, synthetic)
				SELECT 'Test Synthetic ' || md5(i::text),
				       CASE WHEN i % 100 = 0 THEN 'IN_CUSTODY' WHEN i % 100 = 1 THEN 'RETURNED' ELSE 'AT_LARGE' END,
				       CASE WHEN i % 2000 = 0 THEN 'Test Rarissimo Commissioner'
				            WHEN i % 2000 = 1 THEN '罕见名局长' ELSE 'Test official ' || (i % 500) END,
				       make_date(1990 + i % 30, 1 + i % 12, 1), 'MONTH', TRUE
				FROM generate_series(1, 20000) AS i""");
		jdbc.update("""
				INSERT INTO fugitive_destination (fugitive_id, country_code)
				SELECT id, CASE WHEN id % 200 = 0 THEN 'NZ' ELSE 'US' END FROM fugitive
				WHERE synthetic AND name LIKE 'Test Synthetic %'""");
		Long otherList = jdbc.queryForObject(
				"INSERT INTO wanted_list (name) VALUES ('Test long list without an operation') RETURNING id", Long.class);
		jdbc.update("""
				INSERT INTO list_membership (fugitive_id, wanted_list_id)
				SELECT id, CASE WHEN id % 1000 = 0 THEN 1 ELSE ? END FROM fugitive
				WHERE synthetic AND name LIKE 'Test Synthetic %' AND id % 2 = 0""", otherList);
		// A bulk insert lands in the GIN index's pending list, which the planner prices as a scan of
		// every pending entry; autovacuum merges it in production, this does it now (VACUUM
		// cannot run inside the test's transaction).
		jdbc.queryForObject("SELECT gin_clean_pending_list('fugitive_search_text_trgm_idx'::regclass)", Long.class);
		jdbc.execute("ANALYZE fugitive, fugitive_destination, fugitive_alias, list_membership, wanted_list");
	}

	private void assertUses(String query, String index) {
		String plan = explain(search.rowsQuery(scope(query), true));
		assertThat(plan).as("plan of ?%s", query).contains(index);
	}

	private String explain(Query query) {
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
		return String.join("\n", named.queryForList("EXPLAIN " + query.sql(), query.params(), String.class));
	}

	private String searchText(long id) {
		return jdbc.queryForObject("SELECT search_text FROM fugitive WHERE id = ?", String.class, id);
	}

	private FugitiveSearch.Scope scope(String query) {
		return search.resolve(FugitiveSearchTest.filter(query));
	}

}
