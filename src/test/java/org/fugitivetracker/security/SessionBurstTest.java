package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.fugitivetracker.HttpBrowser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestLogin.Account;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sessions under a burst, over real HTTP and PostgreSQL (Spring Session JDBC): a browser that
 * logs in and then opens many pages at once (restoring its tabs) gets every one of them, each with
 * a CSRF token that works; page views rewrite none of the session's attributes; and anonymous
 * visitors store no session at all.
 */
@IntegrationTest
@SlowTest
class SessionBurstTest {

	static final int ROUNDS = 10;

	/** Sixteen pages, as sixteen tabs would ask for them. */
	static final List<String> PAGES = List.of("/", "/fugitives", "/cases", "/operations", "/figures", "/sources",
			"/fugitives/1", "/cases/1", "/operations/1", "/sources/1", "/account/password", "/fugitives?status=AT_LARGE",
			"/fugitives?country=US", "/cases?page=0", "/sources?page=0", "/api/v1/figures");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebApplicationContext context;

	@BeforeEach
	void applicationsOwnCsrfTokens() {
		RealCsrfTokens.restore(context);
	}

	/**
	 * 78 of 160 such requests answered 500 (each page inserted the session's new CSRF
	 * token into {@code SPRING_SESSION_ATTRIBUTES}, and all but one insert failed on its key).
	 */
	@Test
	void sixteenPagesAtOnceOnAFreshSessionAllLoadAndEveryTabsFormWorks(TestRecords records) throws Exception {
		Account user = records.account("test-burst");
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		ExecutorService tabs = Executors.newFixedThreadPool(PAGES.size());
		List<String> failures = new ArrayList<>();
		List<Long> millis = new ArrayList<>();
		int requests = 0;
		long started = System.nanoTime();
		try {
			for (int round = 1; round <= ROUNDS; round++) {
				HttpBrowser browser = new HttpBrowser();
				HttpResponse<String> login = TestLogin.logIn(browser, base(), user);
				assertThat(login.statusCode()).as("logged in, and the redirect not followed").isEqualTo(302);
				String session = browser.cookie("SESSION").orElseThrow();
				Map<String, String> before = attributeVersions(session);
				assertThat(before).as("the login response stored the CSRF token already")
					.containsKey("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN");

				CountDownLatch go = new CountDownLatch(1);
				ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
				List<CompletableFuture<String>> pages = new ArrayList<>();
				for (String page : PAGES) {
					requests++;
					pages.add(CompletableFuture.supplyAsync(() -> {
						try {
							go.await();
							long start = System.nanoTime();
							HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + page))
								.header("Cookie", "SESSION=" + session)
								.header("Accept", page.startsWith("/api/") ? "application/json" : "text/html")
								.timeout(Duration.ofSeconds(60))
								.build(), HttpResponse.BodyHandlers.ofString());
							synchronized (millis) {
								millis.add((System.nanoTime() - start) / 1_000_000);
							}
							HttpBrowser.csrfToken(response.body()).ifPresent(tokens::add);
							return response.statusCode() == 200 ? null : page + " -> " + response.statusCode();
						}
						catch (Exception ex) {
							return page + " -> " + ex;
						}
					}, tabs));
				}
				go.countDown();
				for (CompletableFuture<String> page : pages) {
					String failure = page.get();
					if (failure != null) {
						failures.add("round " + round + ": " + failure);
					}
				}
				assertThat(attributeVersions(session)).as("page views rewrote no session attribute").isEqualTo(before);

				// every tab's form posts: each page's token is the session's (masked differently per page)
				assertThat(tokens).hasSize(PAGES.size() - 1);
				for (String token : List.of(tokens.peek(), List.copyOf(tokens).get(tokens.size() - 1))) {
					HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base() + "/account/password"))
						.header("Cookie", "SESSION=" + session)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("currentPassword=x&newPassword=my-brand-new-password"
								+ "&confirmation=something-else&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
						.build(), HttpResponse.BodyHandlers.ofString());
					assertThat(post.statusCode()).as("a form of this round's tabs, CSRF accepted").isEqualTo(400);
					assertThat(post.body()).contains("The two passwords differ.");
				}
			}
		}
		finally {
			tabs.shutdownNow();
		}
		millis.sort(null);
		System.out.printf("SESSION BURST: %d rounds x %d pages at once on a fresh session = %d requests, %d failed; "
				+ "page time p50 %d ms, max %d ms; %d s in all%n", ROUNDS, PAGES.size(), requests, failures.size(),
				millis.get(millis.size() / 2), millis.get(millis.size() - 1),
				Duration.ofNanos(System.nanoTime() - started).toSeconds());
		assertThat(failures).isEmpty();
		assertThat(requests).isEqualTo(ROUNDS * PAGES.size());
	}

	/** Anonymous visits, the login page and a failed login included, leave no session row behind. */
	@Test
	void anonymousVisitsStoreNoSession() throws Exception {
		long started = System.currentTimeMillis();
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		List<String> sessionCookies = new ArrayList<>();
		for (String path : List.of("/", "/fugitives?country=US", "/login", "/login?error", "/login?logout", "/css/app.css",
				"/no-such-page", "/actuator/health", "/api/v1/figures", "/admin/users")) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
				.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isLessThan(500);
			response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).forEach(
					cookie -> sessionCookies.add(path + ": " + cookie));
		}
		HttpBrowser browser = new HttpBrowser();
		String nobody = TestLogin.name("test-nobody");
		HttpResponse<String> failed = TestLogin.logIn(browser, base(), nobody, "wrong-password");
		assertThat(failed.headers().firstValue("Location")).hasValue(base() + "/login?error");
		assertThat(browser.cookie("SESSION")).as("a failed login").isEmpty();
		assertThat(sessionCookies).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from spring_session where creation_time >= ?", Integer.class,
				started))
			.as("session rows created by anonymous visits")
			.isZero();
	}

	/** Each attribute of the session with its row version ({@code xmin}: it changes when the row is written). */
	private Map<String, String> attributeVersions(String cookie) {
		String sessionId = new String(java.util.Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
		Map<String, String> versions = new java.util.TreeMap<>();
		jdbc.query("select a.attribute_name, a.xmin::text as version from spring_session_attributes a "
				+ "join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?",
				rs -> {
					versions.put(rs.getString("attribute_name"), rs.getString("version"));
				}, sessionId);
		return versions;
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
