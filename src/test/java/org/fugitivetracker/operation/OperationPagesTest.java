package org.fugitivetracker.operation;

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
class OperationPagesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theListShowsSkyNetWithItsTargetAndProgress() {
		long returned = returnedOnSkyNetLists();
		assertThat(PageBodies.html(mvc, "/operations")).containsPattern(
				"(?s)<a href=\"/operations/1\">Sky Net</a></th>\\s*<td>April 2015</td>\\s*<td>8 months</td>\\s*"
						+ "<td class=\"num\">100</td>")
			.contains("<progress id=\"progress-1\" max=\"100\" value=\"" + returned + "\"",
					returned + " of 100 returned");
	}

	@Test
	void skyNetShowsItsTargetOf100ItsFiguresAndItsListAgainstTheRecords() {
		long returned = returnedOnSkyNetLists();
		String page = PageBodies.html(mvc, "/operations/1");
		assertThat(page).contains("Operation Sky Net")
			.containsPattern("(?s)id=\"target\"><strong>100</strong>\\s*<span lang=\"en\">major corrupt officials at large abroad</span>")
			.contains("April 2015", "8 months", "Chinese judicial authorities")
			.contains("<progress id=\"target-progress\" max=\"100\" value=\"" + returned + "\"")
			.containsPattern("(?s)id=\"progress\".*Returned</th><td class=\"num\">" + returned + "</td>")
			.containsPattern("(?s)id=\"listed\".*<td class=\"num\">4</td>\\s*<th scope=\"row\"><a href=\"/fugitives/2\">Huang Yurong</a>")
			.contains("more than 860 people", "196 people", "more than 150 underground banks", "about 300 people",
					"up to 800 billion yuan", "up to $123.5 billion")
			.containsPattern("(?s)id=\"event-5\".*April 2015.*Operation launched.*Sources agree.*In April.*April 2015");
	}

	@Test
	void rendersInSimplifiedChinese() {
		assertThat(PageBodies.html(mvc, "/operations/1?lang=zh-CN")).contains("天网行动", "目标完成情况", "超过860人",
				"最多8000亿元", "最多1235亿美元", "约300人", "超过150家地下钱庄", "2015年4月", "8个月");
	}

	@Test
	void unknownOperationIsA404() {
		assertThat(mvc.get().uri("/operations/999999")).hasStatus(404);
	}

	private long returnedOnSkyNetLists() {
		return jdbc.queryForObject("select count(distinct m.fugitive_id) from list_membership m "
				+ "join wanted_list l on l.id = m.wanted_list_id join fugitive f on f.id = m.fugitive_id "
				+ "where l.operation_id = 1 and f.status = 'RETURNED'", Long.class);
	}

}
