package org.fugitivetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Metrics for Prometheus, for administrators (a scraper logs in with HTTP Basic); health stays public. */
@IntegrationTest
class PrometheusTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void metricsAskAnonymousCallersForHttpBasic() {
		assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(401)
			.headers()
			.hasValue("WWW-Authenticate", "Basic realm=\"fugitive-tracker\"");
	}

	@Test
	void metricsAreForAdministratorsOnly() {
		assertThat(mvc.get().uri("/actuator/prometheus").with(TestLogin.INVESTIGATOR.httpBasic()))
			.hasStatus(403);
		assertThat(mvc.get().uri("/actuator/prometheus").with(TestLogin.ANALYST.httpBasic()))
			.hasStatus(403);
	}

	@Test
	void administratorsScrapeThePrometheusFormat() {
		mvc.get().uri("/login").exchange();
		assertThat(mvc.get().uri("/actuator/prometheus").with(TestLogin.ADMIN.httpBasic()))
			.hasStatusOk()
			.bodyText()
			.contains("# TYPE jvm_memory_used_bytes gauge", "hikaricp_connections_active", "http_server_requests_seconds_count");
	}

	@Test
	void healthStaysPublicAndNoOtherEndpointIsExposed() {
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
		assertThat(mvc.get().uri("/actuator/env").with(TestLogin.ADMIN.httpBasic())).hasStatus(404);
		assertThat(mvc.get().uri("/actuator/sessions").with(TestLogin.ADMIN.httpBasic()))
			.hasStatus(404);
	}

}
