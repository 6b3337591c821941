package org.fugitivetracker.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.PageBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
@WithMockUser(roles = "INVESTIGATOR")
class CasePagesTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theListShowsEachCaseWithStatusCountryAndPeopleRecorded() {
		assertThat(PageBodies.html(mvc, "/cases")).containsPattern(
				"(?s)<a href=\"/cases/1\">Five most-wanted corrupt officials living in the U.S.</a></th>\\s*"
						+ "<td>Negotiating</td>\\s*<td>United States</td>\\s*<td class=\"num\">\\d+</td>");
	}

	@Test
	void theCaseOfTheFiveShowsItsPeopleFiguresStepsAndEventsInOrder() {
		String page = PageBodies.html(mvc, "/cases/1");
		assertThat(page).containsPattern("id=\"case-status\"[^>]*>Negotiating<")
			.contains("United States", "U.S. judicial authorities", "CCDI International Cooperation Bureau",
					"China-U.S. Joint Liaison Group on Law Enforcement Cooperation")
			.containsPattern("(?s)id=\"participants\".*href=\"/fugitives/1\">Yang Xiuzhu</a>.*Principal.*In custody")
			.as("the reported five, four at large, next to the records")
			.containsPattern("(?s)id=\"figure-1\".*Most-wanted fugitives in the case.*<strong>5 people</strong>.*"
					+ "<td class=\"recorded\"[^>]*>\\s*<strong>\\d+</strong>.*(?:person|people) recorded in the case")
			.containsPattern("(?s)id=\"figure-2\".*Of them still at large.*part of: 5 people.*<strong>4 people</strong>.*"
					+ "recorded in the case and at large")
			.contains("four of whom are still at large");
		assertThat(page).as("cooperation steps in their order")
			.containsPattern("(?s)Judicial assistance requested.*Negotiation.*Joint investigation.*Evidence requested.*"
					+ "Information exchange.*December 2014.*Agreement");
		assertThat(page).as("the meeting, dated by two sources that agree once 'last year' is read as 2014")
			.containsPattern("(?s)id=\"event-1\".*December 2014.*Meeting.*Beijing · in China.*Sources agree.*"
					+ "December last year.*December 2014");
		assertThat(page).doesNotContain("Sources disagree");
	}

	@Test
	void rendersInSimplifiedChinese() {
		assertThat(PageBodies.html(mvc, "/cases/1?lang=zh-CN")).contains("磋商中", "案件中的人员", "被羁押", "5人", "4人",
				"合作步骤", "请求司法协助", "2014年12月", "美国");
	}

	@Test
	void unknownCaseIsA404() {
		assertThat(mvc.get().uri("/cases/999999")).hasStatus(404);
	}

}
