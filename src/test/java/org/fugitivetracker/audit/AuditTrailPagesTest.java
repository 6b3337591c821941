package org.fugitivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.fugitivetracker.JdbcStatements;
import org.fugitivetracker.event.EventDeletionForm;
import org.fugitivetracker.event.EventForm;
import org.fugitivetracker.event.EventRecord;
import org.fugitivetracker.event.EventRecorder;
import org.fugitivetracker.fugitive.FugitiveEditor;
import org.fugitivetracker.fugitive.FugitiveForm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The audit trail page, a fugitive's and a case's history, and the view "as recorded on" a past day. */
@IntegrationTest
class AuditTrailPagesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventRecorder recorder;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Autowired
	FugitiveEditor fugitives;

	@Test
	void theTrailListsChangesNewestFirstWithWhoWhatAndBeforeAfter() throws Exception {
		long fugitive = testFugitive("Test Audit Trail Person");
		EventRecord detention = as("auditor-one", () -> recorder.record(fugitive,
				event("DETENTION", "2019-03", 0), "auditor-one"));
		EventRecord surrender = as("auditor-two", () -> recorder.record(fugitive,
				event("SURRENDER", "2019-09-02", detention.fugitiveVersion()), "auditor-two"));

		String page = mvc.get().uri("/audit").with(TestLogin.ADMIN).exchange().getResponse()
			.getContentAsString();
		assertThat(page).contains("Audit trail", "auditor-two", "auditor-one",
				"Surrendered, September 2, 2019 (Test Audit Trail Person)", "Detained, March 2019 (Test Audit Trail Person)",
				"<a class=\"record-name\" href=\"/fugitives/" + fugitive + "\">Test Audit Trail Person</a>");
		assertThat(page.indexOf("Surrendered, September 2, 2019")).as("newest first")
			.isLessThan(page.indexOf("Detained, March 2019"));
		assertThat(page).containsPattern("<dt>Status</dt>\\s*<dd>\\s*<span class=\"visually-hidden\">Before:</span>\\s*"
				+ "<del class=\"before\">In custody</del>\\s*<span class=\"arrow\" aria-hidden=\"true\">→</span>\\s*"
				+ "<span class=\"visually-hidden\">After:</span>\\s*<ins class=\"after\">Returned</ins>");

		assertThat(mvc.get().uri("/audit?user=auditor-one&entity=Event").with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("Detained, March 2019")
			.doesNotContain("Surrendered, September 2, 2019", "<span class=\"record-type\">Fugitive</span>");
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		assertThat(mvc.get().uri("/audit?user=auditor-two&from=" + today + "&to=" + today).with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("Surrendered, September 2, 2019", "1 revision<");
		assertThat(mvc.get().uri("/audit?user=auditor-two&to=2001-01-01").with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("No change matches.");
		assertThat(mvc.get().uri("/audit?lang=zh-CN").with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("审计记录", "更改前", "更改后")
			.doesNotContain("??");
	}

	/**
	 * What an admin changed reads as a person reads it: labels of the forms, names instead of
	 * numbers (linked), dates and codes in words, empty lists as "none", no internal fields.
	 */
	@Test
	void anAdminChangeReadsWithLabelsNamesAndFormattedValuesInBothLanguages() {
		String auditor = "auditor-prose";
		try (TestRecords records = new TestRecords(jdbc)) {
			long person = records.fugitive("Test Audit Prose Person", "AT_LARGE");
			try {
				as(auditor, () -> fugitives.update(person, profile("Test Audit Prose Person", "Test Alias Prose",
						List.of("US", "CA"), version(person)), auditor));
				as(auditor, () -> recorder.record(person, new EventForm("SURRENDER", "2016-11-16", "US",
						"Test: surrendered", null, "Test Audit Prose Source", "https://example.org/test-audit-prose",
						"Test quote", version(person)), auditor));
				long source = jdbc.queryForObject("select id from source where title = 'Test Audit Prose Source'",
						Long.class);

				String english = trail("/audit?user=" + auditor);
				assertThat(english).contains("2 revisions", "What happened", "Surrendered, November 16, 2016",
						"November 16, 2016", "United States", "Canada; United States", "Test Alias Prose", "Other names",
						"Destination countries", "<del class=\"before\">At large</del>", "<ins class=\"after\">Returned</ins>",
						"<a href=\"/sources/" + source + "\">Test Audit Prose Source</a>",
						"<a href=\"/fugitives/" + person + "\">Test Audit Prose Person</a>",
						"Date (source: Test Audit Prose Source)", "Other names and spellings</dt>")
					.doesNotContain("AT_LARGE", "RETURNED", "Source #", "Fugitive #", "Event #", "[]", "[US]", "false",
							"Synthetic", "wantedList=", "<table");

				String chinese = trail("/audit?user=" + auditor + "&lang=zh-CN");
				assertThat(chinese).contains("事件类型", "投案自首", "2016年11月16日", "加拿大；美国", "已归案", "其他姓名")
					.doesNotContain("What happened", "Surrendered", "United States", "AT_LARGE", "Source #", "false");
			}
			finally {
				jdbc.update("delete from citation where event_id in (select id from event where fugitive_id = ?)", person);
				jdbc.update("delete from citation where fugitive_id = ?", person);
				jdbc.update("delete from event where fugitive_id = ?", person);
				jdbc.update("delete from source where title = 'Test Audit Prose Source'");
			}
		}
	}

	/**
	 * The baseline (the records as they stood when the trail was installed) is one line; its
	 * records have pages of their own.
	 */
	@Test
	void theBaselineIsOneLineAndItsRecordsArePagedOnAPageOfTheirOwn() {
		long records = jdbc.queryForObject("select (select count(*) from fugitive_aud where rev = 1) "
				+ "+ (select count(*) from case_file_aud where rev = 1) + (select count(*) from event_aud where rev = 1) "
				+ "+ (select count(*) from asset_transfer_aud where rev = 1) + (select count(*) from citation_aud where rev = 1) "
				+ "+ (select count(*) from source_aud where rev = 1) + (select count(*) from external_identifier_aud "
				+ "where rev = 1) + (select count(*) from list_membership_aud where rev = 1)", Long.class);
		assertThat(records).as("the seed's baseline").isGreaterThan(AuditController.RECORDS_PAGE_SIZE);

		String trail = trail("/audit?user=system");
		String baseline = between(trail, "<article class=\"revision card\" id=\"revision-1\">", "</article>");
		assertThat(baseline).contains("Initial data: " + records + " records", "href=\"/audit/revisions/1\"")
			.doesNotContain("record-change");
		assertThat(trail("/audit?user=system&lang=zh-CN")).contains("初始数据：" + records + " 条记录");

		String first = trail("/audit/revisions/1");
		assertThat(first).contains("Records of revision 1", "Yang Xiuzhu", "Page 1 of 2",
				"href=\"/audit/revisions/1?page=1\"");
		assertThat(occurrences(first, "<section class=\"record-change")).isEqualTo(AuditController.RECORDS_PAGE_SIZE);
		String second = trail("/audit/revisions/1?page=1");
		assertThat(occurrences(second, "<section class=\"record-change"))
			.isEqualTo(records - AuditController.RECORDS_PAGE_SIZE);
		assertThat(mvc.get().uri("/audit/revisions/999999").with(TestLogin.ADMIN)).hasStatus(404);
		assertThat(mvc.get().uri("/audit/revisions/1?page=x").with(TestLogin.ADMIN)).hasStatus(400);
	}

	/** The trail's statements do not grow with the revisions and records it shows (no N+1). */
	@Test
	void theTrailsStatementsDoNotGrowWithItsRows() throws Exception {
		String auditor = "auditor-statements";
		try (TestRecords records = new TestRecords(jdbc)) {
			long person = records.fugitive("Test Audit Statements Person", "AT_LARGE");
			try {
				changes(auditor, person, 1);
				JdbcStatements.Recorded few = JdbcStatements
					.record(() -> mvc.get().uri("/audit?user=" + auditor).with(TestLogin.ADMIN).exchange());
				changes(auditor, person, 4);
				JdbcStatements.Recorded many = JdbcStatements
					.record(() -> mvc.get().uri("/audit?user=" + auditor).with(TestLogin.ADMIN).exchange());
				assertThat(trail("/audit?user=" + auditor)).contains("10 revisions");
				assertThat(many.page().size()).as("statements with 10 revisions, against 2:%n%s%n---%n%s",
						many.describePage(), few.describePage())
					.isEqualTo(few.page().size());
			}
			finally {
				jdbc.update("delete from citation where event_id in (select id from event where fugitive_id = ?)", person);
				jdbc.update("delete from citation where fugitive_id = ?", person);
				jdbc.update("delete from event where fugitive_id = ?", person);
				jdbc.update("delete from source where title like 'Test Audit Statements Source%'");
			}
		}
	}

	@Test
	void theDateFilterIsADateFieldWhoseHintNamesNoFormat() {
		String trail = trail("/audit");
		assertThat(trail).contains("<input type=\"date\" id=\"from\"", "<input type=\"date\" id=\"to\"");
		assertThat(between(trail, "id=\"date-hint\">", "</p>")).doesNotContainIgnoringCase("yyyy").contains("UTC");
	}

	@Test
	void aDeletionKeepsItsReasonAndTheValuesItRemoved() {
		long fugitive = testFugitive("Test Audit Deleted Event");
		EventRecord detention = as("admin", () -> recorder.record(fugitive, event("DETENTION", "2018", 0), "admin"));
		as("admin", () -> recorder.delete(detention.id(),
				new EventDeletionForm("Test: recorded for the wrong person", detention.fugitiveVersion()), "admin"));
		assertThat(mvc.get().uri("/audit?entity=Event").with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("Test: recorded for the wrong person", "Deleted", "<del class=\"before\">Detained</del>",
					"Detained, 2018 (Test Audit Deleted Event)");
	}

	@Test
	void badFiltersAre400WithAMessage() {
		assertThat(mvc.get().uri("/audit?entity=Nonsense").with(TestLogin.ADMIN)).hasStatus(400)
			.bodyText()
			.contains("Unknown record type: Nonsense.");
		assertThat(mvc.get().uri("/audit?from=yesterday").with(TestLogin.ADMIN)).hasStatus(400)
			.bodyText()
			.contains("must be a date written yyyy-MM-dd");
		assertThat(mvc.get().uri("/audit?from=2020-02-01&to=2020-01-01").with(TestLogin.ADMIN)).hasStatus(400);
		assertThat(mvc.get().uri("/audit?page=-1").with(TestLogin.ADMIN)).hasStatus(400);
		assertThat(mvc.get().uri("/audit").param("user", "a\u0000b").with(TestLogin.ADMIN)).hasStatus(400);
	}

	@Test
	void onlyAdminsSeeTheTrailAndHistories() {
		for (String role : List.of("INVESTIGATOR", "ANALYST")) {
			assertThat(mvc.get().uri("/audit").with(TestLogin.someone(role))).hasStatus(403);
			assertThat(mvc.get().uri("/fugitives/1/history").with(TestLogin.someone(role))).hasStatus(403);
			assertThat(mvc.get().uri("/cases/1/history").with(TestLogin.someone(role))).hasStatus(403);
		}
		assertThat(mvc.get().uri("/audit")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
	}

	/**
	 * The test person and the tests' source are inserted straight into the database, as bulk
	 * loads do: the trail never saw them before their first change through the application.
	 */
	@Test
	void aFugitivesHistoryShowsItsChangesAndTheRecordAsItStoodOnAPastDay() {
		long fugitive = testFugitive("Test History Person");
		EventRecord detention = as("admin", () -> recorder.record(fugitive, event("DETENTION", "2019-03", 0), "admin"));
		EventRecord surrender = as("admin", () -> recorder.record(fugitive,
				event("SURRENDER", "2019-09-02", detention.fugitiveVersion()), "admin"));
		// Pretend these two writes were made on past days, to look at the record as it stood then.
		backdate(detention.id(), "2020-01-10T09:00:00Z");
		backdate(surrender.id(), "2020-02-10T09:00:00Z");

		assertThat(mvc.get().uri("/fugitives/{id}/history", fugitive).with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("History of Test History Person", "Detained, March 2019 (Test History Person)",
					"Surrendered, September 2, 2019 (Test History Person)", "<span class=\"record-type\">Citation</span>",
					"Date (source: " + TestRecords.CITABLE_SOURCE_TITLE + ")", "(not recorded: the row predates the audit trail)")
			.doesNotContain("??");

		assertThat(mvc.get().uri("/fugitives/{id}/history?asOf=2020-01-31", fugitive).with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("As recorded on January 31, 2020", "past-status IN_CUSTODY", "Detention", "United States",
					TestRecords.CITABLE_SOURCE_TITLE)
			.doesNotContain("Surrender</td>");
		assertThat(mvc.get().uri("/fugitives/{id}/history?asOf=2020-02-10", fugitive).with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("past-status RETURNED", "Surrender</td>");
		assertThat(mvc.get().uri("/fugitives/{id}/history?asOf=1999-01-01", fugitive).with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("The audit trail starts on");
		assertThat(mvc.get().uri("/fugitives/{id}/history?asOf=someday", fugitive).with(TestLogin.ADMIN))
			.hasStatus(400);
		assertThat(mvc.get().uri("/fugitives/{id}/history", 999_999).with(TestLogin.ADMIN)).hasStatus(404);
	}

	@Test
	void theSeededCaseHasAHistoryFromTheBaselineAndAPastState() {
		String today = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		assertThat(mvc.get().uri("/cases/1/history?asOf=" + today).with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("History of Five most-wanted corrupt officials living in the U.S.", "Revision 1", "system",
					"Baseline", "Yang Xiuzhu (Principal)", "Meeting", "United States")
			.doesNotContain("??");
	}

	/** Per round: a profile edit (other names, destinations) and a detention with a new source. */
	private void changes(String auditor, long person, int rounds) {
		for (int i = 0; i < rounds; i++) {
			String round = auditor + "-" + version(person);
			as(auditor, () -> fugitives.update(person, profile("Test Audit Statements Person", "Test Alias " + round,
					List.of("US", "CA"), version(person)), auditor));
			as(auditor, () -> recorder.record(person, new EventForm("DETENTION", "2019-03", "US", "Test event", null,
					"Test Audit Statements Source " + round, "https://example.org/" + round, "Test quote",
					version(person)), auditor));
		}
	}

	private static FugitiveForm profile(String name, String aliases, List<String> destinations, long version) {
		return new FugitiveForm(name, null, aliases, null, null, null, null, null, null, null, null, null, null,
				destinations, null, null, null, null, null, version);
	}

	private long version(long fugitive) {
		return jdbc.queryForObject("select version from fugitive where id = ?", Long.class, fugitive);
	}

	/** The audit page's own part (the trail, or a revision's records), as an admin sees it. */
	private String trail(String uri) {
		try {
			String page = mvc.get().uri(uri).with(TestLogin.ADMIN).exchange().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			return between(page, "<section class=\"admin-page audit\"", "</main>");
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as("contains " + start).isNotNegative();
		return text.substring(from, text.indexOf(end, from));
	}

	private static long occurrences(String text, String part) {
		Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
		long count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private void backdate(long eventId, String instant) {
		jdbc.update("update audit_revision set changed_at = cast(? as timestamptz) where id = "
				+ "(select rev from event_aud where id = ? and revtype = 0)", instant, eventId);
	}

	private EventForm event(String type, String date, long version) {
		return new EventForm(type, date, "US", "Test event", records.citableSource(), null, null, "Test quote",
				version);
	}

	/** Runs a service call as a signed-in user, as a request would (the audit reads the name from here). */
	private static <T> T as(String username, java.util.function.Supplier<T> call) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
					AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
		try {
			return call.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private long testFugitive(String name) {
		return records.fugitive(name, "AT_LARGE");
	}

}
