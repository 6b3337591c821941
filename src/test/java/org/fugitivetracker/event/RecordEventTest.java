package org.fugitivetracker.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.fugitivetracker.common.DatePrecision;
import org.fugitivetracker.source.CitationRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * The admin's third journey on real PostgreSQL: recording a surrender or repatriation through the
 * form, with its source, the derived status and the audit trail; and every way it is refused.
 */
@IntegrationTest
class RecordEventTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventRepository events;

	@Autowired
	CitationRepository citations;

	@Autowired
	EventRecorder recorder;

	TestRecords records;

	/** The source the forms cite, stored before any test counts rows. */
	long source;

	@BeforeEach
	void storeTheSource() {
		source = records.citableSource();
	}

	@Test
	void adminRecordsYangXiuzhusSurrenderWithItsSourceAndTheAuditTrailKeepsIt() {
		long yang = idOf("Yang Xiuzhu");
		assertThat(status(yang)).isEqualTo("IN_CUSTODY");
		long version = version(yang);
		Long eventId = null;
		try {
			assertThat(asAdmin(mvc.post().uri("/fugitives/{id}/events", yang)
				.param("type", "SURRENDER")
				.param("date", "2016-11-16")
				.param("country", "US")
				.param("description", "Test: surrendered and returned to China.")
				.param("sourceTitle", "Test source: China Daily report of 25 January 2019")
				.param("sourceUrl", "https://www.chinadaily.com.cn/test-yang-xiuzhu")
				.param("quote", "Test quote: Yang Xiuzhu surrendered and returned to China on 16 November 2016")
				.param("version", String.valueOf(version))))
				.hasStatus3xxRedirection()
				.hasRedirectedUrl("/fugitives/" + yang)
				.flash()
				.hasEntrySatisfying("confirmation",
						message -> assertThat((String) message).contains("Surrender", "Yang Xiuzhu", "Returned"));

			assertThat(status(yang)).isEqualTo("RETURNED");
			assertThat(version(yang)).isGreaterThan(version);
			List<Event> timeline = events.findTimeline(yang);
			Event surrender = timeline.stream().filter(e -> e.getType() == EventType.SURRENDER).findFirst().orElseThrow();
			eventId = surrender.getId();
			assertThat(surrender.getOccurred().date()).isEqualTo(LocalDate.of(2016, 11, 16));
			assertThat(surrender.getOccurred().precision()).isEqualTo(DatePrecision.DAY);
			assertThat(surrender.getCountryCode()).isEqualTo("US");
			assertThat(citations.findForEvents(List.of(eventId))).singleElement().satisfies(citation -> {
				assertThat(citation.getSource().getTitle()).isEqualTo("Test source: China Daily report of 25 January 2019");
				assertThat(citation.getSource().getPublisher()).isEqualTo("www.chinadaily.com.cn");
				assertThat(citation.getQuote()).startsWith("Test quote: Yang Xiuzhu surrendered");
			});

			Map<String, Object> revision = jdbc.queryForMap("select r.id, r.username from audit_revision r "
					+ "join event_aud a on a.rev = r.id where a.id = ? and a.revtype = 0", eventId);
			assertThat(revision).containsEntry("username", "admin");
			assertThat(jdbc.queryForObject("select status from fugitive_aud where id = ? and rev = ?", String.class, yang,
					revision.get("id")))
				.isEqualTo("RETURNED");
			assertThat(jdbc.queryForObject("select count(*) from citation_aud where event_id = ? and rev = ?",
					Integer.class, eventId, revision.get("id")))
				.isOne();
			assertThat(mvc.get().uri("/audit?user=admin&entity=Event").with(TestLogin.ADMIN))
				.hasStatusOk()
				.bodyText()
				.contains("Revision " + revision.get("id"),
						"href=\"/fugitives/" + yang + "#event-" + eventId + "\">Surrendered, November 16, 2016 (Yang Xiuzhu)");
			assertThat(mvc.get().uri("/fugitives/{id}/history", yang).with(TestLogin.ADMIN))
				.hasStatusOk()
				.bodyText()
				.containsPattern("<dt>Status</dt>\\s*<dd>\\s*<span class=\"visually-hidden\">Before:</span>\\s*"
						+ "<del class=\"before\">In custody</del>[\\s\\S]*?<ins class=\"after\">Returned</ins>");
		}
		finally {
			if (eventId != null) {
				// the seed's person goes back to as she was; the rows added go with the test's other rows
				recorder.delete(eventId, new EventDeletionForm("Test clean-up", version(yang)), "admin");
			}
		}
		assertThat(status(yang)).isEqualTo("IN_CUSTODY");
	}

	@Test
	void theFormHasLabelledFieldsWithStableIdsTheVersionAndBothLanguages() {
		long yang = idOf("Yang Xiuzhu");
		assertThat(mvc.get().uri("/fugitives/{id}/events/new", yang).with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"event-form\"", "id=\"type\"", "id=\"date\"", "id=\"country\"", "id=\"description\"",
					"id=\"sourceId\"", "id=\"sourceTitle\"", "id=\"sourceUrl\"", "id=\"quote\"", "id=\"submit\"",
					"name=\"version\" value=\"" + version(yang) + "\"", "name=\"_csrf\"", "for=\"date\"",
					"yyyy, yyyy-MM or yyyy-MM-dd", "Forced repatriation", "United States (US)", "In custody")
			.doesNotContain("??", "style=", "<script");
		assertThat(mvc.get().uri("/fugitives/{id}/events/new?lang=zh-CN", yang).with(TestLogin.ADMIN))
			.hasStatusOk()
			.bodyText()
			.contains("为 Yang Xiuzhu 记录事件", "强制遣返", "美国 (US)", "被羁押")
			.doesNotContain("??");
	}

	@Test
	void investigatorsAndAnalystsAreForbiddenAndAnonymousVisitorsAreSentToLogin() {
		long yang = idOf("Yang Xiuzhu");
		for (String role : List.of("INVESTIGATOR", "ANALYST")) {
			assertThat(mvc.get().uri("/fugitives/{id}/events/new", yang).with(TestLogin.someone(role)))
				.hasStatus(403);
			assertThat(validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang).with(TestLogin.someone(role))
				.with(csrf())).hasStatus(403);
		}
		assertThat(mvc.get().uri("/fugitives/{id}/events/new", yang)).hasStatus3xxRedirection()
			.redirectedUrl()
			.endsWith("/login");
		assertThat(validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang).with(csrf()))
			.hasStatus3xxRedirection()
			.redirectedUrl()
			.endsWith("/login");
		assertThat(status(yang)).isEqualTo("IN_CUSTODY");
	}

	@Test
	void aPostWithoutCsrfTokenIsForbidden() {
		long yang = idOf("Yang Xiuzhu");
		Counts before = counts();
		assertThat(validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang)
			.with(TestLogin.ADMIN.httpBasic())).hasStatus(403);
		assertThat(validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang)
			.with(TestLogin.ADMIN)
			.with(csrf().useInvalidToken())).hasStatus(403);
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aFutureDateIsRefusedWithItsMessageAndNothingStored() {
		long yang = idOf("Yang Xiuzhu");
		String nextYear = String.valueOf(LocalDate.now().getYear() + 1);
		assertRefused(yang, validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "date", nextYear),
				"date", nextYear + " is in the future.");
		String tomorrowEverywhere = LocalDate.now(java.time.ZoneOffset.ofHours(14)).plusDays(1).toString();
		assertRefused(yang,
				validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "date", tomorrowEverywhere),
				"date", tomorrowEverywhere + " is in the future.");
	}

	@Test
	void aDateBeforeTheFlightIsRefusedOnlyWhenItIsCertainlyBefore() {
		long huang = idOf("Huang Yurong"); // fled August 2002; she has returned, so use a detention
		assertRefused(huang, validSurrender(mvc.post().uri("/fugitives/{id}/events", huang), huang, "type", "DETENTION", "date", "2002-07-31"), "date", "2002-07-31 is before the person fled (2002-08).");
		assertRefused(huang, validSurrender(mvc.post().uri("/fugitives/{id}/events", huang), huang, "type", "DETENTION", "date", "2001"), "date", "2001 is before the person fled (2002-08).");
	}

	@Test
	void aSecondReturnIsRefused() {
		long huang = idOf("Huang Yurong");
		assertThat(status(huang)).isEqualTo("RETURNED");
		assertRefused(huang, validSurrender(mvc.post().uri("/fugitives/{id}/events", huang), huang, "type", "EXTRADITION", "date", "2016"), "type", "Huang Yurong has already returned.");
	}

	@Test
	void aRecordWithoutSourceIsRefused() {
		long yang = idOf("Yang Xiuzhu");
		assertRefused(yang, validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "sourceId", ""),
				"sourceId", "A record without a source is refused");
		assertRefused(yang, validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "sourceId", "999999"),
				"sourceId", "There is no source number 999999.");
		assertRefused(yang, validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "sourceId", "", "sourceTitle", "Test source without address"), "sourceUrl", "Give the new source’s web address.");
		assertRefused(yang, validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "quote", ""),
				"quote", "Quote: Fill this in.");
	}

	@Test
	void anUnknownTypeOrCountryIsRefused() {
		long yang = idOf("Yang Xiuzhu");
		assertRefused(yang, validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "type", "ESCAPE"),
				"type", "Unknown kind of event: ESCAPE.");
		assertRefused(yang, validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "type", "MEETING"),
				"type", "Unknown kind of event: MEETING.");
		assertRefused(yang, validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "country", "XX"),
				"country", "Unknown country code: XX.");
		assertRefused(yang, validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "country", "usa"),
				"country", "Choose a country");
	}

	@Test
	void requiredFieldsBoundedLengthsAndRealDatesAreChecked() {
		long yang = idOf("Yang Xiuzhu");
		assertRefused(yang, validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "date", ""),
				"date", "Date: Fill this in.");
		assertRefused(yang, validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "date", "2016-02-30"),
				"date", "Not a real date: 2016-02-30.");
		assertRefused(yang, validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "date", "16 Nov 2016"),
				"date", "Write the date as yyyy, yyyy-MM or yyyy-MM-dd.");
		assertRefused(yang,
				validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "description", "x".repeat(2001)),
				"description", "Too long: at most 2000 characters.");
		assertRefused(yang,
				validSurrender(mvc.post().uri("/fugitives/{id}/events", yang), yang, "quote", "nul\u0000byte"),
				"quote", "Contains control characters");
	}

	@Test
	void twoAdminsOnTheSameVersionExactlyOneSucceedsTheOtherSeesTheConflict() {
		long fugitive = testFugitive("Test Fugitive Two Admins");
		long version = version(fugitive);
		assertThat(validSurrender(mvc.post().uri("/fugitives/{id}/events", fugitive), fugitive, "type", "DETENTION")
			.with(TestLogin.ADMIN.httpBasic())
			.with(csrf())).hasStatus3xxRedirection();
		Counts afterFirst = counts();
		assertThat(validSurrender(mvc.post().uri("/fugitives/{id}/events", fugitive), fugitive, "version", String.valueOf(version))
			.with(TestLogin.as("admin2", "ADMIN"))
			.with(csrf())).hasStatus(409)
			.bodyText()
			.contains("Test Fugitive Two Admins was changed by admin at ", "Nothing was saved",
					"Reload the form with the current record", "role=\"alert\"");
		assertThat(counts()).isEqualTo(afterFirst);
		assertThat(events.findTimeline(fugitive)).extracting(Event::getType).containsExactly(EventType.DETENTION);
		assertThat(status(fugitive)).isEqualTo("IN_CUSTODY");
	}

	private void assertRefused(long fugitive, MockMvcRequestBuilder request, String field, String message) {
		Counts before = counts();
		String fugitiveStatus = status(fugitive);
		assertThat(request.with(TestLogin.ADMIN).with(csrf())).hasStatus(400)
			.bodyText()
			.contains("id=\"" + field + "-error\"", message, "role=\"alert\"", "aria-invalid=\"true\"",
					"aria-describedby=\"" + (field.equals("date") ? "date-hint date-error" : ""));
		assertThat(counts()).as("nothing stored anywhere").isEqualTo(before);
		assertThat(status(fugitive)).isEqualTo(fugitiveStatus);
	}

	/**
	 * A complete, valid surrender form for the fugitive's current version, with some fields
	 * replaced ({@code overrides}: name, value, name, value…).
	 */
	private MockMvcRequestBuilder validSurrender(MockMvcRequestBuilder request, long fugitive, String... overrides) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("type", "SURRENDER");
		fields.put("date", "2016-11-16");
		fields.put("country", "US");
		fields.put("description", "Test event");
		fields.put("sourceId", String.valueOf(source));
		fields.put("quote", "Test quote");
		fields.put("version", String.valueOf(version(fugitive)));
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		fields.forEach(request::param);
		return request;
	}

	record Counts(long events, long citations, long sources, long revisions, long eventAudits, long fugitiveAudits,
			long versions) {
	}

	private Counts counts() {
		return jdbc.queryForObject("select (select count(*) from event), (select count(*) from citation), "
				+ "(select count(*) from source), (select count(*) from audit_revision), (select count(*) from event_aud), "
				+ "(select count(*) from fugitive_aud), (select sum(version) from fugitive)",
				(rs, row) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6), rs.getLong(7)));
	}

	private long testFugitive(String name) {
		return records.fugitive(name, "AT_LARGE");
	}

	private MockMvcRequestBuilder asAdmin(MockMvcRequestBuilder request) {
		return request.with(TestLogin.ADMIN.httpBasic()).with(csrf());
	}

	private long idOf(String name) {
		return jdbc.queryForObject("select id from fugitive where name = ?", Long.class, name);
	}

	private String status(long id) {
		return jdbc.queryForObject("select status from fugitive where id = ?", String.class, id);
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from fugitive where id = ?", Long.class, id);
	}

}
