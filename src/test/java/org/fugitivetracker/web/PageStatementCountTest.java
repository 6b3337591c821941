package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.JdbcStatements;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * No N+1: every investigator page runs the same number of SQL statements whether it shows one row
 * of each kind or many. Each test renders a page for a small and a large record (or before and
 * after adding rows) and compares the counts: every statement the page sends through JDBC
 * ({@link JdbcStatements}; Hibernate's and plain JDBC's alike), Spring Session's left out.
 */
@IntegrationTest
@WithMockUser(roles = "INVESTIGATOR")
class PageStatementCountTest {

	/** Rows added to the whole database at a time: more than a page of cases (25) or sources (50). */
	static final int PAGEFUL = 70;

	/** Rows of each kind in a small record. */
	static final int FEW = 2;

	/** Rows of each kind in a large record; below the batch fetch size (64), beyond which loads go in batches of 64. */
	static final int MANY = 20;

	static final Map<String, String> MEASURED = new TreeMap<>();

	@Autowired
	MockMvcTester mvc;

	@AfterAll
	static void report() {
		MEASURED.forEach((page, counts) -> System.out.println("SQL statements per page: " + page + " " + counts));
	}

	@Test
	void fugitiveProfile(TestRecords records) throws Exception {
		long first = records.source("Test Source One");
		long second = records.source("Test Source Two");
		long few = person(records, "Test Few Rows", FEW, first, second);
		long many = person(records, "Test Many Rows", MANY, first, second);
		assertSameCount("/fugitives/{id}", "/fugitives/" + few, "/fugitives/" + many);
	}

	@Test
	void casePage(TestRecords records) throws Exception {
		long source = records.source("Test Source");
		long few = caseFile(records, "Test Case Few", FEW, source);
		long many = caseFile(records, "Test Case Many", MANY, source);
		assertSameCount("/cases/{id}", "/cases/" + few, "/cases/" + many);
	}

	@Test
	void operationPage(TestRecords records) throws Exception {
		long source = records.source("Test Source");
		long few = operation(records, "Test Operation Few", FEW, source);
		long many = operation(records, "Test Operation Many", MANY, source);
		assertSameCount("/operations/{id}", "/operations/" + few, "/operations/" + many);
	}

	@Test
	void sourcePage(TestRecords records) throws Exception {
		long few = records.source("Test Source Few");
		long many = records.source("Test Source Many");
		citeEverything(records, few, FEW);
		citeEverything(records, many, MANY);
		assertSameCount("/sources/{id}", "/sources/" + few, "/sources/" + many);
	}

	/**
	 * The pages that show aggregates or whole lists: the count after adding {@link #PAGEFUL} rows of
	 * every kind (more than a page of cases and of sources, more than a fetch batch of figures)
	 * equals the count after adding as many again. (Compared with the seed alone, the first
	 * additions may add a statement: a count query once a list has more than one page, or a
	 * batch load for a kind of row the seed's pages happen to find already loaded.)
	 */
	@Test
	void listsDashboardAndFiguresDoNotGrowWithTheRecords(TestRecords records) throws Exception {
		String[] pages = { "/", "/cases", "/operations", "/figures", "/sources" };
		Map<String, Long> seed = counts(pages);
		long source = records.source("Test Source");
		addRowsOfEveryKind(records, source, "A");
		Map<String, Long> some = counts(pages);
		addRowsOfEveryKind(records, source, "B");
		Map<String, Long> more = counts(pages);
		for (String page : pages) {
			MEASURED.put(page, "seed " + seed.get(page) + ", +" + PAGEFUL + " rows of each kind " + some.get(page)
					+ ", +" + (2 * PAGEFUL) + " " + more.get(page));
		}
		assertThat(more).isEqualTo(some);
	}

	private Map<String, Long> counts(String... pages) throws Exception {
		Map<String, Long> counts = new TreeMap<>();
		for (String page : pages) {
			counts.put(page, count(page));
		}
		return counts;
	}

