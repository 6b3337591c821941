package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.fugitivetracker.Browser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page, whatever its status, carries the security headers; the session cookie is HttpOnly
 * and SameSite; a login changes the session id.
 */
@IntegrationTest
class SecurityHeadersTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@LocalServerPort
	int port;

	/** Every GET the application maps (so a new page is covered as soon as it exists), plus fixed ones. */
	@Test
	void everyPageCarriesTheSecurityHeaders() {
		Set<String> paths = new TreeSet<>(List.of("/", "/login", "/css/app.css", "/no-such-page", "/actuator/health",
				"/actuator/prometheus", "/admin/users", "/account/password"));
		mappings.getHandlerMethods().keySet().forEach(info -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				info.getPatternValues()
					.stream()
					.filter(pattern -> !pattern.contains("*"))
					.map(pattern -> pattern.replaceAll("\\{[^}]+}", "1"))
					.forEach(paths::add);
			}
		});
		assertThat(paths).hasSizeGreaterThan(5);
		for (String path : paths) {
			assertSecurityHeaders(mvc.get().uri(path).with(user("admin").roles("ADMIN")).exchange(), path);
			assertSecurityHeaders(mvc.get().uri(path).exchange(), path + " (anonymous)");
		}
		assertSecurityHeaders(mvc.perform(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(HttpMethod.POST, "/login")),
				"POST /login without token");
	}

	@Test
	void theContentSecurityPolicyForbidsInlineScriptsAndStyles() {
		String policy = mvc.get().uri("/login").exchange().getResponse().getHeader("Content-Security-Policy");
		assertThat(policy).isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
				+ "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
			.doesNotContain("unsafe");
	}

	@Test
	void swaggerUiAloneMayUseInlineStylesButNeverInlineScripts() {
		String policy = mvc.get().uri("/swagger-ui/index.html").with(user("admin").roles("ADMIN")).exchange()
			.getResponse()
			.getHeader("Content-Security-Policy");
		assertThat(policy).contains("style-src 'self' 'unsafe-inline'", "script-src 'self';", "frame-ancestors 'none'");
	}

	/** Over real HTTP, because the cookie is written by Spring Session's filter and Tomcat. */
	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("SESSION=")
			.contains("; HttpOnly", "; SameSite=Lax", "; Path=/"));
	}

	@Test
	void loggingInChangesTheSessionIdSoAPlantedOneIsWorthless() throws Exception {
		String username = TestUsers.name("test-fixation");
		accounts.save(new UserAccount(username, passwordEncoder.encode(TestUsers.password(username)), Role.INVESTIGATOR));
		Browser browser = new Browser();
		browser.get(base() + "/login");
		String before = browser.cookie("SESSION").orElseThrow();

		HttpResponse<String> login = browser.post(base() + "/login",
				java.util.Map.of("username", username, "password", TestUsers.password(username)));
		assertThat(login.headers().firstValue("Location")).hasValue(base() + "/");
		String after = browser.cookie("SESSION").orElseThrow();
		assertThat(after).isNotEqualTo(before);
		assertThat(browser.get(base() + "/").statusCode()).isEqualTo(200);

		HttpResponse<String> planted = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/")).header("Cookie", "SESSION=" + before).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(planted.statusCode()).as("the id from before the login is not logged in").isEqualTo(302);
	}

	private static void assertSecurityHeaders(MvcTestResult result, String what) {
		var response = result.getResponse();
		assertThat(response.getStatus()).as(what + " status").isLessThan(500);
		assertThat(response.getHeader("Content-Security-Policy")).as(what).contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("script-src 'self' 'unsafe-inline'");
		assertThat(response.getHeader("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
		assertThat(response.getHeader("X-Frame-Options")).as(what).isEqualTo("DENY");
		assertThat(response.getHeader("Referrer-Policy")).as(what).isEqualTo("same-origin");
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
