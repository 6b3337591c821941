package org.fugitivetracker.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.PageBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@WithMockUser(roles = "INVESTIGATOR")
class FiguresPageTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ReportedFigureRepository figures;

	@Autowired
	Reconciliation reconciliation;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void everyArticleFigureWithItsQualifierUnitAndQuoteGroupedByPeriodAndScope() {
		String page = PageBodies.html(mvc, "/figures");
		assertThat(page).containsPattern("(?s)<h2>Sky Net · April 2015 – November 2015</h2>.*"
				+ "id=\"figure-6\".*<strong>more than 860 people</strong>.*"
				+ "from April to the end of November, police officers brought back more than 860 economic fugitives from abroad.*"
				+ "id=\"figure-7\".*part of: more than 860 people.*<strong>196 people</strong>.*"
				+ "id=\"figure-8\".*<strong>more than 150 underground banks</strong>.*"
				+ "id=\"figure-9\".*<strong>about 300 people</strong>.*"
				+ "id=\"figure-10\".*<strong>up to 800 billion yuan</strong>.*"
				+ "id=\"figure-11\".*the same amount as up to 800 billion yuan.*<strong>up to \\$123.5 billion</strong>")
			.containsPattern("(?s)<h2>United States · 2015</h2>.*id=\"figure-4\".*<strong>48 people</strong>.*"
					+ "This year, 48 have returned from the U.S.")
			.containsPattern("(?s)<h2>United States · 2003 – 2013</h2>.*id=\"figure-3\".*<strong>only 2 people</strong>")
			.containsPattern("(?s)id=\"figure-12\".*stated by Liu Jianchao, Director.*<strong>nearly 50%</strong>")
			.contains("How &quot;recorded&quot; is counted", "id=\"rule-RETURNS\"");
	}

	@Test
	void nextToEachFigureTheCountTheRecordsGiveOrNotTracked() {
		Map<Long, Reconciliation.Result> expected = transactions.execute(status -> reconciliation.reconcile(figures.findAll()));
		String page = PageBodies.html(mvc, "/figures");
		for (long id : new long[] { 1, 2, 3, 4, 5, 6, 7 }) {
			assertThat(row(page, id)).as("figure " + id)
				.contains("<td class=\"recorded\"")
				.containsPattern("<strong>" + expected.get(id).recorded() + "</strong>");
		}
		long returnsRecorded = expected.get(4L).recorded();
		assertThat(row(page, 4)).as("reported: 48 returned from the U.S. in 2015 — recorded: N, singular for one")
			.containsPattern("(?s)48 people</strong>.*<strong>" + returnsRecorded
					+ "</strong>\\s*<a class=\"note\" href=\"/figures#rule-RETURNS\">"
					+ (returnsRecorded == 1 ? "person" : "people") + " with a recorded return</a>");
		for (long id : new long[] { 8, 9, 10, 11, 12 }) {
			assertThat(row(page, id)).as("figure " + id).contains("not tracked by records");
		}
	}

	@Test
	void rendersInSimplifiedChinese() {
		assertThat(PageBodies.html(mvc, "/figures?lang=zh-CN")).contains("统计数字", "超过860人", "196人", "超过150家地下钱庄",
				"约300人", "最多8000亿元", "最多1235亿美元", "仅2人", "近50%", "2015年4月至2015年11月", "记录中不统计",
				"“记录”数量的计算方法");
	}

	private static String row(String page, long figureId) {
		int start = page.indexOf("<tr id=\"figure-" + figureId + "\">");
		assertThat(start).as("row of figure " + figureId).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

}
