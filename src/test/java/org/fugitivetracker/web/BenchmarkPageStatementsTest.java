package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.JdbcStatements;
import org.fugitivetracker.JdbcStatements.Recorded;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Each page of the benchmark ({@code bench/pages.txt}) sends PostgreSQL at most {@value #BUDGET}
 * SQL statements, and the same number for a small and a large page (page size, rows of each kind
 * in a record, rows in the database): no statement per row, whatever the data.
 *
 * <p>What is counted: every statement the request executes through the application's data
 * source, at the JDBC level ({@link JdbcStatements}): Hibernate's queries and lazy loads and the
 * plain JDBC of the list, the API and the CSV alike. Spring Session's reads and writes of the
 * session row (the same on every page) are counted apart and printed, not held to the budget;
 * the driver's own transaction control ({@code BEGIN}, {@code COMMIT}) is not a statement and is
 * not counted. Each page is requested once before it is counted, so what the application loads
 * once and keeps (the country names) is not counted against every page.
 *
 * <p>The counts are printed, e.g. {@code JDBC statements per request: detail /fugitives/{id} 2 rows
 * of each kind: 6, 20 rows of each kind: 6 (besides Spring Session's 2 and 2)}, and the
 * statements of each page after them.
 */
@IntegrationTest
@WithMockUser(roles = "INVESTIGATOR")
class BenchmarkPageStatementsTest {

	/** The most statements a benchmark page may send. */
	static final int BUDGET = 6;

	/** Rows of each kind in a small record. */
	static final int FEW = 2;

	/** Rows of each kind in a large record: well past what one page of them would show. */
	static final int MANY = 20;

	/** People matching the list's filter: more than the larger page size (100). */
	static final int MATCHING = 120;

	static final Map<String, String> MEASURED = new TreeMap<>();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** The statements of the larger request of each page, to read what a page sends. */
	static final Map<String, List<String>> STATEMENTS = new TreeMap<>();

	@AfterAll
	static void report() {
		MEASURED.forEach((page, counts) -> System.out.println("JDBC statements per request: " + page + " " + counts));
		STATEMENTS.forEach((page, statements) -> {
			System.out.println("Statements of " + page + ":");
			statements.forEach(sql -> System.out.println("  " + abbreviated(sql)));
		});
	}

	/** Hibernate's column lists make a line long; the start says which query it is. */
	private static String abbreviated(String sql) {
		String line = sql.replaceAll("\\s+", " ");
		return line.length() <= 160 ? line : line.substring(0, 157) + "...";
	}

	@Test
	void dashboard(TestRecords records) throws Exception {
		Recorded before = record("/");
		long source = records.source("Test Bench Dashboard Source");
		List<String> countries = countries(MANY);
		for (int i = 0; i < MATCHING; i++) {
			long person = records.fugitive("Test Bench Dashboard " + i, i % 2 == 0 ? "AT_LARGE" : "IN_CUSTODY");
			records.destination(person, countries.get(i % countries.size()));
			long caseId = records.caseFile("Test Bench Dashboard case " + i, "US");
			long operation = records.operation("Test Bench Dashboard operation " + i, 10);
			// Dated after everything else, so these are the recent events the page shows.
			records.event(i % 3 == 0 ? "SURRENDER" : "MEETING", "2099-01", "US", i % 3 == 0 ? person : null, caseId,
					operation);
			long figure = records.figure("FUGITIVES_RETURNED", i, "2015", "2015", operation, null, "US", "CA");
			records.citation(source, "reported_figure_id", figure, "value", "Test claim " + i, null);
		}
		Recorded after = record("/");
		assertWithinBudget("dashboard /", "as seeded", before, "+" + MATCHING + " people, events, figures", after);
	}

	@Test
	void listSearchDeepPageAndApi(TestRecords records) throws Exception {
		matchingPeople(records);
		assertWithinBudget("list /fugitives?country=US&status=AT_LARGE",
				"/fugitives?country=US&status=AT_LARGE&size=10", "/fugitives?country=US&status=AT_LARGE&size=100");
		assertWithinBudget("search /fugitives?q=...", "/fugitives?q=benchmarked&size=10",
				"/fugitives?q=benchmarked&size=100");
		assertThat(mvc.get().uri("/fugitives?q=benchmarked&size=100")).hasStatusOk()
			.bodyText()
			.contains("Test Benchmarked 0", "Test Benchmarked 100", "Page 1 of 2");
		assertWithinBudget("deep page /fugitives?page=...", "/fugitives?page=0&size=50",
				"/fugitives?page=2&size=50");
		assertWithinBudget("deep page, as benchmarked", "/fugitives?page=0&size=50", "/fugitives?page=199&size=50");
		assertWithinBudget("API /api/v1/fugitives?country=US", "/api/v1/fugitives?country=US&size=5",
				"/api/v1/fugitives?country=US&size=150");
		assertThat(mvc.get().uri("/api/v1/fugitives?country=US&size=150")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.content")
			.asArray()
			.hasSizeGreaterThan(100);
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void csv(TestRecords records) throws Exception {
		matchingPeople(records);
		assertWithinBudget("CSV /fugitives.csv?...", "/fugitives.csv?q=fewmarked", "/fugitives.csv?q=benchmarked");
		assertThat(csvLines("/fugitives.csv?q=fewmarked")).hasSize(FEW + 1);
		assertThat(csvLines("/fugitives.csv?q=benchmarked")).hasSize(MATCHING + 1);
	}

	@Test
	void detail(TestRecords records) throws Exception {
		long source = records.source("Test Bench Source One");
		long other = records.source("Test Bench Source Two");
		long none = person(records, "Test Bench None", 0, source, other);
		long few = person(records, "Test Bench Few", FEW, source, other);
		long many = person(records, "Test Bench Many", MANY, source, other);
		Recorded large = record("/fugitives/" + many);
		assertWithinBudget("detail /fugitives/{id}", FEW + " rows of each kind", record("/fugitives/" + few),
				MANY + " rows of each kind", large);
		assertWithinBudget("detail /fugitives/{id}, nothing recorded", "no rows", record("/fugitives/" + none),
				MANY + " rows of each kind", large);
		int last = MANY - 1;
		assertThat(mvc.get().uri("/fugitives/" + many)).hasStatusOk()
			.bodyText()
			.as("every row of every kind is shown")
			.contains("Test alias " + last, "Test offence " + last, "T-" + last, "Test Bench Many list " + last,
					"Test Bench Many case " + last, "in month " + last, "another month " + last, "claim " + last,
					"returned " + last, "over 900", "underground banks");
	}

	/**
	 * {@value #MATCHING} people at large in the United States named "Test Benchmarked n", and
	 * {@value #FEW} more named "Test Fewmarked n" (one word each to search for).
	 */
	private void matchingPeople(TestRecords records) {
		for (int i = 0; i < MATCHING + FEW; i++) {
			String name = i < MATCHING ? "Test Benchmarked " + i : "Test Fewmarked " + i;
			long person = records.fugitive(name, "AT_LARGE");
			records.destination(person, "US").alias(person, "Test alias " + i);
		}
	}

	private List<String> csvLines(String uri) throws Exception {
		MvcTestResult result = exchange(uri);
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
	}

	/** A person with {@code rows} rows of every kind the profile shows. */
	private long person(TestRecords records, String name, int rows, long source, long otherSource) {
		long person = records.fugitive(name, "RETURNED");
		records.fled(person, "2001-03");
		long operation = records.operation(name + " operation", 100);
		List<String> countries = countries(rows);
		for (int i = 0; i < rows; i++) {
			records.destination(person, countries.get(i));
			records.offence(person, "Test offence " + i).alias(person, "Test alias " + i).identifier(person, name + " T-" + i);
			records.membership(person, records.wantedList(name + " list " + i, operation), i + 1);
			long caseId = records.caseFile(name + " case " + i, "US");
			records.participant(caseId, person);
			long event = records.event(i == 0 ? "SURRENDER" : "DETENTION", "2015-0" + (1 + i % 9), "US", person, caseId,
					operation);
			records.citation(source, "event_id", event, "occurred", "in month " + i, "quote " + i);
			records.citation(otherSource, "event_id", event, "occurred", "another month " + i, null);
			long transfer = records.transfer(person, null, "1000");
			records.transferChannel(transfer, "UNDERGROUND_BANK");
			records.citation(source, "asset_transfer_id", transfer, "amount", "about 1000", null);
			records.citation(otherSource, "asset_transfer_id", transfer, "amount", "over 900", null);
			records.citation(source, "fugitive_id", person, "attribute" + (char) ('a' + i), "claim " + i, null);
			records.citation(otherSource, "fugitive_id", person, "status", "returned " + i, null);
		}
		return person;
	}

	/** The first {@code n} codes of the country table (the seed's and the synthetic loader's). */
	private List<String> countries(int n) {
		return jdbc.queryForList("select code from country order by code limit ?", String.class, n);
	}

	private void assertWithinBudget(String page, String small, String large) throws Exception {
		assertWithinBudget(page, small, record(small), large, record(large));
	}

	private void assertWithinBudget(String page, String smallLabel, Recorded small, String largeLabel, Recorded large) {
		MEASURED.put(page, "%s: %d, %s: %d (besides Spring Session's %d and %d)".formatted(smallLabel,
				small.page().size(), largeLabel, large.page().size(), small.session().size(), large.session().size()));
		STATEMENTS.put(page, large.page());
		assertThat(large.page()).as("%s, %s against %s:%n%s%nagainst%n%s", page, largeLabel, smallLabel,
				large.describePage(), small.describePage())
			.hasSameSizeAs(small.page());
		assertThat(large.page()).as("%s within %d statements:%n%s", page, BUDGET, large.describePage())
			.hasSizeLessThanOrEqualTo(BUDGET);
	}

	/** The statements of one request, after a first request that warms what is loaded once. */
	private Recorded record(String uri) throws Exception {
		assertThat(exchange(uri)).hasStatusOk();
		return JdbcStatements.record(() -> assertThat(exchange(uri)).hasStatusOk());
	}

	private MvcTestResult exchange(String uri) {
		return mvc.get().uri(uri).exchange();
	}

}
