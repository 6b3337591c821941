package org.fugitivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.fugitivetracker.event.EventDeletionForm;
import org.fugitivetracker.event.EventForm;
import org.fugitivetracker.event.EventRecord;
import org.fugitivetracker.event.EventRecorder;
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

	@Test
	void theTrailListsChangesNewestFirstWithWhoWhatAndBeforeAfter() throws Exception {
		long fugitive = testFugitive("Test Audit Trail Person");
		EventRecord detention = as("auditor-one", () -> recorder.record(fugitive,
				event("DETENTION", "2019-03", 0), "auditor-one"));
		EventRecord surrender = as("auditor-two", () -> recorder.record(fugitive,
				event("SURRENDER", "2019-09-02", detention.fugitiveVersion()), "auditor-two"));

		String page = mvc.get().uri("/audit").with(TestLogin.ADMIN).exchange().getResponse()
			.getContentAsString();
		assertThat(page).contains("Audit trail", "auditor-two", "auditor-one", "Event #" + surrender.id() + " SURRENDER 2019-09-02",
				"Fugitive #" + fugitive + " Test Audit Trail Person");
		assertThat(page.indexOf("Event #" + surrender.id())).as("newest first")
			.isLessThan(page.indexOf("Event #" + detention.id()));
		assertThat(page).containsPattern("<td>Status</td>\\s*<td class=\"before\">IN_CUSTODY</td>\\s*<td class=\"after\">RETURNED</td>");

		assertThat(mvc.get().uri("/audit?user=auditor-one&entity=Event").with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("Event #" + detention.id() + " DETENTION 2019-03")
			.doesNotContain("Event #" + surrender.id(), "Fugitive #" + fugitive + " Test");
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		assertThat(mvc.get().uri("/audit?user=auditor-two&from=" + today + "&to=" + today).with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("Event #" + surrender.id(), "1 revisions");
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

	@Test
	void aDeletionKeepsItsReasonAndTheValuesItRemoved() {
		long fugitive = testFugitive("Test Audit Deleted Event");
		EventRecord detention = as("admin", () -> recorder.record(fugitive, event("DETENTION", "2018", 0), "admin"));
		as("admin", () -> recorder.delete(detention.id(),
				new EventDeletionForm("Test: recorded for the wrong person", detention.fugitiveVersion()), "admin"));
		assertThat(mvc.get().uri("/audit?entity=Event").with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("Test: recorded for the wrong person", "Deleted", "<td class=\"before\">DETENTION</td>");
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
			.contains("History of Test History Person", "Event #" + detention.id() + " DETENTION 2019-03",
					"Event #" + surrender.id() + " SURRENDER 2019-09-02", "Citation #",
					"(not recorded: the row predates the audit trail)")
			.doesNotContain("??");

		assertThat(mvc.get().uri("/fugitives/{id}/history?asOf=2020-01-31", fugitive).with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("As recorded on 2020-01-31", "past-status IN_CUSTODY", "Detention",
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
					"Baseline", "Yang Xiuzhu (PRINCIPAL)", "Meeting")
			.doesNotContain("??");
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
