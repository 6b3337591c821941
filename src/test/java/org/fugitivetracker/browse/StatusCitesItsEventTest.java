package org.fugitivetracker.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.event.EventDeletionForm;
import org.fugitivetracker.event.EventRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The profile keeps its promise that every fact cites its source after an admin records a return:
 * the derived status cites the event that set it and that event's source, the article's earlier
 * custody claim stays in view marked as superseded, and the claim written for the event reads as
 * a person would write it, in the reader's language.
 */
@IntegrationTest
class StatusCitesItsEventTest {

	private static final String NEW_SOURCE = "Test source: report of Yang Xiuzhu's surrender";

	/** The seeded article (V3), published 23 December 2015: "in custody awaiting deportation proceedings". */
	private static final String ARTICLE = "/sources/1#citation-";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventRecorder recorder;

	@Test
	void beforeAnyReturnTheStatusCitesTheArticleAndNothingIsSuperseded() throws Exception {
		String page = profile(yang(), "en");
		assertThat(statusBasis(page)).contains(ARTICLE, "set by");
		assertThat(page).doesNotContain("Superseded");
	}

	@Test
	void afterARecordedSurrenderTheStatusCitesItsSourceAndTheArticleIsSuperseded() throws Exception {
		long yang = yang();
		try {
			assertThat(mvc.post()
				.uri("/fugitives/{id}/events", yang)
				.param("type", "SURRENDER")
				.param("date", "2016-11-16")
				.param("country", "US")
				.param("sourceTitle", NEW_SOURCE)
				.param("sourceUrl", "https://www.example.org/yang-xiuzhu-surrender")
				.param("quote", "Yang Xiuzhu surrendered and returned to China on 16 November 2016")
				.param("version", String.valueOf(version(yang)))
				.with(user("admin").roles("ADMIN"))
				.with(csrf())).hasStatus3xxRedirection();
			long source = jdbc.queryForObject("select id from source where title = ?", Long.class, NEW_SOURCE);

			String english = profile(yang, "en");
			assertThat(statusBasis(english)).contains("Returned", "set by", "Surrendered, November 16, 2016",
					"/sources/" + source + "#citation-")
				.doesNotContain(ARTICLE);
			assertThat(english).contains("Superseded", "said on December 23, 2015, before")
				.contains("Surrendered, November 16, 2016, United States")
				.doesNotContain("SURRENDER", "2016-11-16,", ", US —", "www.example.org, unknown");

			String chinese = profile(yang, "zh-CN");
			assertThat(statusBasis(chinese)).contains("已归案", "投案自首，2016年11月16日");
			assertThat(chinese).contains("已被取代", "投案自首，2016年11月16日，美国").doesNotContain("SURRENDER");
		}
		finally {
			// Yang is a seed row: put her status back through the recorder (TestRecords removes the rest).
			Long event = jdbc.query("select id from event where fugitive_id = ? and type = 'SURRENDER'",
					rs -> rs.next() ? rs.getLong(1) : null, yang);
			if (event != null) {
				recorder.delete(event, new EventDeletionForm("Test clean-up", version(yang)), "admin");
			}
		}
		assertThat(statusBasis(profile(yang, "en"))).contains("In custody", ARTICLE);
	}

	private String profile(long id, String language) throws Exception {
		return mvc.get()
			.uri("/fugitives/{id}?lang={lang}", id, language)
			.with(user("investigator").roles("INVESTIGATOR"))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The status line of the profile's facts: its value, the event that set it and its source chips. */
	private static String statusBasis(String page) {
		int start = page.indexOf("id=\"status-basis\"");
		assertThat(start).as("the profile has a status line").isPositive();
		return page.substring(start, page.indexOf("</dd>", start));
	}

	private long yang() {
		return jdbc.queryForObject("select id from fugitive where name = 'Yang Xiuzhu'", Long.class);
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from fugitive where id = ?", Long.class, id);
	}

}
