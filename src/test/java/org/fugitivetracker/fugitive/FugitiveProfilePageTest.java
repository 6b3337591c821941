package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.PageBodies;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The profile page shows who, where, what happened when, and who says so — on real PostgreSQL. */
@IntegrationTest
@WithMockUser(roles = "INVESTIGATOR")
class FugitiveProfilePageTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void yangXiuzhuIsInCustodyInTheCaseOfTheFiveWithYearsOnTheRunUnknown() {
		long yang = id("Yang Xiuzhu");
		String page = body("/fugitives/" + yang);

		assertThat(page).containsPattern("id=\"status\"[^>]*>In custody<")
			.contains("Deputy mayor of Wenzhou", "Wenzhou, Zhejiang", "Illegal immigration (in the U.S.)", "United States")
			.containsPattern("(?s)id=\"cases\".*href=\"/cases/1\">Five most-wanted corrupt officials living in the U.S.</a>")
			.containsPattern("(?s)id=\"cases\".*Principal.*Negotiating")
			.containsPattern("(?s)id=\"years-on-the-run\">\\s*<span>unknown</span>\\s*<span class=\"muted\">\\(the date of flight is not recorded\\)")
			.containsPattern("(?s)id=\"timeline\".*date not reported.*Detained.*in United States")
			.contains("in custody awaiting deportation proceedings", "/sources/1#citation-");
	}

	@Test
	void huangYurongSpentThirteenYearsOnTheRunAndTheSourcesDisagreeOnHisSurrenderDay() {
		long huang = id("Huang Yurong");
		String page = body("/fugitives/" + huang);

		assertThat(page).containsPattern("id=\"status\"[^>]*>Returned<")
			.containsPattern("id=\"years-on-the-run\">\\s*<span>13 years, from August 2002 to December 5, 2015</span>")
			.contains("64 (as reported on December 23, 2015)", "Party chief", "No. 4 on", "Sky Net 100 most-wanted list",
					"Interpol red notice", "number not published");
		String timeline = page.substring(page.indexOf("id=\"timeline\""), page.indexOf("id=\"cases-heading\""));
		assertThat(timeline).as("oldest first: fled, then surrendered")
			.containsPattern("(?s)August 2002.*Fled.*December 5, 2015.*Surrendered.*Beijing Capital Airport · from United States");
		assertThat(timeline).as("both claims on the surrender day, side by side and flagged")
			.containsPattern("(?s)<table class=\"claims-table disagree\">.*Sources disagree.*"
					+ "China News Service English, from China Daily</a></th>\\s*<td lang=\"en\">on Sunday</td>.*"
					+ "Xinhua / China Daily</a></th>\\s*<td lang=\"en\">Saturday 5 December 2015, surrendered at Beijing Capital Airport</td>.*"
					+ "Associated Press</a></th>\\s*<td lang=\"en\">Saturday 5 December 2015</td>");
		assertThat(page).as("sources that say the same are not flagged")
			.containsPattern("(?s)<th scope=\"rowgroup\" rowspan=\"2\">\\s*<span>Wanted list</span>\\s*</th>")
			.contains("after spending 13 years on the run", "/sources/3", "/sources/4");
	}

	@Test
	void rendersInSimplifiedChinese() {
		long huang = id("Huang Yurong");
		assertThat(mvc.get().uri("/fugitives/{id}?lang=zh-CN", huang)).hasStatusOk()
			.hasContentType("text/html;charset=UTF-8")
			.bodyText()
			.containsPattern("id=\"status\"[^>]*>已归案<")
			.contains("在逃年数", "13年（2002年8月至2015年12月5日）", "来源说法不一", "时间线", "投案自首", "自美国归国",
					"国际刑警组织红色通缉令", "64岁（2015年12月23日报道）");
	}

	@Test
	void adminsGetTheRecordAnEventActionInvestigatorsDoNot() {
		long yang = id("Yang Xiuzhu");
		assertThat(body("/fugitives/" + yang)).doesNotContain("admin-actions", "/events/new");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void adminActionsAreNearTheTopForAdmins() {
		long yang = id("Yang Xiuzhu");
		String page = body("/fugitives/" + yang);
		assertThat(page).containsPattern("(?s)<div id=\"admin-actions\" class=\"actions\">\\s*<a class=\"button\" href=\"/fugitives/"
				+ yang + "/events/new\">Record an event</a>");
		assertThat(page.indexOf("admin-actions")).isLessThan(page.indexOf("id=\"timeline\""));
	}

	@Test
	void anAtLargePersonsYearsRunToTodayAndEveryCollectionIsShown(TestRecords records) {
		long person = records.fugitive("Test Person At Large", "AT_LARGE");
		records.fled(person, "2010").destination(person, "CA").alias(person, "Test Alias").offence(person, "Test offence");
		long years = java.time.Period.between(java.time.LocalDate.of(2010, 1, 1), java.time.LocalDate.now()).getYears();
		assertThat(body("/fugitives/" + person)).containsPattern("id=\"status\"[^>]*>At large<")
			.contains(years + " years so far, since 2010", "Test Alias", "Test offence", "Canada", "No events recorded.",
					"In no recorded case.");
	}

	@Test
	void unknownIdIsA404AndNotANumberA400() {
		assertThat(mvc.get().uri("/fugitives/999999")).hasStatus(404);
		assertThat(mvc.get().uri("/fugitives/abc")).hasStatus(400);
	}

	private long id(String name) {
		return jdbc.queryForObject("select id from fugitive where name = ?", Long.class, name);
	}

	private String body(String uri) {
		return PageBodies.html(mvc, uri);
	}

}
