package org.fugitivetracker.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.PageBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
@WithMockUser(roles = "INVESTIGATOR")
class DashboardPageTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void headlineFiguresWithTheirQualifiersEachLinkingToItsSource() {
		String page = PageBodies.html(mvc, "/");
		assertThat(page).containsPattern("(?s)<h3>Sky Net · April 2015 – November 2015</h3>.*more than 860 people.*"
				+ "196 people.*more than 150 underground banks.*about 300 people.*up to 800 billion yuan.*\\(up to \\$123.5 billion\\)")
			.containsPattern("(?s)<h3>United States · 2015</h3>.*48 people.*3 people")
			.contains("only 2 people");
		for (long figure : new long[] { 3, 4, 5, 6, 7, 8, 9, 10 }) {
			long citation = jdbc.queryForObject(
					"select min(id) from citation where reported_figure_id = ? and attribute = 'value'", Long.class, figure);
			String card = page.substring(page.indexOf("id=\"headline-figure-" + figure + "\""));
			assertThat(card.substring(0, card.indexOf("</li>"))).as("figure " + figure)
				.contains("href=\"/sources/1#citation-" + citation + "\"");
		}
	}

	@Test
	void statusAndDestinationChartsAreServerRenderedSvgWithTextLabels() {
		String page = PageBodies.html(mvc, "/");
		long inCustody = count("select count(*) from fugitive where status = 'IN_CUSTODY'");
		long returned = count("select count(*) from fugitive where status = 'RETURNED'");
		long atLarge = count("select count(*) from fugitive where status = 'AT_LARGE'");
		long toUs = count("select count(*) from fugitive_destination where country_code = 'US'");
		assertThat(page).containsPattern("<svg id=\"status-chart\" class=\"chart\" role=\"img\" aria-labelledby=\"status-chart-title status-chart-desc\"")
			.contains("At large: " + atLarge + "; In custody: " + inCustody + "; Returned: " + returned)
			.containsPattern("(?s)<text[^>]*class=\"bar-label\"[^>]*>In custody</text>\\s*<rect[^>]*class=\"bar\"[^>]*></rect>\\s*"
					+ "<text[^>]*class=\"bar-value\"[^>]*>" + inCustody + "</text>")
			.contains((atLarge + inCustody + returned) + " fugitives recorded")
			.contains("<svg id=\"destination-chart\"", "United States: " + toUs)
			.doesNotContain("<script", "style=\"");
	}

	@Test
	void recentEventsNewestFirstWithLinks() {
		String page = PageBodies.html(mvc, "/");
		String recent = page.substring(page.indexOf("id=\"recent-events\""));
		recent = recent.substring(0, recent.indexOf("</table>"));
		// Other tests add events to the shared database, so compare with what the database holds.
		List<String> shown = new ArrayList<>();
		Matcher dates = Pattern.compile("<time datetime=\"([0-9-]+)\"").matcher(recent);
		while (dates.find()) {
			shown.add(dates.group(1));
		}
		assertThat(shown).isNotEmpty().hasSizeLessThanOrEqualTo(10);
		assertThat(shown).isSortedAccordingTo(Comparator.reverseOrder());
		String newest = jdbc.queryForObject("select max(occurred_date) from event", String.class);
		assertThat(newest).startsWith(shown.get(0).substring(0, 4));
		assertThat(recent).containsPattern("href=\"/(fugitives|cases|operations)/\\d+#event-\\d+\"");
	}

	@Test
	void rendersInSimplifiedChinese() {
		assertThat(PageBodies.html(mvc, "/?lang=zh-CN")).contains("总览", "来源报道的数字", "超过860人", "196人", "超过150家地下钱庄",
				"约300人", "最多8000亿元", "(最多1235亿美元)", "按状态统计的已记录外逃人员", "被羁押", "美国",
				"2015年4月至2015年11月", "最新事件");
	}

	@Test
	void theLanguageChosenIsRemembered() {
		var chosen = mvc.get().uri("/?lang=zh-CN").exchange();
		assertThat(chosen).hasStatusOk().cookies().containsCookie("lang");
		Cookie remembered = chosen.getResponse().getCookie("lang");
		assertThat(remembered.getValue()).isEqualTo("zh-CN");
		assertThat(mvc.get().uri("/fugitives/2").cookie(remembered)).hasStatusOk().bodyText().contains("已归案", "时间线");
		assertThat(mvc.get().uri("/fugitives/2?lang=en").cookie(remembered)).hasStatusOk().bodyText().contains("Timeline");
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

}
