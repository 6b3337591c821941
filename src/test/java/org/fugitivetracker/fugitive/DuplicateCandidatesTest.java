package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.fugitivetracker.fugitive.DuplicateCandidates.Candidate;
import org.fugitivetracker.fugitive.DuplicateCandidates.Identifier;
import org.fugitivetracker.fugitive.DuplicateCandidates.Person;
import org.fugitivetracker.fugitive.ExternalIdentifier.Scheme;
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
 * Adding someone who may already be recorded: the form and the API name the people they may be,
 * with what matched, and store nothing until the admin confirms.
 */
@IntegrationTest
class DuplicateCandidatesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long HUANG_YURONG = 2;

	@Autowired
	DuplicateCandidates duplicates;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void huangYurongWithToneMarksOrInAnotherOrderIsTheSeededHuangYurong() {
		for (String name : List.of("Huáng Yùróng", "Huang Yurong", "huangyurong", "Yurong Huang", "HUANG YURONG")) {
			List<Candidate> candidates = duplicates.of(person(name));
			assertThat(candidates).as(name).isNotEmpty();
			assertThat(candidates.get(0)).as(name)
				.isEqualTo(new Candidate(HUANG_YURONG, "Huang Yurong", null, "name", "Huang Yurong", name, 1.0));
		}
	}

	@Test
	void anUnrelatedNameOrOneThatDiffersByASyllableHasNoCandidates() {
		assertThat(duplicates.of(person("Test Zzyzx Qwvbn"))).isEmpty();
		assertThat(duplicates.of(new Person("Test Unrelated", "测试无关", List.of("Test Nobody Else"), List.of())))
			.isEmpty();
		assertThat(duplicates.of(person("Huang Yuhong"))).as("0.6 alike").isEmpty();
		assertThat(duplicates.of(person("Yang Xiuzhu"))).extracting(Candidate::id).containsExactly(1L);
	}

	@Test
	void aNameInAnyScriptAnAliasOrAnIdentifierAlreadyHeldMakesACandidate() throws Exception {
		long held = json(api("/api/v1/fugitives", """
				{"name": "Test Duplicate Holder", "nativeName": "庚辛测试", "aliases": ["Test Qwerty Alias"],
				 "sourceId": %d, "quote": "Test quote"}""".formatted(records.citableSource())), 201).get("id").asLong();
		records.identifier(held, "Test-RN-2015/1");

		assertThat(duplicates.of(person("Gengxin Ceshi")))
			.containsExactly(new Candidate(held, "Test Duplicate Holder", "庚辛测试", "romanisedName", "geng xin ce shi",
					"Gengxin Ceshi", 1.0));
		assertThat(duplicates.of(new Person("Test Other Latin", "庚辛测试", List.of(), List.of())))
			.extracting(Candidate::id, Candidate::matchedField, Candidate::score)
			.containsExactly(tuple(held, "nativeName", 1.0));
		assertThat(duplicates.of(new Person("Test Someone", null, List.of("Test Qwerty Alias"), List.of())))
			.extracting(Candidate::id, Candidate::matchedField, Candidate::matchedSpelling)
			.containsExactly(tuple(held, "alias", "Test Qwerty Alias"));
		assertThat(duplicates.of(new Person("Test Nobody", null, List.of(),
				List.of(new Identifier(Scheme.INTERPOL_RED_NOTICE, "Test-RN-2015/1")))))
			.containsExactly(new Candidate(held, "Test Duplicate Holder", "庚辛测试", "identifier",
					"INTERPOL_RED_NOTICE Test-RN-2015/1", "INTERPOL_RED_NOTICE Test-RN-2015/1", 1.0));
		assertThat(duplicates.of(new Person("Test Nobody", null, List.of(),
				List.of(new Identifier(Scheme.NATIONAL_WANTED_NOTICE, "Test-RN-2015/1"),
						new Identifier(Scheme.INTERPOL_RED_NOTICE, null)))))
			.as("another scheme, or a notice without its number, is no match")
			.isEmpty();
	}

	@Test
	void theFormShowsTheCandidatesStoresNothingAndAddsThePersonOnceConfirmed() throws Exception {
		long fugitives = count("fugitive");
		long sources = count("source");
		long citations = count("citation");
		String[] form = { "name", "Huáng Yùróng", "sourceTitle", "Test source of a duplicate", "sourceUrl",
				"https://example.org/test-duplicate", "quote", "Test quote" };

		MvcTestResult refused = post("/fugitives", form);
		assertThat(refused).hasStatus(409)
			.bodyText()
			.contains("This person may already be recorded",
					"href=\"/fugitives/" + HUANG_YURONG + "\">Huang Yurong</a>",
					"Name “Huang Yurong”, like “Huáng Yùróng” given here", "100%", "name=\"confirmDuplicate\"",
					"name=\"name\" value=\"Hu&aacute;ng Y&ugrave;r&oacute;ng\"",
					"value=\"Test source of a duplicate\"");
		assertThat(List.of(count("fugitive"), count("source"), count("citation")))
			.as("nothing stored, not even the new source")
			.containsExactly(fugitives, sources, citations);
		assertThat(post("/fugitives?lang=zh-CN", form)).hasStatus(409)
			.bodyText()
			.contains("此人可能已有记录", "姓名“Huang Yurong”，与此处填写的“Huáng Yùróng”相近");

		MvcTestResult confirmed = post("/fugitives", append(form, "confirmDuplicate", "true"));
		assertThat(confirmed).hasStatus3xxRedirection();
		long id = Long.parseLong(confirmed.getResponse().getRedirectedUrl().replace("/fugitives/", ""));
		assertThat(jdbc.queryForObject("select name from fugitive where id = ?", String.class, id))
			.isEqualTo("Huáng Yùróng");
		assertThat(jdbc.queryForObject("select count(*) from citation c join source s on s.id = c.source_id "
				+ "where c.fugitive_id = ? and s.title = 'Test source of a duplicate'", Long.class, id)).isOne();
	}

	@Test
	void theApiAnswers409WithTheCandidatesUntilTheCallerConfirms() throws Exception {
		long fugitives = count("fugitive");
		String body = """
				{"name": "Huáng Yùróng", "aliases": ["庚辛黄"], "sourceTitle": "Test source of an API duplicate",
				 "sourceUrl": "https://example.org/test-api-duplicate", "quote": "Test quote"}""";

		MvcTestResult refused = api("/api/v1/fugitives", body);
		assertThat(refused).hasStatus(409).hasContentType("application/problem+json");
		JsonNode problem = json(refused, 409);
		assertThat(problem.get("type").asString()).isEqualTo("urn:fugitive-tracker:problem:likely-duplicate");
		assertThat(problem.get("title").asString()).isEqualTo("May already be recorded");
		assertThat(problem.get("detail").asString()).contains("confirmDuplicate=true");
		JsonNode candidate = problem.get("candidates").get(0);
		assertThat(candidate.get("id").asLong()).isEqualTo(HUANG_YURONG);
		assertThat(candidate.get("name").asString()).isEqualTo("Huang Yurong");
		assertThat(candidate.get("matchedField").asString()).isEqualTo("name");
		assertThat(candidate.get("matchedSpelling").asString()).isEqualTo("Huang Yurong");
		assertThat(candidate.get("givenSpelling").asString()).isEqualTo("Huáng Yùróng");
		assertThat(candidate.get("score").asDouble()).isEqualTo(1.0);
		assertThat(count("fugitive")).isEqualTo(fugitives);
		assertThat(count("source where title = 'Test source of an API duplicate'")).isZero();

		assertThat(json(mvc.post()
			.uri("/api/v1/fugitives")
			.header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON)
			.with(TestLogin.ADMIN.httpBasic())
			.content(body)
			.exchange(), 409).get("title").asString()).isEqualTo("可能已有记录");
		assertThat(api("/api/v1/fugitives?confirmDuplicate=nonsense", body)).hasStatus(400)
			.hasContentType("application/problem+json");

		JsonNode created = json(api("/api/v1/fugitives?confirmDuplicate=true", body), 201);
		assertThat(created.get("name").asString()).isEqualTo("Huáng Yùróng");
		assertThat(count("fugitive")).isEqualTo(fugitives + 1);
	}

	@Test
	void eachAliasMustShowSomethingAndFitAndNothingIsStoredOtherwise() {
		long fugitives = count("fugitive");
		assertThat(post("/fugitives", "name", "Test Invisible Alias", "aliases", "Test Alias\n\u200b\u200b",
				"sourceId", String.valueOf(records.citableSource()), "quote", "Test quote"))
			.hasStatus(400)
			.bodyText()
			.contains("Other names and spellings: Shows nothing");
		assertThat(post("/fugitives", "name", "Test Long Alias", "aliases", "x".repeat(201), "sourceId",
				String.valueOf(records.citableSource()), "quote", "Test quote"))
			.hasStatus(400);
		assertThat(post("/fugitives", "name", "Test Bidi Native", "nativeName", "杨\u202e秀珠", "sourceId",
				String.valueOf(records.citableSource()), "quote", "Test quote"))
			.hasStatus(400);
		assertThat(api("/api/v1/fugitives", """
				{"name": "Test Invisible Api Alias", "aliases": ["\\u200b"], "sourceId": %d, "quote": "Test quote"}"""
			.formatted(records.citableSource()))).hasStatus(400);
		assertThat(count("fugitive")).isEqualTo(fugitives);
	}

	private static Person person(String name) {
		return new Person(name, null, List.of(), List.of());
	}

	private MvcTestResult post(String uri, String... fields) {
		MockMvcRequestBuilder request = mvc.post().uri(uri).with(TestLogin.ADMIN).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request.exchange();
	}

	private MvcTestResult api(String uri, String body) {
		return mvc.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.with(TestLogin.ADMIN.httpBasic())
			.content(body)
			.exchange();
	}

	private static String[] append(String[] fields, String... more) {
		String[] all = new String[fields.length + more.length];
		System.arraycopy(fields, 0, all, 0, fields.length);
		System.arraycopy(more, 0, all, fields.length, more.length);
		return all;
	}

	private static JsonNode json(MvcTestResult result, int status) throws Exception {
		assertThat(result).hasStatus(status);
		return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
