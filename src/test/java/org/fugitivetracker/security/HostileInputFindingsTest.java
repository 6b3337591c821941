package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The inputs {@link HostileInputTest} found to break the application, each pinned down: they were
 * 500s (or a stored text that displays other than it reads) and are now refused as invalid.
 */
@IntegrationTest
@SlowTest
class HostileInputFindingsTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** PostgreSQL refuses a NUL in a query parameter ("invalid byte sequence for encoding UTF8: 0x00"). */
	@Test
	void aSearchTextWithANulIsA400NamingTheParameter() {
		assertThat(mvc.get().uri("/fugitives").param("q", "Yang\u0000").with(TestLogin.ADMIN))
			.hasStatus(400)
			.bodyText()
			.contains("q: the search text may not contain control characters.");
		assertThat(mvc.get().uri("/fugitives.csv").param("q", "\u0000").with(TestLogin.ADMIN)).hasStatus(400);
		assertThat(mvc.get().uri("/api/v1/fugitives").param("q", "\u0000").with(TestLogin.ADMIN))
			.hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.parameter")
			.isEqualTo("q");
		assertThat(mvc.get().uri("/fugitives").param("q", "\u0000").param("lang", "zh-CN").with(TestLogin.ADMIN))
			.hasStatus(400)
			.bodyText()
			.contains("q: 搜索文字不能包含控制字符。");
	}

	/** LocalDate reads years of nine digits, which PostgreSQL cannot compare ("timestamp out of range"). */
	@Test
	void aDayWithMoreThanFourDigitsInTheYearIsA400() {
		assertThat(mvc.get().uri("/audit").param("from", "+999999999-12-31").with(TestLogin.ADMIN))
			.hasStatus(400)
			.bodyText()
			.contains("must be a date written yyyy-MM-dd");
		assertThat(mvc.get().uri("/audit").param("to", "-999999999-01-01").with(TestLogin.ADMIN))
			.hasStatus(400);
		assertThat(mvc.get().uri("/fugitives/1/history").param("asOf", "-999999999-01-01").with(TestLogin.ADMIN))
			.hasStatus(400);
		assertThat(mvc.get().uri("/cases/1/history").param("asOf", "+10000-01-01").with(TestLogin.ADMIN))
			.hasStatus(400);
		assertThat(mvc.get().uri("/cases/1/history").param("asOf", "2015-12-05").with(TestLogin.ADMIN))
			.hasStatusOk();
	}

	/** A null inside a JSON list reached the repository ("The given id must not be null") or a NOT NULL column. */
	@Test
	void aNullInsideAListOfTheWriteApiIsA400AndNothingIsStored() {
		int cases = count("case_file");
		assertThat(mvc.post().uri("/api/v1/cases").with(TestLogin.ADMIN).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title": "Test Null Agency", "status": "OPEN", "agencyIds": [null], "sourceId": 1, "quote": "Test"}"""))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("agencyIds[0]");
		assertThat(count("case_file")).isEqualTo(cases);

		int fugitives = count("fugitive");
		assertThat(mvc.post().uri("/api/v1/fugitives").with(TestLogin.ADMIN).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "Test Null Country", "destinationCountries": ["US", null], "sourceId": 1, "quote": "Test"}"""))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("destinationCountries[1]");
		assertThat(count("fugitive")).isEqualTo(fugitives);
	}

	/**
	 * The case page left its participants' people as proxies; it rendered only when loading the
	 * case's events or transfers happened to initialise them in the same batch.
	 */
	@Test
	void aCaseWithPeopleButNoEventsOrTransfersRenders(TestRecords records) {
		long person = records.fugitive("Test Participant Only", "AT_LARGE");
		long caseFile = records.caseFile("Test Case Without Events", "US");
		records.participant(caseFile, person);
		assertThat(mvc.get().uri("/cases/{id}", caseFile).with(TestLogin.INVESTIGATOR))
			.hasStatusOk()
			.bodyText()
			.contains("Test Participant Only");
	}

	/** A right-to-left override made a stored name or audit reason display reversed ("Trojan Source"). */
	@Test
	void bidirectionalOverridesAreRefusedLikeControlCharacters() {
		int sources = count("source");
		assertThat(mvc.post().uri("/api/v1/sources").with(TestLogin.ADMIN).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Test \\u202Etxt.exe\", \"publisher\": \"Test publisher\"}"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("PlainText");
		assertThat(count("source")).isEqualTo(sources);
	}

	/** Spring Data refused a page whose first row lies beyond Integer.MAX_VALUE ("Page offset exceeds ..."). */
	@Test
	void aPageFarBeyondTheLastIsAnEmptyPage() {
		assertThat(mvc.get().uri("/cases").param("page", "2147483647").with(TestLogin.INVESTIGATOR))
			.hasStatusOk();
		assertThat(mvc.get().uri("/sources").param("page", "2147483647").with(TestLogin.INVESTIGATOR))
			.hasStatusOk();
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

}
