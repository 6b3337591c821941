package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.PageBodies;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * The Chinese pages show the Chinese names the records hold (the seed's places, positions, case,
 * operation, list and agencies), the English pages the English ones, and the language links keep
 * the address the reader is on.
 */
@IntegrationTest
@WithMockUser(roles = "ANALYST")
class ChineseViewTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Test
	void languageLinksKeepTheFilter() {
		String page = PageBodies.html(mvc, "/fugitives?country=US&status=IN_CUSTODY");
		assertThat(page).contains(
				"href=\"/fugitives?country=US&amp;status=IN_CUSTODY&amp;lang=zh-CN\" hreflang=\"zh-CN\"",
				"href=\"/fugitives?country=US&amp;status=IN_CUSTODY&amp;lang=en\" hreflang=\"en\"");
		String chinese = PageBodies.html(mvc, "/fugitives?lang=zh-CN&country=US&status=IN_CUSTODY");
		assertThat(chinese).contains("href=\"/fugitives?country=US&amp;status=IN_CUSTODY&amp;lang=en\"");
	}

	@Test
	void theRefusalOfAFilterKeepsItInItsLanguageLinks() {
		assertThat(mvc.get().uri("/fugitives?country=XX&status=AT_LARGE")).hasStatus(400)
			.bodyText()
			.contains("href=\"/fugitives?country=XX&amp;status=AT_LARGE&amp;lang=zh-CN\"");
	}

	/** Over real HTTP: only the servlet container forwards a 404 to the error page. */
	@Test
	void theErrorPageLinksToTheAddressThatFailedNotToTheErrorPath() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fugitives/999999?tab=cases"))
				.header("Accept", "text/html")
				.header("Authorization", TestLogin.INVESTIGATOR.basicAuthorization())
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("href=\"/fugitives/999999?tab=cases&amp;lang=zh-CN\"")
			.doesNotContain("/error?");
	}

	@Test
	void theChineseProfileOfYangXiuzhuShowsHerPositionPlaceAndCaseInChinese() {
		assertThat(PageBodies.html(mvc, "/fugitives/1?lang=zh-CN")).contains("温州市副市长", "浙江省温州市",
				">身在美国的五名重大外逃腐败官员</a>")
			.doesNotContain("Deputy mayor of Wenzhou</span>", ">Wenzhou, Zhejiang<");
		assertThat(PageBodies.html(mvc, "/fugitives/1?lang=en"))
			.contains("Deputy mayor of Wenzhou", ">Wenzhou, Zhejiang<",
					">Five most-wanted corrupt officials living in the U.S.</a>")
			.doesNotContain("温州市副市长", "浙江省");
	}

	@Test
	void theChineseProfileOfHuangYurongShowsHisPositionProvinceListAndPlaceOfReturnInChinese() {
		assertThat(PageBodies.html(mvc, "/fugitives/2?lang=zh-CN")).contains("党委书记", "河南省",
				">百名红通人员名单（2015年4月）</a>", "北京首都国际机场")
			.doesNotContain("Sky Net 100 most-wanted list", "Beijing Capital Airport ·");
	}

	@Test
	void theOperationCaseAndFiguresPagesNameSkyNetAndTheAgenciesInChinese() {
		assertThat(PageBodies.html(mvc, "/operations?lang=zh-CN")).contains(">天网</a>").doesNotContain(">Sky Net</a>");
		assertThat(PageBodies.html(mvc, "/operations/1?lang=zh-CN")).contains("<title>天网行动</title>", "<h1>天网行动</h1>",
				"中国司法机关", ">百名红通人员名单（2015年4月）</td>");
		assertThat(PageBodies.html(mvc, "/cases/1?lang=zh-CN")).contains("<h1>身在美国的五名重大外逃腐败官员</h1>",
				"中央纪委国际合作局", "中美执法合作联合联络小组", "美国司法机关", "提出方：中国司法机关", "北京 · 在中国");
		assertThat(PageBodies.html(mvc, "/figures?lang=zh-CN")).contains("天网 · ", "发布者：公安部",
				"发布者：Liu Jianchao（局长）");
		assertThat(PageBodies.html(mvc, "/?lang=zh-CN")).contains("天网 · ");
		assertThat(PageBodies.html(mvc, "/fugitives?lang=zh-CN")).contains("温州市副市长", ">天网</option>");
		assertThat(PageBodies.html(mvc, "/operations/1?lang=en")).contains("<h1>Operation Sky Net</h1>",
				"Chinese judicial authorities");
	}

	@Test
	void anAdminGivesChineseNamesInTheFormsUnderTheRulesOfTheEnglishOnes(TestRecords records) {
		long id = records.fugitive("Test Chinese Names Person", "AT_LARGE");
		assertThat(post("/fugitives/" + id + "/edit", "name", "Test Chinese Names Person", "formerPosition", "Test mayor",
				"formerPositionZh", "测试市长", "province", "Test province", "provinceZh", "测试省", "city", "Test city",
				"cityZh", "测试市", "version", "0"))
			.hasStatus3xxRedirection();
		assertThat(PageBodies.html(mvc, "/fugitives/{id}?lang=zh-CN", id)).contains(">测试市长<", ">测试省测试市<");
		assertThat(PageBodies.html(mvc, "/fugitives/{id}?lang=en", id)).contains(">Test mayor<",
				">Test city, Test province<");
		assertThat(mvc.get().uri("/fugitives/{id}/edit?lang=zh-CN", id).with(user("admin").roles("ADMIN")))
			.bodyText()
			.contains("原职务（中文）", "value=\"测试市长\"", "value=\"测试省\"", "value=\"测试市\"");
		assertThat(post("/fugitives/" + id + "/edit", "name", "Test Chinese Names Person", "formerPositionZh",
				"长".repeat(301), "version", "1"))
			.hasStatus(400)
			.bodyText()
			.contains("id=\"formerPositionZh-error\"");
		// Cleared, the Chinese page falls back to the English value.
		assertThat(post("/fugitives/" + id + "/edit", "name", "Test Chinese Names Person", "formerPosition",
				"Test mayor", "formerPositionZh", " ", "version", "1"))
			.hasStatus3xxRedirection();
		assertThat(PageBodies.html(mvc, "/fugitives/{id}?lang=zh-CN", id)).contains(">Test mayor<");

		assertThat(post("/cases", "title", "Test Chinese Case", "titleZh", "测试案件", "status", "OPEN", "sourceId",
				String.valueOf(records.citableSource()), "quote", "Test quote"))
			.hasStatus3xxRedirection();
		long caseId = jdbc.queryForObject("select id from case_file where title = 'Test Chinese Case'", Long.class);
		assertThat(PageBodies.html(mvc, "/cases/{id}?lang=zh-CN", caseId)).contains("<h1>测试案件</h1>");
		assertThat(PageBodies.html(mvc, "/cases/{id}?lang=en", caseId)).contains("<h1>Test Chinese Case</h1>");
	}

	private MockMvcRequestBuilder post(String uri, String... fields) {
		MockMvcRequestBuilder request = mvc.post().uri(uri).with(user("admin").roles("ADMIN")).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request;
	}

}
