package org.fugitivetracker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A name, title, publisher or deletion reason made only of zero-width or other
 * invisible characters (U+200B, U+FEFF, U+00A0) was accepted as not blank. Through the write API
 * (the forms bind the same records), each is now a 400 naming the field, and nothing is stored.
 */
@IntegrationTest
class InvisibleTextTest {

	private static final List<String> INVISIBLE = List.of("\u200b", "\ufeff", "\u00a0", "\u200b\ufeff\u00a0");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aFugitiveWhoseNameShowsNothingIsRefused() {
		int fugitives = count("fugitive");
		for (String name : INVISIBLE) {
			assertRefused(mvc.post().uri("/api/v1/fugitives"), """
					{"name": "%s", "sourceId": %d, "quote": "Test invisible name"}""".formatted(name, sourceId()), "name");
		}
		assertThat(count("fugitive")).isEqualTo(fugitives);
	}

	@Test
	void aSourceWhoseTitleOrPublisherShowsNothingIsRefused() {
		int sources = count("source");
		for (String text : INVISIBLE) {
			assertRefused(mvc.post().uri("/api/v1/sources"), """
					{"title": "%s", "publisher": "Test publisher"}""".formatted(text), "title");
			assertRefused(mvc.post().uri("/api/v1/sources"), """
					{"title": "Test title", "publisher": "%s"}""".formatted(text), "publisher");
		}
		assertThat(count("source")).isEqualTo(sources);
	}

	@Test
	void aDeletionWhoseReasonShowsNothingIsRefused() {
		long eventId = jdbc.queryForObject("select min(id) from event where fugitive_id is not null", Long.class);
		long version = jdbc.queryForObject(
				"select f.version from fugitive f join event e on e.fugitive_id = f.id where e.id = ?", Long.class, eventId);
		for (String reason : INVISIBLE) {
			assertRefused(mvc.delete().uri("/api/v1/events/{id}", eventId), """
					{"reason": "%s", "version": %d}""".formatted(reason, version), "reason");
		}
		assertThat(jdbc.queryForObject("select count(*) from event where id = ?", Integer.class, eventId)).isOne();
	}

	@Test
	void theFieldErrorSaysWhyInBothLanguages() {
		MvcTestResult english = mvc.post().uri("/api/v1/sources").with(TestLogin.ADMIN).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"\u200b\", \"publisher\": \"Test publisher\"}")
			.exchange();
		assertThat(english).bodyJson().extractingPath("$.errors[0].message").asString().startsWith("Shows nothing");
		MvcTestResult chinese = mvc.post().uri("/api/v1/sources?lang=zh-CN").with(TestLogin.ADMIN)
			.with(csrf())
			.header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"\u200b\", \"publisher\": \"Test publisher\"}")
			.exchange();
		assertThat(chinese).bodyJson().extractingPath("$.errors[0].message").asString().startsWith("没有可见的文字");
	}

	private void assertRefused(org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder request,
			String body, String field) {
		MvcTestResult result = request.with(TestLogin.ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(result).as(body).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().contains(field);
		assertThat(result).bodyJson().extractingPath("$.errors[*].code").asArray().contains("PlainText");
	}

	private long sourceId() {
		return jdbc.queryForObject("select min(id) from source", Long.class);
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

}
