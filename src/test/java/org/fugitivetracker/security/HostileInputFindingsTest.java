package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.fugitivetracker.IntegrationTest;
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
class HostileInputFindingsTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** PostgreSQL refuses a NUL in a query parameter ("invalid byte sequence for encoding UTF8: 0x00"). */
	@Test
	void aSearchTextWithANulIsA400NamingTheParameter() {
		assertThat(mvc.get().uri("/fugitives").param("q", "Yang\u0000").with(user("admin").roles("ADMIN")))
			.hasStatus(400)
			.bodyText()
			.contains("q: the search text may not contain control characters.");
		assertThat(mvc.get().uri("/fugitives.csv").param("q", "\u0000").with(user("admin").roles("ADMIN"))).hasStatus(400);
		assertThat(mvc.get().uri("/api/v1/fugitives").param("q", "\u0000").with(user("admin").roles("ADMIN")))
			.hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.parameter")
			.isEqualTo("q");
		assertThat(mvc.get().uri("/fugitives").param("q", "\u0000").param("lang", "zh-CN").with(user("admin").roles("ADMIN")))
			.hasStatus(400)
			.bodyText()
			.contains("q: 搜索文字不能包含控制字符。");
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

}
