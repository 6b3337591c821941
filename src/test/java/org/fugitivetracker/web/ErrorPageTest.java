package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class ErrorPageTest {

	@Autowired
	MockMvcTester mvc;

	@LocalServerPort
	int port;

	/** Over real HTTP, because only the servlet container forwards a 404 to the error page. */
	@Test
	void unknownPageShowsTheProductsNotFoundPage() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no-such-page"))
				.header("Accept", "text/html")
				.header("Authorization", TestLogin.INVESTIGATOR.basicAuthorization())
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Not found", "Fugitive case tracker", "Signed in as investigator")
			.doesNotContain("Whitelabel", "Exception", "at org.");
		assertThat(response.body()).as("the title names the error; no promise about sources on an error")
			.contains("<title>Page not found</title>")
			.doesNotContain("site-footer");
	}

	@Test
	@WithMockUser(roles = "INVESTIGATOR")
	void everyErrorPagesTitleNamesTheError() {
		assertThat(mvc.get().uri("/fugitives?status=FOO")).hasStatus(400)
			.bodyText()
			.contains("<title>Bad request</title>")
			.doesNotContain("<title>Error</title>", "site-footer");
		assertThat(mvc.get().uri("/fugitives?status=FOO&lang=zh-CN")).bodyText().contains("<title>请求无效</title>");
	}

	/** Over real HTTP: statuses set by sendError reach the error page only through the servlet container. */
	@Test
	void errorPagesTheContainerShowsNameTheirErrorToo() throws Exception {
		HttpResponse<String> missingRecord = page("/fugitives/999999999", TestLogin.INVESTIGATOR);
		assertThat(missingRecord.statusCode()).isEqualTo(404);
		assertThat(missingRecord.body()).contains("<title>Page not found</title>");
		HttpResponse<String> forbidden = page("/admin", TestLogin.INVESTIGATOR);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("<title>Access denied</title>").doesNotContain("site-footer");
	}

	private HttpResponse<String> page(String path, TestLogin.Account account) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept", "text/html")
				.header("Authorization", account.basicAuthorization())
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Test
	@WithMockUser(roles = "INVESTIGATOR")
	void homePageShowsWhoIsLoggedInAndLogout() {
		assertThat(mvc.get().uri("/")).hasStatusOk().bodyText().contains("Signed in as user", "Log out");
	}

	@Test
	@WithMockUser(roles = "INVESTIGATOR")
	void chineseLabelsRenderInUtf8() {
		assertThat(mvc.get().uri("/?lang=zh-CN")).hasStatusOk()
			.hasContentType("text/html;charset=UTF-8")
			.bodyText()
			.contains("外逃人员案件追踪系统", "退出登录");
	}

}
