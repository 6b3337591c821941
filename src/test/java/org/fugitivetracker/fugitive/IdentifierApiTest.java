package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

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
 * A fugitive's identifiers through the JSON API: everyone signed in reads them with their sources,
 * admins' scripts add and remove them with the forms' rules, and every refusal is a problem detail
 * (400 invalid, 404 unknown, 409 held by another person); the OpenAPI description lists them.
 */
@IntegrationTest
class IdentifierApiTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void investigatorsReadTheSeedsRedNoticeWithItsSource() {
		long huang = jdbc.queryForObject("select id from fugitive where name = 'Huang Yurong'", Long.class);
		JsonNode identifiers = json(mvc.get().uri("/api/v1/fugitives/{id}/identifiers", huang)
			.with(TestLogin.INVESTIGATOR.httpBasic()), 200);
		assertThat(identifiers).hasSize(1);
		assertThat(identifiers.get(0).get("scheme").asString()).isEqualTo("INTERPOL_RED_NOTICE");
		assertThat(identifiers.get(0).get("value").isNull()).as("the number is not published").isTrue();
		assertThat(identifiers.get(0).get("sourcePublisher").asString()).isEqualTo("Associated Press");
		JsonNode detail = json(mvc.get().uri("/api/v1/fugitives/{id}", huang).with(TestLogin.INVESTIGATOR.httpBasic()), 200);
		assertThat(detail.get("externalIdentifiers").get(0).get("sourceId").asLong()).isEqualTo(3);
		JsonNode place = detail.get("wantedLists").get(0);
		assertThat(place.get("rank").asInt()).isEqualTo(4);
		assertThat(place.get("added").asString()).isEqualTo("2015-04");
		assertThat(place.get("addedPrecision").asString()).isEqualTo("MONTH");
		assertThat(place.get("sourcePublisher").asString()).isEqualTo("Associated Press");
	}

	@Test
	void anAdminScriptAddsAndRemovesAnIdentifierAndIsToldWhoHoldsATakenNumber() {
		long person = records.fugitive("Test Api Identifier Person", "AT_LARGE");
		long other = records.fugitive("Test Api Identifier Other", "AT_LARGE");
		MvcTestResult created = basic(mvc.post().uri("/api/v1/fugitives/{id}/identifiers", person))
			.content(body("PASSPORT", "Test-Api-P1", "CA"))
			.exchange();
		assertThat(created).hasStatus(201).hasHeader("Location", "/api/v1/fugitives/" + person + "/identifiers");
		JsonNode added = json(created);
		assertThat(added.get("scheme").asString()).isEqualTo("PASSPORT");
		assertThat(added.get("issuingCountry").asString()).isEqualTo("CA");
		assertThat(added.get("sourceId").asLong()).isEqualTo(records.citableSource());
		long id = added.get("id").asLong();
		assertThat(json(mvc.get().uri("/api/v1/fugitives/{id}/identifiers", person)
			.with(TestLogin.INVESTIGATOR.httpBasic()), 200).get(0).get("value").asString()).isEqualTo("Test-Api-P1");

		MvcTestResult taken = basic(mvc.post().uri("/api/v1/fugitives/{id}/identifiers", other))
			.content(body("PASSPORT", "test-api-p1", "CA"))
			.exchange();
		assertThat(taken).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json(taken);
		assertThat(problem.get("holder").get("id").asLong()).isEqualTo(person);
		assertThat(problem.get("holder").get("href").asString()).isEqualTo("/api/v1/fugitives/" + person);
		assertThat(problem.get("detail").asString())
			.isEqualTo("Nothing was stored: Test Api Identifier Person holds it already.");

		JsonNode invalid = json(basic(mvc.post().uri("/api/v1/fugitives/{id}/identifiers", other))
			.content(body("NATIONAL_ID", "", "")), 400);
		assertThat(invalid.get("errors").findValuesAsString("code")).contains("admin.identifier.value.required",
				"admin.identifier.issuingCountry.required");
		assertThat(json(basic(mvc.post().uri("/api/v1/fugitives/{id}/identifiers", other))
			.content("{\"scheme\": \"PASSPORT\", \"value\": \"" + "9".repeat(101) + "\"}"), 400).get("errors").toString())
			.contains("\"field\":\"value\"");
		assertThat(basic(mvc.post().uri("/api/v1/fugitives/999999999/identifiers")).content(body("PASSPORT", "X", "US")))
			.hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.post().uri("/api/v1/fugitives/{id}/identifiers", other)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("PASSPORT", "Test-Api-P2", "US"))
			.with(TestLogin.INVESTIGATOR.httpBasic())).hasStatus(403);
		assertThat(jdbc.queryForObject("select count(*) from external_identifier where fugitive_id = ?", Integer.class,
				other)).isZero();

		assertThat(mvc.delete().uri("/api/v1/identifiers/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.with(TestLogin.INVESTIGATOR.httpBasic())).hasStatus(403);
		assertThat(mvc.delete().uri("/api/v1/identifiers/{id}", id).with(TestLogin.ADMIN.httpBasic()))
			.as("a script says it speaks JSON, or it is held to the CSRF token as a browser is")
			.hasStatus(403);
		assertThat(basic(mvc.delete().uri("/api/v1/identifiers/{id}", id))).hasStatus(204);
		assertThat(basic(mvc.delete().uri("/api/v1/identifiers/{id}", id))).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(jdbc.queryForList("select revtype from external_identifier_aud where id = ? order by rev", Integer.class,
				id)).containsExactly(0, 2);
	}

	@Test
	void unknownAndMalformedIdsAreProblems() {
		assertThat(mvc.get().uri("/api/v1/fugitives/999999999/identifiers").with(TestLogin.INVESTIGATOR.httpBasic()))
			.hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.get().uri("/api/v1/fugitives/abc/identifiers").with(TestLogin.INVESTIGATOR.httpBasic()))
			.hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(basic(mvc.delete().uri("/api/v1/identifiers/abc"))).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theOpenApiDescriptionListsReadingAddingAndRemovingIdentifiers() {
		assertThat(mvc.get().uri("/v3/api-docs").with(TestLogin.INVESTIGATOR.httpBasic())).hasStatusOk()
			.bodyJson()
			.hasPath("$.paths['/api/v1/fugitives/{id}/identifiers'].get")
			.hasPath("$.paths['/api/v1/fugitives/{id}/identifiers'].post.responses['409']")
			.hasPath("$.paths['/api/v1/identifiers/{id}'].delete")
			.hasPath("$.components.schemas.IdentifierForm.properties.issuingCountry")
			.hasPath("$.components.schemas.IdentifierView.properties.sourceTitle");
	}

	private MockMvcRequestBuilder basic(MockMvcRequestBuilder request) {
		return request.contentType(MediaType.APPLICATION_JSON).with(TestLogin.ADMIN.httpBasic());
	}

	private String body(String scheme, String value, String country) {
		return """
				{"scheme": "%s", "value": "%s", "issuingCountry": %s, "sourceId": %d, "quote": "Test: the number"}"""
			.formatted(scheme, value, country.isEmpty() ? "null" : "\"" + country + "\"", records.citableSource());
	}

	private static JsonNode json(MockMvcRequestBuilder request, int status) {
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatus(status);
		return json(result);
	}

	private static JsonNode json(MvcTestResult result) {
		try {
			return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