	private void addRowsOfEveryKind(TestRecords records, long source, String batch) {
		for (int i = 0; i < PAGEFUL; i++) {
			String name = "Test " + batch + i;
			long person = records.fugitive(name, i % 3 == 0 ? "AT_LARGE" : i % 3 == 1 ? "IN_CUSTODY" : "RETURNED");
			records.destination(person, i % 2 == 0 ? "US" : "CA");
			long caseId = records.caseFile(name + " case", "US");
			records.participant(caseId, person);
			long operation = records.operation(name + " operation", 10);
			records.membership(person, records.wantedList(name + " list", operation), 1);
			records.event("SURRENDER", "2016-0" + (1 + i % 9), "US", person, caseId, operation);
			long figure = records.figure("FUGITIVES_RETURNED", i, "2015", "2015", operation, null, "US");
			records.citation(source, "reported_figure_id", figure, "value", "Test claim", null);
			records.source(name + " source");
		}
	}

	/** A person with {@code rows} rows of every kind the profile shows. */
	private long person(TestRecords records, String name, int rows, long source, long otherSource) {
		long person = records.fugitive(name, "RETURNED");
		records.fled(person, "2001-03");
		String[] countries = { "US", "CA", "AU", "NZ" };
		long operation = records.operation(name + " operation", 100);
		for (int i = 0; i < rows; i++) {
			if (i < countries.length) {
				records.destination(person, countries[i]);
			}
			records.offence(person, "Test offence " + i).alias(person, "Test alias " + i).identifier(person, name + " T-" + i);
			records.membership(person, records.wantedList(name + " list " + i, operation), i + 1);
			long caseId = records.caseFile(name + " case " + i, "US");
			records.participant(caseId, person);
			long event = records.event(i == 0 ? "SURRENDER" : "DETENTION", "2015-0" + (1 + i % 9), "US", person, caseId,
					operation);
			records.citation(source, "event_id", event, "occurred", "in month " + i, "quote " + i);
			records.citation(otherSource, "event_id", event, "occurred", "another month " + i, null);
			long transfer = records.transfer(person, null, "1000");
			records.citation(source, "asset_transfer_id", transfer, "amount", "about 1000", null);
			records.citation(source, "fugitive_id", person, "attribute" + (char) ('a' + i), "claim " + i, null);
			records.citation(otherSource, "fugitive_id", person, "status", "returned " + i, null);
		}
		return person;
	}

	private long caseFile(TestRecords records, String title, int rows, long source) {
		long caseId = records.caseFile(title, "US");
		long operation = records.operation(title + " operation", 10);
		for (int i = 0; i < rows; i++) {
			long person = records.fugitive(title + " person " + i, "AT_LARGE");
			records.participant(caseId, person);
			if (i < 6) {
				records.agency(caseId, 1 + i);
			}
			long step = records.step(caseId, i + 1, 1L + i % 6);
			records.citation(source, "cooperation_step_id", step, "description", "step " + i, null);
			long event = records.event("MEETING", "2014-12", "CN", i % 2 == 0 ? person : null, caseId, null);
			records.citation(source, "event_id", event, "occurred", "December " + i, null);
			long figure = records.figure(i % 2 == 0 ? "CASE_FUGITIVES" : "MONEY_INVOLVED", 5, null, null, null, caseId, "US");
			records.citation(source, "reported_figure_id", figure, "value", "five " + i, "quote");
			long transfer = records.transfer(person, caseId, "1000");
			records.citation(source, "asset_transfer_id", transfer, "amount", "about 1000", null);
			records.citation(source, "case_id", caseId, "status" + (char) ('a' + i), "open " + i, null);
			records.event("OPERATION_LAUNCH", "2015", null, null, null, operation);
		}
		return caseId;
	}

