package org.fugitivetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Over real HTTP: a wildcard Content-Type on an admin API write was a 500 (now
 * 415), and a 3 MB body from anyone was a 413 to the client but status=500 and two ERROR stack
 * traces in the log (now 413 and one request log line).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestBodyTest {

	private static final String ADMIN = TestLogin.ADMIN.basicAuthorization();

	private static final int THREE_MB = 3 * 1024 * 1024;

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "text/*", "*/*; charset=UTF-8" })
	void aWildcardContentTypeOnAnAdminApiWriteIs415(String contentType, CapturedOutput output) throws Exception {
		int sources = jdbc.queryForObject("select count(*) from source", Integer.class);
		String id = UUID.randomUUID().toString();
		HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/v1/sources"))
			.header("Authorization", ADMIN)
			.header("Content-Type", contentType)
			.header("X-Request-Id", id)
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"title": "Test wildcard", "publisher": "Test"}""")));
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":415", "concrete media type");
		assertThat(jdbc.queryForObject("select count(*) from source", Integer.class)).isEqualTo(sources);
		assertThat(send(HttpRequest.newBuilder(url("/api/v1/events/1"))
			.header("Authorization", ADMIN)
			.header("Content-Type", contentType)
			.method("DELETE", HttpRequest.BodyPublishers.ofString("{\"reason\": \"Test\", \"version\": 0}")))
			.statusCode()).isEqualTo(415);
		assertThat(output.getOut()).contains("[" + id + "]")
			.containsPattern("\\[" + id + "\\] .*method=POST path=/api/v1/sources status=415")
			.doesNotContain("Content-Type cannot contain wildcard");
	}

	@Test
	void aConcreteContentTypeStillReachesTheApi() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/v1/sources"))
			.header("Authorization", ADMIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Test concrete\"}")));
		assertThat(response.statusCode()).as("a field error, from the API itself").isEqualTo(400);
		assertThat(response.body()).contains("publisher");
	}

	@Test
	void aThreeMegabyteFormFromAnyoneIs413WithoutAStackTrace(CapturedOutput output) throws Exception {
		String id = UUID.randomUUID().toString();
		HttpResponse<String> response = send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Request-Id", id)
			.POST(HttpRequest.BodyPublishers.ofString("username=" + "x".repeat(THREE_MB) + "&password=y")));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("413", "at most 2097152 bytes").doesNotContain("Tomcat", "Exception");
		assertThat(output.getOut()).containsPattern("\\[" + id + "\\] .*method=POST path=/login status=413")
			.doesNotContain("InvalidParameterException", "status=500")
			.doesNotContainPattern("\\[" + id + "\\] .* ERROR ");
		assertThat(output.getOut() + output.getErr()).doesNotContain(" ERROR ");
	}

	@Test
	void aThreeMegabyteBodyWithoutDeclaredLengthIs413Too(CapturedOutput output) throws Exception {
		String id = UUID.randomUUID().toString();
		byte[] body = ("username=" + "x".repeat(THREE_MB)).getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Request-Id", id)
			// of unknown length: sent chunked, so only reading it finds it too long
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(output.getOut()).containsPattern("\\[" + id + "\\] .*method=POST path=/login status=413")
			.doesNotContain("status=500");
		assertThat(output.getOut() + output.getErr()).doesNotContain(" ERROR ");
	}

	@Test
	void aThreeMegabyteJsonBodyIs413BeforeAnyoneReadsIt() throws Exception {
		for (String authorization : new String[] { ADMIN, null }) {
			HttpRequest.Builder request = HttpRequest.newBuilder(url("/api/v1/sources"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"" + "x".repeat(THREE_MB) + "\"}"));
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			HttpResponse<String> response = send(request);
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.body()).contains("\"status\":413");
		}
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
