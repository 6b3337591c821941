package org.fugitivetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Each request gets an id, echoed in X-Request-Id and on every log line, and one summary line. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestLoggingTest {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@Autowired
	MockMvcTester mvc;

	@Test
	void aRequestWithoutIdGetsOneAndOneLogLineCarriesIt(CapturedOutput output) {
		String id = mvc.get().uri("/login").exchange().getResponse().getHeader("X-Request-Id");
		assertThat(id).matches(UUID);
		assertThat(output.getOut()).contains("[" + id + "]")
			.containsPattern("\\[" + id + "\\] .*RequestLoggingFilter\\s*: method=GET path=/login status=200 durationMs=\\d+ user=-");
	}

	@Test
	void theCallersIdIsKeptSoItFollowsTheRequestThroughTheLoadBalancer(CapturedOutput output) {
		assertThat(mvc.get().uri("/").header("X-Request-Id", "lb-7f3a.42").with(TestLogin.INVESTIGATOR.httpBasic()))
			.hasStatusOk()
			.headers()
			.hasValue("X-Request-Id", "lb-7f3a.42");
		assertThat(output.getOut()).contains("[lb-7f3a.42]")
			.containsPattern("method=GET path=/ status=200 durationMs=\\d+ user=investigator");
	}

	@Test
	void anIdThatCouldForgeLogLinesIsReplaced() {
		for (String hostile : new String[] { "a b", "x".repeat(65), "id\r\nFAKE LOG LINE", "<script>" }) {
			assertThat(mvc.get().uri("/login").header("X-Request-Id", hostile).exchange().getResponse()
				.getHeader("X-Request-Id")).matches(UUID);
		}
	}

}