	private long operation(TestRecords records, String codeName, int rows, long source) {
		long operation = records.operation(codeName, 100);
		long list = records.wantedList(codeName + " list", operation);
		for (int i = 0; i < rows; i++) {
			long person = records.fugitive(codeName + " person " + i, i % 2 == 0 ? "RETURNED" : "AT_LARGE");
			records.membership(person, list, i + 1);
			long event = records.event("OPERATION_LAUNCH", "2015-04", "CN", i % 2 == 0 ? person : null, null, operation);
			records.citation(source, "event_id", event, "occurred", "In April " + i, null);
			long figure = records.figure(i % 2 == 0 ? "FUGITIVES_RETURNED" : "SUSPECTS_ARRESTED", 50, "2015-04", "2015-11",
					operation, null);
			records.citation(source, "reported_figure_id", figure, "value", "fifty " + i, null);
			records.citation(source, "operation_id", operation, "target" + (char) ('a' + i), "target " + i, null);
		}
		return operation;
	}

	/** Citations of every kind of subject, {@code rows} of each. */
	private void citeEverything(TestRecords records, long source, int rows) {
		long caseId = records.caseFile("Test Cited Case " + source, "US");
		long operation = records.operation("Test Cited Operation " + source, 10);
		String[] countries = { "US", "CA", "AU", "NZ", "CN" };
		for (int i = 0; i < rows; i++) {
			long person = records.fugitive("Test Cited " + source + " " + i, "AT_LARGE");
			records.citation(source, "fugitive_id", person, "name", "name " + i, "quote " + i);
			long event = records.event("SURRENDER", "2015", "US", person, null, null);
			records.citation(source, "event_id", event, "occurred", "2015", null);
			long caseEvent = records.event("MEETING", null, null, null, caseId, null);
			records.citation(source, "event_id", caseEvent, "occurred", "undated", null);
			long operationEvent = records.event("OPERATION_LAUNCH", "2015", null, null, null, operation);
			records.citation(source, "event_id", operationEvent, "occurred", "2015", null);
			records.citation(source, "case_id", records.caseFile("Test Cited Case " + source + " " + i, null), "status",
					"open", null);
			records.citation(source, "cooperation_step_id", records.step(caseId, i + 1, null), "description", "step", null);
			records.citation(source, "asset_transfer_id", records.transfer(person, null, "5"), "amount", "5", null);
			records.citation(source, "asset_transfer_id", records.transfer(null, caseId, "6"), "amount", "6", null);
			records.citation(source, "reported_figure_id",
					records.figure("MONEY_INVOLVED", i, "2015", "2016", operation, null), "value", "money", null);
			records.citation(source, "operation_id", records.operation("Test Cited Operation " + source + " " + i, null),
					"target", "none", null);
			records.citation(source, "agency_partnership_id", 1, "purpose", "purpose " + i, null);
			records.citation(source, "country_code", countries[i % countries.length], "extraditionTreaty", "none", null);
		}
		// Agencies are few and fixed: every source cites all of them, so their loading is the same.
		for (long agency = 1; agency <= 6; agency++) {
			records.citation(source, "agency_id", agency, "official", "someone", null);
		}
	}

	private void assertSameCount(String page, String fewRows, String manyRows) throws Exception {
		long few = count(fewRows);
		long many = count(manyRows);
		MEASURED.put(page, FEW + " rows of each kind " + few + ", " + MANY + " rows of each kind " + many);
		assertThat(many).as(page + " with many rows").isEqualTo(few);
	}

	/**
	 * The page's statements, after a first request: what the application reads once and keeps
	 * (the country names, by plain JDBC) is not counted against one record's page.
	 */
	private long count(String uri) throws Exception {
		assertThat(mvc.get().uri(uri).exchange()).hasStatusOk();
		return JdbcStatements.record(() -> assertThat(mvc.get().uri(uri).exchange()).hasStatusOk()).page().size();
	}

}
