package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An unknown id on any investigator page is the product's 404 page in the layout, in the
 * reader's language, never a stack trace. Over real HTTP, where the container forwards the error.
 */
@IntegrationTest
class NotFoundPagesTest {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/fugitives/999999", "/cases/999999", "/operations/999999", "/sources/999999" })
	void unknownIdIsTheNotFoundPageInTheLayout(String path) throws Exception {
		HttpResponse<String> response = get(path, "en");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Not found", "There is no such page or record.", "Fugitive case tracker",
				"Main navigation")
			.doesNotContain("Exception", "at org.", "No fugitive with id", "Whitelabel");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/fugitives/999999", "/sources/999999" })
	void inChineseToo(String path) throws Exception {
		HttpResponse<String> response = get(path, "zh-CN");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("未找到", "外逃人员案件追踪系统");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/fugitives/abc", "/cases/1x" })
	void anIdThatIsNotANumberIsABadRequestPage(String path) throws Exception {
		HttpResponse<String> response = get(path, "en");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("The request was not understood").doesNotContain("Exception", "at org.");
	}

	private HttpResponse<String> get(String path, String language) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "?lang=" + language))
				.header("Accept", "text/html")
				.header("Authorization", TestLogin.INVESTIGATOR.basicAuthorization())
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
