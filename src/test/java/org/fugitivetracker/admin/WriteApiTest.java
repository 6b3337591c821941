package org.fugitivetracker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.Map;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything an admin can do through the forms is possible through the JSON API, with the same
 * rules: problem details for invalid input (400), unknown ids (404) and stale versions (409).
 */
@IntegrationTest
class WriteApiTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void anAdminScriptAddsAFugitiveRecordsCorrectsAndDeletesAnEventWithHttpBasicAndNoCsrfToken() {
		JsonNode fugitive = created(basic(mvc.post().uri("/api/v1/fugitives")), """
				{"name": "Test Api Fugitive", "nativeName": "测试", "fled": "2010-05",
				 "destinationCountries": ["CA"], "aliases": ["Test Alias"], "offences": ["Test offence"],
				 "sourceId": SOURCE_ID, "quote": "Test quote for a new fugitive"}""");
		long id = fugitive.get("id").asLong();
		assertThat(fugitive.get("status").asString()).isEqualTo("AT_LARGE");
		assertThat(fugitive.get("fled").asString()).isEqualTo("2010-05");
		assertThat(jdbc.queryForObject("select count(*) from fugitive_alias_aud where fugitive_id = ?", Integer.class, id))
			.isOne();

		JsonNode detention = created(basic(mvc.post().uri("/api/v1/fugitives/{id}/events", id)), """
				{"type": "DETENTION", "date": "2014", "country": "CA", "description": "Test detention",
				 "sourceTitle": "Test source for the API", "sourceUrl": "https://example.org/test-api",
				 "quote": "Test: detained in Canada", "version": %d}""".formatted(fugitive.get("version").asLong()));
		assertThat(detention.get("fugitiveStatus").asString()).isEqualTo("IN_CUSTODY");
		assertThat(detention.get("date").asString()).isEqualTo("2014");
		assertThat(detention.get("sources").get(0).get("publisher").asString()).isEqualTo("example.org");
		long eventId = detention.get("id").asLong();

		MvcTestResult corrected = basic(mvc.put().uri("/api/v1/events/{id}", eventId)).content(src("""
				{"type": "DEPORTATION", "date": "2014-06", "country": "CA", "reason": "Test: the source says deported",
				 "version": %d}""".formatted(detention.get("fugitiveVersion").asLong()))).exchange();
		assertThat(corrected).hasStatusOk();
		JsonNode correction = json(corrected);
		assertThat(correction.get("fugitiveStatus").asString()).isEqualTo("RETURNED");
		assertThat(jdbc.queryForObject("select r.reason from audit_revision r join event_aud a on a.rev = r.id "
				+ "where a.id = ? and a.revtype = 1", String.class, eventId))
			.isEqualTo("Test: the source says deported");

