package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fugitivetracker.HttpBrowser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestLogin.Account;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page, whatever its status, carries the security headers; the session cookie is HttpOnly
 * and SameSite; a login starts a session of its own; the redirect to the login page names no host.
 */
@IntegrationTest
class SecurityHeadersTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	WebApplicationContext context;

	@BeforeEach
	void applicationsOwnCsrfTokens() {
		RealCsrfTokens.restore(context);
	}

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
			assertSecurityHeaders(mvc.get().uri(path).with(TestLogin.ADMIN).exchange(), path);
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
		String policy = mvc.get().uri("/swagger-ui/index.html").with(TestLogin.ADMIN).exchange()
			.getResponse()
			.getHeader("Content-Security-Policy");
		assertThat(policy).contains("style-src 'self' 'unsafe-inline'", "script-src 'self';", "frame-ancestors 'none'");
	}

	/**
	 * Over real HTTP, because the cookie is written by Spring Session's filter and Tomcat. The
	 * session starts with the login (an anonymous visit has none); before it, the login form's
	 * CSRF token is in a cookie just as guarded.
	 */
	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax(TestRecords records) {
		Account account = records.account("test-cookie");
		HttpBrowser browser = new HttpBrowser();
		HttpResponse<String> loginPage = browser.get(base() + "/login");
		assertThat(loginPage.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=")
				.contains("; HttpOnly", "; SameSite=Lax", "; Path=/"));

		HttpResponse<String> login = TestLogin.submitLogin(browser, base(), account.username(), account.password());
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("SESSION=")
			.contains("; HttpOnly", "; SameSite=Lax", "; Path=/"));
	}

	/**
	 * A session id planted before the login (in a cookie the victim's browser was given) never
	 * becomes the logged-in session: the login creates a session with an id of its own.
	 */
	@Test
	void loggingInGivesANewSessionIdSoAPlantedOneIsWorthless(TestRecords records) throws Exception {
		Account account = records.account("test-fixation");
		String planted = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		HttpBrowser browser = new HttpBrowser();
		browser.plantCookie(base(), "SESSION", planted);

		HttpResponse<String> login = TestLogin.logIn(browser, base(), account);
		assertThat(login.headers().firstValue("Location")).hasValue(base() + "/");
		String session = browser.cookie("SESSION").orElseThrow();
		assertThat(session).isNotEqualTo(planted);
		assertThat(get("/", "SESSION=" + session).statusCode()).isEqualTo(200);
		assertThat(get("/", "SESSION=" + planted).statusCode()).as("the planted id is not logged in").isEqualTo(302);
	}

	/**
	 * The redirect to the login page is relative: the client chooses the {@code Host} header, and
	 * it used to come back in {@code Location} ({@code http://evil.example/login}), fit to poison
	 * a shared cache. The page to return to after the login is remembered without it too.
	 */
	@Test
	void theRedirectToTheLoginPageNeverNamesTheHostTheClientSent(TestRecords records) throws Exception {
		String response = rawRequest("GET /fugitives?country=US HTTP/1.1\r\nHost: evil.example\r\n"
				+ "Accept: text/html\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 302").contains("\r\nLocation: /login\r\n").doesNotContain("evil");
		Matcher returnTo = Pattern.compile("Set-Cookie: RETURN_TO=([^;]+);").matcher(response);
		assertThat(returnTo.find()).isTrue();
		assertThat(new String(Base64.getUrlDecoder().decode(returnTo.group(1)), StandardCharsets.UTF_8))
			.isEqualTo("/fugitives?country=US");

		Account account = records.account("test-return");
		HttpBrowser browser = new HttpBrowser();
		assertThat(browser.get(base() + "/fugitives?country=US").statusCode()).isEqualTo(302);
		assertThat(TestLogin.logIn(browser, base(), account).headers().firstValue("Location"))
			.as("back to the page first asked for")
			.hasValue(base() + "/fugitives?country=US");
		assertThat(browser.cookie(ReturnPathRequestCache.COOKIE_NAME)).as("and only once").isEmpty();
	}

	private String rawRequest(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", cookie).build(),
					HttpResponse.BodyHandlers.ofString());
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
