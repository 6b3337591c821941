package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * Names in every script, as an admin records them and an investigator searches for them: a
 * Chinese name is found by its characters and by its pinyin written any way (spaced, joined,
 * with tone marks); aliases too; nothing unrelated is.
 */
@IntegrationTest
class NameSearchTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long YANG_XIUZHU = 1;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FugitiveEditor editor;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void yangXiuzhuIsFoundByEverySpellingOfHerNameOnceAnAdminRecordsItInChineseCharacters() throws Exception {
		assertThat(ids("杨秀珠")).doesNotContain(YANG_XIUZHU);
		assertThat(ids("yangxiuzhu")).as("the seed gives no Chinese name").doesNotContain(YANG_XIUZHU);

		Map<String, Object> seedRow = seedRow(YANG_XIUZHU);
		try {
			// The edit form as it comes, with the name in Chinese characters and a source added.
			FugitiveForm profile = editor.formFor(YANG_XIUZHU);
			List<String> form = new ArrayList<>();
			add(form, "name", profile.name());
			add(form, "nativeName", "杨秀珠");
			add(form, "aliases", profile.aliases());
			add(form, "sex", profile.sex());
			add(form, "birthYear", profile.birthYear());
			add(form, "formerPosition", profile.formerPosition());
			add(form, "formerPositionZh", profile.formerPositionZh());
			add(form, "formerOrganisation", profile.formerOrganisation());
			add(form, "province", profile.province());
			add(form, "provinceZh", profile.provinceZh());
			add(form, "city", profile.city());
			add(form, "cityZh", profile.cityZh());
			add(form, "fled", profile.fled());
			profile.destinationCountries().forEach(country -> add(form, "destinationCountries", country));
			add(form, "offences", profile.offences());
			add(form, "sourceTitle", "Test source giving her name in Chinese");
			add(form, "sourceUrl", "https://example.org/test-native-name");
			add(form, "quote", "杨秀珠");
			add(form, "version", profile.version());
			assertThat(post("/fugitives/" + YANG_XIUZHU + "/edit", form)).hasStatus3xxRedirection();

			for (String spelling : List.of("杨秀珠", "杨秀", "Yang Xiuzhu", "yangxiuzhu", "YangXiuzhu", "yang xiuzhu",
					"xiuzhu", "Yáng Xiùzhū", "yáng xiù zhū", "YÁNGXIÙZHŪ")) {
				assertThat(ids(spelling)).as("q=%s", spelling).containsOnlyOnce(YANG_XIUZHU);
			}
			assertThat(ids("yangxiuzhen")).doesNotContain(YANG_XIUZHU);
			assertThat(ids("zhangwei")).doesNotContain(YANG_XIUZHU);
			assertThat(mvc.get().uri("/fugitives?q=yangxiuzhu").with(TestLogin.INVESTIGATOR))
				.hasStatusOk()
				.bodyText()
				.contains(">Yang Xiuzhu<");
			assertThat(jdbc.queryForObject(
					"select count(*) from citation where fugitive_id = ? and claim like 'Profile: %nativeName%'",
					Long.class, YANG_XIUZHU))
				.as("the admin's change cites the source")
				.isOne();
			assertThat(mvc.get().uri("/audit?user=admin&entity=Fugitive").with(TestLogin.ADMIN))
				.as("the audit trail tells the change in words")
				.hasStatusOk()
				.bodyText()
				.contains("Name in its own script", "杨秀珠");
		}
		finally {
			restore(YANG_XIUZHU, seedRow);
		}
		assertThat(ids("yangxiuzhu")).doesNotContain(YANG_XIUZHU);
	}

	@Test
	void aliasesInAnyScriptAreFoundByThemselvesAndTheirRomanisation() throws Exception {
		JsonNode created = json(mvc.post()
			.uri("/api/v1/fugitives")
			.contentType(MediaType.APPLICATION_JSON)
			.with(TestLogin.ADMIN.httpBasic())
			.content("""
					{"name": "Test Alias Holder", "aliases": ["庚辛别名", "Test Ōther Spelling", "Тестов Псевдоним"],
					 "sourceId": %d, "quote": "Test quote"}""".formatted(records.citableSource()))
			.exchange(), 201);
		long id = created.get("id").asLong();
		assertThat(jdbc.queryForObject("select array_to_string(romanised_names, '|') from fugitive where id = ?",
				String.class, id))
			.isEqualTo("testov psevdonim|geng xin bie ming");

		for (String spelling : List.of("庚辛别名", "gengxinbieming", "Gēngxīn Biémíng", "geng xin", "test other spelling",
				"Тестов", "testovpsevdonim")) {
			assertThat(ids(spelling)).as("q=%s", spelling).containsExactly(id);
		}
		assertThat(ids("gengxinbiemingx")).isEmpty();
		assertThat(ids("Test Alias Holder zhangwei")).isEmpty();
	}

	/** The ids of the people {@code GET /api/v1/fugitives?q=…} finds, as an investigator. */
	private List<Long> ids(String q) throws Exception {
		JsonNode page = json(mvc.get().uri("/api/v1/fugitives").param("q", q).param("size", "200")
			.with(TestLogin.INVESTIGATOR).exchange(), 200);
		List<Long> ids = new ArrayList<>();
		page.get("content").forEach(row -> ids.add(row.get("id").asLong()));
		return ids;
	}

	private MvcTestResult post(String uri, List<String> form) {
		MockMvcRequestBuilder request = mvc.post().uri(uri).with(TestLogin.ADMIN).with(csrf());
		for (int i = 0; i < form.size(); i += 2) {
			request.param(form.get(i), form.get(i + 1));
		}
		return request.exchange();
	}

	/** What an admin's edit of a seeded person changes; {@link TestRecords} restores only the rows a test adds. */
	private Map<String, Object> seedRow(long id) {
		return jdbc.queryForMap("select native_name, romanised_names::text as romanised_names, version, updated_at, "
				+ "updated_by from fugitive where id = ?", id);
	}

	private void restore(long id, Map<String, Object> row) {
		jdbc.update("update fugitive set native_name = ?, romanised_names = cast(? as text[]), version = ?, "
				+ "updated_at = ?, updated_by = ? where id = ?", row.get("native_name"), row.get("romanised_names"),
				row.get("version"), row.get("updated_at"), row.get("updated_by"), id);
	}

	private static JsonNode json(MvcTestResult result, int status) throws Exception {
		assertThat(result).hasStatus(status);
		return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private static void add(List<String> form, String field, Object value) {
		if (value != null) {
			form.add(field);
			form.add(String.valueOf(value));
		}
	}

}