		assertThat(basic(mvc.delete().uri("/api/v1/events/{id}", eventId))
			.content(src("{\"reason\": \"Test: recorded for the wrong person\", \"version\": %d}"
				.formatted(correction.get("fugitiveVersion").asLong())))).hasStatus(204);
		assertThat(jdbc.queryForObject("select status from fugitive where id = ?", String.class, id)).isEqualTo("AT_LARGE");
		assertThat(jdbc.queryForObject("select count(*) from event where id = ?", Integer.class, eventId)).isZero();
		Map<String, Object> deleted = jdbc.queryForMap("select a.type, a.occurred_precision, r.reason, r.username "
				+ "from event_aud a join audit_revision r on r.id = a.rev where a.id = ? and a.revtype = 2", eventId);
		assertThat(deleted).containsEntry("type", "DEPORTATION")
			.containsEntry("occurred_precision", "MONTH")
			.containsEntry("reason", "Test: recorded for the wrong person")
			.containsEntry("username", "admin");
		assertThat(jdbc.queryForObject("select count(*) from citation_aud where event_id = ? and revtype = 2",
				Integer.class, eventId))
			.as("the citations' deletion is audited too")
			.isOne();
	}

	@Test
	void invalidInputIsA400ProblemWithFieldErrorsAndNothingIsStored() {
		long id = testFugitive("Test Api Invalid");
		long events = count("event");
		MvcTestResult result = basic(mvc.post().uri("/api/v1/fugitives/{id}/events", id)).content(src("""
				{"type": "SURRENDER", "date": "2999-01-01", "country": "US", "sourceId": SOURCE_ID, "quote": "Test", "version": 0}"""))
			.exchange();
		assertThat(result).hasStatus(400).hasContentType("application/problem+json");
		JsonNode problem = json(result);
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("date");
		assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("2999-01-01 is in the future.");

		JsonNode missing = json(basic(mvc.post().uri("/api/v1/fugitives/{id}/events", id))
			.content(src("{\"type\": \"SURRENDER\", \"version\": 0}"))
			.exchange());
		assertThat(missing.findValuesAsString("field")).contains("date", "country", "quote");

		MvcTestResult noSource = basic(mvc.post().uri("/api/v1/fugitives/{id}/events", id)).content(src("""
				{"type": "SURRENDER", "date": "2016", "country": "US", "quote": "Test", "version": 0}""")).exchange();
		assertThat(noSource).hasStatus(400);
		assertThat(json(noSource).get("errors").get(0).get("code").asString()).isEqualTo("admin.source.required");

		assertThat(basic(mvc.post().uri("/api/v1/fugitives/{id}/events", id)).content(src("{not json")))
			.hasStatus(400)
			.hasContentType("application/problem+json");
		assertThat(count("event")).isEqualTo(events);
	}

	@Test
	void problemMessagesFollowTheRequestLanguage() {
		long id = testFugitive("Test Api Chinese");
		MvcTestResult result = basic(mvc.post().uri("/api/v1/fugitives/{id}/events", id))
			.header("Accept-Language", "zh-CN")
			.content(src("""
					{"type": "SURRENDER", "date": "2999", "country": "US", "sourceId": SOURCE_ID, "quote": "Test", "version": 0}"""))
			.exchange();
		assertThat(result).hasStatus(400);
		assertThat(json(result).get("errors").get(0).get("message").asString()).isEqualTo("2999 是未来的日期。");
	}

	@Test
	void aStaleVersionIsA409ProblemNamingWhoChangedItAndTheCurrentVersion() {
		long id = testFugitive("Test Api Stale");
		String body = """
				{"type": "DETENTION", "date": "2015", "country": "US", "sourceId": SOURCE_ID, "quote": "Test", "version": 0}""";
		assertThat(basic(mvc.post().uri("/api/v1/fugitives/{id}/events", id)).content(src(body))).hasStatus(201);
		MvcTestResult stale = basic(mvc.post().uri("/api/v1/fugitives/{id}/events", id)).content(src(body)).exchange();
		assertThat(stale).hasStatus(409).hasContentType("application/problem+json");
		JsonNode problem = json(stale);
		assertThat(problem.get("currentVersion").asLong()).isEqualTo(1);
		assertThat(problem.get("changedBy").asString()).isEqualTo("admin");
		assertThat(problem.get("detail").asString()).startsWith("Test Api Stale was changed by admin at ");
		assertThat(jdbc.queryForObject("select count(*) from event where fugitive_id = ?", Integer.class, id)).isOne();
	}

	@Test
	void unknownIdsAre404Problems() {
		assertThat(basic(mvc.post().uri("/api/v1/fugitives/{id}/events", 999_999)).content(src("""
				{"type": "DETENTION", "date": "2015", "country": "US", "sourceId": SOURCE_ID, "quote": "Test", "version": 0}""")))
			.hasStatus(404)
			.hasContentType("application/problem+json");
		assertThat(basic(mvc.delete().uri("/api/v1/events/{id}", 999_999)).content(src("{\"reason\": \"x\", \"version\": 0}")))
			.hasStatus(404);
		assertThat(basic(mvc.put().uri("/api/v1/cases/{id}/status", 999_999)).content(src("{\"status\": \"CLOSED\", \"version\": 0}")))
			.hasStatus(404);
		assertThat(basic(mvc.get().uri("/api/v1/events/{id}", 1))).as("an event about no person").hasStatus(404);
	}

	@Test
	void onlyAdminsMayWriteAnonymousScriptsAreAskedToAuthenticate() {
		long id = testFugitive("Test Api Roles");
		String body = """
				{"type": "DETENTION", "date": "2015", "country": "US", "sourceId": SOURCE_ID, "quote": "Test", "version": 0}""";
		assertThat(mvc.post().uri("/api/v1/fugitives/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
			.content(src(body))
			.with(TestLogin.INVESTIGATOR.httpBasic())).hasStatus(403);
		assertThat(mvc.post().uri("/api/v1/fugitives/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
			.content(src(body))
			.with(TestLogin.ANALYST.httpBasic())).hasStatus(403);
		assertThat(mvc.post().uri("/api/v1/fugitives/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
			.content(src(body))
			.with(csrf())).hasStatus(401)
			.headers()
			.containsHeader("WWW-Authenticate");
		assertThat(mvc.post().uri("/api/v1/fugitives/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
			.content(src(body))).as("no credentials and no token: refused by the CSRF check first").hasStatus(403);
		assertThat(jdbc.queryForObject("select count(*) from event where fugitive_id = ?", Integer.class, id)).isZero();
	}

	@Test
	void aSessionAuthenticatedApiCallNeedsTheCsrfTokenAndSoDoesABasicCallThatIsNotJson() {
		long id = testFugitive("Test Api Csrf");
		String body = """
				{"type": "DETENTION", "date": "2015", "country": "US", "sourceId": SOURCE_ID, "quote": "Test", "version": 0}""";
		assertThat(mvc.post().uri("/api/v1/fugitives/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
			.content(src(body))
			.with(TestLogin.ADMIN)).hasStatus(403);
		assertThat(mvc.post().uri("/api/v1/fugitives/{id}/events", id).contentType(MediaType.TEXT_PLAIN)
			.content(src(body))
			.with(TestLogin.ADMIN.httpBasic())).hasStatus(403);
		assertThat(jdbc.queryForObject("select count(*) from event where fugitive_id = ?", Integer.class, id)).isZero();
		assertThat(mvc.post().uri("/api/v1/fugitives/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
			.content(src(body))
			.with(TestLogin.ADMIN)
			.with(csrf())).hasStatus(201);
	}

	@Test
	void casesTransfersSourcesAndProfilesThroughTheApi() {
		JsonNode source = created(basic(mvc.post().uri("/api/v1/sources")), """
				{"title": "Test Api Source", "publisher": "Test Publisher", "url": "https://example.org/a", "published": "2016-11"}""");
		assertThat(source.get("published").asString()).isEqualTo("2016-11");
		long sourceId = source.get("id").asLong();

		JsonNode caseFile = created(basic(mvc.post().uri("/api/v1/cases")), """
				{"title": "Test Api Case", "status": "OPEN", "counterpartCountry": "CA", "agencyIds": [1, 2],
				 "sourceId": %d, "quote": "Test quote"}""".formatted(sourceId));
		long caseId = caseFile.get("id").asLong();
		assertThat(jdbc.queryForObject("select count(*) from case_agency_aud where case_id = ?", Integer.class, caseId))
			.isEqualTo(2);

		JsonNode negotiating = json(basic(mvc.put().uri("/api/v1/cases/{id}/status", caseId))
			.content(src("{\"status\": \"NEGOTIATING\", \"reason\": \"Test: talks began\", \"version\": %d}"
				.formatted(caseFile.get("version").asLong())))
			.exchange());
		assertThat(negotiating.get("status").asString()).isEqualTo("NEGOTIATING");

		long person = testFugitive("Test Api Participant");
		JsonNode withPerson = created(basic(mvc.post().uri("/api/v1/cases/{id}/participants", caseId)),
				"{\"fugitiveId\": %d, \"role\": \"PRINCIPAL\", \"version\": %d}".formatted(person,
						negotiating.get("version").asLong()));
		assertThat(withPerson.get("participants").get(0).get("name").asString()).isEqualTo("Test Api Participant");
		MvcTestResult twice = basic(mvc.post().uri("/api/v1/cases/{id}/participants", caseId))
			.content(src("{\"fugitiveId\": %d, \"role\": \"WITNESS\", \"version\": %d}".formatted(person,
					withPerson.get("version").asLong())))
			.exchange();
		assertThat(twice).hasStatus(400);
		assertThat(json(twice).get("errors").get(0).get("message").asString())
			.isEqualTo("Test Api Participant is already in this case.");
		assertThat(basic(mvc.put().uri("/api/v1/cases/{id}/status", caseId))
			.content(src("{\"status\": \"CLOSED\", \"version\": %d}".formatted(negotiating.get("version").asLong()))))
			.as("a status change against an old version")
			.hasStatus(409);

		JsonNode transfer = created(basic(mvc.post().uri("/api/v1/asset-transfers")), """
				{"amountAsReported": "Test: about 2 million dollars", "amount": 2000000, "currency": "USD",
				 "qualifier": "ABOUT", "destinationCountry": "CA", "fugitiveId": %d, "caseId": %d,
				 "channels": ["BANK_TRANSFER"], "sourceId": %d, "quote": "Test quote"}""".formatted(person, caseId,
				sourceId));
		assertThat(transfer.get("fugitiveId").asLong()).isEqualTo(person);
		assertThat(basic(mvc.post().uri("/api/v1/asset-transfers")).content(src("""
				{"amountAsReported": "Test: billions", "amount": 5, "currency": "CNY", "qualifier": "UNSPECIFIED",
				 "sourceId": %d, "quote": "Test"}""".formatted(sourceId)))).hasStatus(400);

		JsonNode profile = json(basic(mvc.put().uri("/api/v1/fugitives/{id}", person)).content(src("""
				{"name": "Test Api Participant", "formerPosition": "Test position", "destinationCountries": ["CA", "US"],
				 "version": %d}""".formatted(version(person)))).exchange());
		assertThat(profile.get("name").asString()).isEqualTo("Test Api Participant");
		assertThat(jdbc.queryForList("select country_code from fugitive_destination where fugitive_id = ? order by 1",
				String.class, person))
			.containsExactly("CA", "US");
		assertThat(basic(mvc.put().uri("/api/v1/fugitives/{id}", person))
			.content(src("{\"name\": \"Test Api Participant\", \"version\": 0}"))).hasStatus(409);
	}

	private MockMvcRequestBuilder basic(MockMvcRequestBuilder request) {
		return request.contentType(MediaType.APPLICATION_JSON).with(TestLogin.ADMIN.httpBasic());
	}

	private JsonNode created(MockMvcRequestBuilder request, String body) {
		MvcTestResult result = request.content(src(body)).exchange();
		assertThat(result).hasStatus(201).hasContentType(MediaType.APPLICATION_JSON);
		return json(result);
	}

	private static JsonNode json(MvcTestResult result) {
		try {
			return JSON.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long testFugitive(String name) {
		return records.fugitive(name, "AT_LARGE");
	}

	/** The tests cite their own source, never the article. */
	private String src(String body) {
		return body.replace("SOURCE_ID", String.valueOf(records.citableSource()));
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from fugitive where id = ?", Long.class, id);
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
