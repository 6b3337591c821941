package org.fugitivetracker.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.PageBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
@WithMockUser(roles = "INVESTIGATOR")
class SourcePagesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theListShowsEverySourceWithItsNumberOfCitations() {
		long articleCitations = jdbc.queryForObject("select count(*) from citation where source_id = 1", Long.class);
		assertThat(PageBodies.html(mvc, "/sources"))
			.containsPattern("(?s)href=\"/sources/1\"[^>]*>China, U.S. work on cases of five most-wanted corrupt officials "
					+ "\\(article text\\)</a></th>.*December 23, 2015</td>\\s*<td class=\"num\">" + articleCitations + "</td>")
			.contains("Associated Press report of 5 December 2015", "Reuters report of 5 December 2015",
					"CCDI statement of 5 December 2015");
	}

	@Test
	void theArticleShowsItsFullTextAndEverythingThatCitesItWithLinks() {
		String page = PageBodies.html(mvc, "/sources/1");
		assertThat(page).contains("China News Service English, from China Daily", "http://www.ecns.cn/2015/12-23/193433.shtml")
			.contains("id=\"source-text\"", "Liu Jianchao, director of the CCDI")
			.containsPattern("(?s)Fugitive</span>:\\s*<a href=\"/fugitives/2\">\\s*Huang Yurong")
			.containsPattern("(?s)Event</span>:\\s*<a href=\"/fugitives/2#event-4\">.*Surrendered")
			.containsPattern("(?s)Case</span>:\\s*<a href=\"/cases/1\">")
			.containsPattern("(?s)Cooperation step</span>:\\s*<a href=\"/cases/1#step-4\">")
			.containsPattern("(?s)Reported figure</span>:\\s*<a href=\"/figures#figure-6\">\\s*Economic fugitives brought back: more than 860 people")
			.containsPattern("(?s)Operation</span>:\\s*<a href=\"/operations/1\">\\s*Sky Net")
			.containsPattern("(?s)Asset transfer</span>:\\s*<span>\\s*&quot;billions of yuan&quot; \\(no number given\\)")
			.containsPattern("(?s)Agencies working together</span>:\\s*<span>\\s*Ministry of Public Security \\+ People&#39;s Bank of China")
			.containsPattern("(?s)Country</span>:\\s*<span>\\s*New Zealand")
			.contains("on Sunday", "up to 800 billion yuan");
		long citation = jdbc.queryForObject("select id from citation where source_id = 1 and reported_figure_id = 6",
				Long.class);
		assertThat(page).as("each citation has an anchor the other pages link to")
			.contains("id=\"citation-" + citation + "\"");
	}

	@Test
	void aSourceWhoseTextIsNotHeldShowsItsClaimsOnly() {
		assertThat(PageBodies.html(mvc, "/sources/3")).doesNotContain("id=\"source-text\"")
			.contains("Associated Press", "Saturday 5 December 2015", "text not held", "fled in August 2002");
	}

	@Test
	void rendersInSimplifiedChinese() {
		assertThat(PageBodies.html(mvc, "/sources/1?lang=zh-CN")).contains("全文", "按事项列出的说法", "外逃人员", "统计数字",
				"2015年12月23日", "新西兰");
	}

	@Test
	void unknownSourceIsA404() {
		assertThat(mvc.get().uri("/sources/999999")).hasStatus(404);
	}

}
