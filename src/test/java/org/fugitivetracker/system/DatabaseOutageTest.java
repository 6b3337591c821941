package org.fugitivetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.fugitivetracker.AppInstance;
import org.fugitivetracker.HttpBrowser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * PostgreSQL goes away while administrators are creating accounts, and comes back. An instance
 * of the application reaches the database only through a TCP proxy this test controls; the test
 * context checks the database directly. While the proxy is cut, pages answer the friendly 503 and
 * health says DOWN; after it is restored the application serves again within 5 seconds; every
 * account whose creation was acknowledged (302) is stored, and every stored one is complete. The
 * same when the database hangs instead (connections stay open and nothing comes back): the time
 * limits turn every wait into a 503 within seconds, where requests used to wait for ever.
 */
@IntegrationTest
@SlowTest
class DatabaseOutageTest {

	private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)");

	private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(5);

	private static final Duration OUTAGE = Duration.ofSeconds(7);

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void anOutageAnswers503ThenRecoversWithinFiveSecondsAndLosesNoAcknowledgedWrite() throws Exception {
		AppInstance.Database database = AppInstance.Database.of(dataSource);
		Matcher url = POSTGRES_URL.matcher(database.url());
		assertThat(url.matches()).as(database.url()).isTrue();
		String prefix = TestLogin.name("test-outage");

		try (TcpProxy proxy = new TcpProxy(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)));
				AppInstance app = AppInstance.start(
						database.withUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + url.group(3)), List.of(),
						"--spring.datasource.hikari.connection-timeout=1000",
						"--spring.datasource.hikari.validation-timeout=500")) {

			HttpBrowser reader = adminOn(app);
			Writers writers = new Writers(app, prefix, 2);
			writers.start();
			writers.awaitAcknowledged(3, Duration.ofSeconds(20));

			// cut during traffic; the very next page is the friendly 503
			proxy.cut();
			long cut = System.nanoTime();
			int acknowledgedBeforeCut = writers.acknowledged.size();
			HttpResponse<String> page = reader.get(app.url("/"));
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.body()).contains("Temporarily unavailable",
					"The database cannot be reached right now. Please try again in a moment.")
				.doesNotContain("Exception", "at org.", "SQL", "Hikari");
			assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
			assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
			HttpResponse<String> health = new HttpBrowser().get(app.url("/actuator/health"), "application/json");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"status\":\"DOWN\"");
			assertThat(reader.get(app.url("/admin/users?lang=zh-CN")).body()).contains("暂时无法使用");
			// long enough for the pool's own retry pause to reach its 5 s maximum
			Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - cut).toMillis()));

			// restore and measure until a logged-in page answers again
			proxy.restore();
			long restored = System.nanoTime();
			awaitStatus(reader, app.url("/"), 200, Duration.ofSeconds(30));
			Duration recovery = Duration.ofNanos(System.nanoTime() - restored);
			assertThat(new HttpBrowser().get(app.url("/actuator/health"), "application/json").statusCode()).isEqualTo(200);
			int acknowledgedAtRestore = writers.acknowledged.size();
			writers.awaitAcknowledged(acknowledgedAtRestore + 2, Duration.ofSeconds(20));
			writers.stop();

			// every acknowledged write is there, and everything there is whole
			List<Map<String, Object>> stored = jdbc.queryForList(
					"select username, role, enabled, password_hash from user_account where username like ?", prefix + "-%");
			Set<String> storedNames = ConcurrentHashMap.newKeySet();
			for (Map<String, Object> row : stored) {
				String username = (String) row.get("username");
				storedNames.add(username);
				assertThat(writers.attempted).as("only attempted accounts exist").contains(username);
				assertThat(row.get("role")).isEqualTo("INVESTIGATOR");
				assertThat(row.get("enabled")).isEqualTo(true);
				assertThat(passwordEncoder.matches(TestLogin.password(username), (String) row.get("password_hash")))
					.as("the stored hash of " + username + " is whole")
					.isTrue();
			}
			List<String> lost = writers.acknowledged.stream().filter(name -> !storedNames.contains(name)).toList();

			System.out.printf("DATABASE OUTAGE: writes acknowledged=%d (before the cut %d), found=%d, lost=%d; "
					+ "stored although not acknowledged=%d; 503 answers to writers=%d, broken connections=%d; "
					+ "outage %d ms, recovery after restore=%d ms (limit %d ms)%n", writers.acknowledged.size(),
					acknowledgedBeforeCut, writers.acknowledged.size() - lost.size(), lost.size(),
					storedNames.size() - (writers.acknowledged.size() - lost.size()), writers.unavailable.get(),
					writers.broken.get(), OUTAGE.toMillis(), recovery.toMillis(), RECOVERY_LIMIT.toMillis());

			assertThat(lost).as("acknowledged writes lost").isEmpty();
			assertThat(acknowledgedBeforeCut).isPositive();
			assertThat(writers.unavailable.get()).as("writers met the outage as 503").isPositive();
			assertThat(writers.unexpected).as("answers other than 302 and 503").isEmpty();
			assertThat(recovery).isLessThanOrEqualTo(RECOVERY_LIMIT);
		}
	}

	/** The database stops answering without closing anything (a frozen server, a dead network path). */
	@Test
	void aHangingDatabaseAnswers503WithinTheTimeLimitsThenRecoversAndLosesNoAcknowledgedWrite() throws Exception {
		AppInstance.Database database = AppInstance.Database.of(dataSource);
		Matcher url = POSTGRES_URL.matcher(database.url());
		assertThat(url.matches()).as(database.url()).isTrue();
		String prefix = TestLogin.name("test-hang");
		// the application's limits, shortened so that the test does not wait 15 s for each
		Duration socketTimeout = Duration.ofSeconds(3);
		Duration connectionTimeout = Duration.ofSeconds(1);
		Duration answerLimit = socketTimeout.plus(connectionTimeout).plusSeconds(2);

		try (TcpProxy proxy = new TcpProxy(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)));
				AppInstance app = AppInstance.start(
						database.withUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + url.group(3)), List.of(),
						"--spring.datasource.hikari.connection-timeout=" + connectionTimeout.toMillis(),
						"--spring.datasource.hikari.validation-timeout=500", "--app.database.lock-timeout=1s",
						"--app.database.statement-timeout=2s", "--app.database.socket-timeout=" + socketTimeout.toSeconds() + "s")) {

			HttpBrowser reader = adminOn(app);
			Writers writers = new Writers(app, prefix, 2);
			writers.start();
			writers.awaitAcknowledged(3, Duration.ofSeconds(20));

			proxy.hang();
			long hung = System.nanoTime();
			int acknowledgedBeforeHang = writers.acknowledged.size();
			List<Long> pageMillis = new ArrayList<>();
			List<Long> healthMillis = new ArrayList<>();
			Set<Integer> pageStatuses = new java.util.TreeSet<>();
			Set<Integer> healthStatuses = new java.util.TreeSet<>();
			while (Duration.ofNanos(System.nanoTime() - hung).compareTo(OUTAGE) < 0) {
				long start = System.nanoTime();
				HttpResponse<String> page = reader.get(app.url("/"));
				pageMillis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
				pageStatuses.add(page.statusCode());
				if (page.statusCode() == 503) {
					assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
					assertThat(page.body()).contains("Please try again in a moment.").doesNotContain("Exception", "SQL");
				}
				start = System.nanoTime();
				HttpResponse<String> health = new HttpBrowser().get(app.url("/actuator/health"), "application/json");
				healthMillis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
				healthStatuses.add(health.statusCode());
			}
			int unavailableDuringHang = writers.unavailable.get();

			proxy.restore();
			long restored = System.nanoTime();
			awaitStatus(reader, app.url("/"), 200, Duration.ofSeconds(30));
			Duration recovery = Duration.ofNanos(System.nanoTime() - restored);
			assertThat(new HttpBrowser().get(app.url("/actuator/health"), "application/json").statusCode()).isEqualTo(200);
			writers.awaitAcknowledged(writers.acknowledged.size() + 2, Duration.ofSeconds(20));
			writers.stop();

			Set<String> stored = new java.util.HashSet<>(jdbc.queryForList(
					"select username from user_account where username like ?", String.class, prefix + "-%"));
			List<String> lost = writers.acknowledged.stream().filter(name -> !stored.contains(name)).toList();
			long slowestPage = pageMillis.stream().mapToLong(Long::longValue).max().orElse(0);
			long slowestHealth = healthMillis.stream().mapToLong(Long::longValue).max().orElse(0);
			System.out.printf("HANGING DATABASE: hang %d ms; pages %d (statuses %s, slowest %d ms), health %d "
					+ "(statuses %s, slowest %d ms), limit %d ms; writes acknowledged=%d (before the hang %d), lost=%d; "
					+ "503 answers to writers=%d (during the hang %d), broken connections=%d; "
					+ "recovery after restore=%d ms (limit %d ms)%n", OUTAGE.toMillis(), pageMillis.size(), pageStatuses,
					slowestPage, healthMillis.size(), healthStatuses, slowestHealth, answerLimit.toMillis(),
					writers.acknowledged.size(), acknowledgedBeforeHang, lost.size(), writers.unavailable.get(),
					unavailableDuringHang, writers.broken.get(), recovery.toMillis(), RECOVERY_LIMIT.toMillis());

			assertThat(pageStatuses).as("pages while the database hangs").contains(503).isSubsetOf(200, 503);
			assertThat(slowestPage).as("no page waits beyond the time limits").isLessThanOrEqualTo(answerLimit.toMillis());
			assertThat(healthStatuses).as("health while the database hangs").contains(503).isSubsetOf(200, 503);
			assertThat(slowestHealth).as("health answers within its own limits").isLessThanOrEqualTo(3000);
			assertThat(unavailableDuringHang).as("writers met the hang as 503").isPositive();
			assertThat(writers.unexpected).as("answers other than 302 and 503").isEmpty();
			assertThat(writers.broken.get()).as("requests left without an answer").isZero();
			assertThat(lost).as("acknowledged writes lost").isEmpty();
			assertThat(recovery).isLessThanOrEqualTo(RECOVERY_LIMIT);
		}
	}

	private static HttpBrowser adminOn(AppInstance app) {
		HttpBrowser browser = new HttpBrowser();
		assertThat(TestLogin.logIn(browser, app.url(""), TestLogin.ADMIN).statusCode()).isEqualTo(302);
		assertThat(browser.get(app.url("/admin/users")).statusCode()).isEqualTo(200);
		return browser;
	}

	private static HttpResponse<String> awaitStatus(HttpBrowser browser, String url, int status, Duration limit)
			throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (true) {
			try {
				HttpResponse<String> response = browser.get(url);
				if (response.statusCode() == status || System.nanoTime() > deadline) {
					assertThat(response.statusCode()).as(url).isEqualTo(status);
					return response;
				}
			}
			catch (UncheckedIOException ex) {
				assertThat(System.nanoTime()).as("no answer from " + url + ": " + ex).isLessThan(deadline);
			}
			Thread.sleep(50);
		}
	}

	/** Administrators creating accounts as fast as they can, each in their own session. */
	private static final class Writers {

		final Set<String> attempted = ConcurrentHashMap.newKeySet();

		final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

		final List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();

		final AtomicInteger unavailable = new AtomicInteger();

		final AtomicInteger broken = new AtomicInteger();

		private final AtomicInteger sequence = new AtomicInteger();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final List<Thread> threads = new ArrayList<>();

		Writers(AppInstance app, String prefix, int count) {
			for (int i = 0; i < count; i++) {
				HttpBrowser browser = adminOn(app);
				Thread thread = new Thread(() -> write(app, browser, prefix), "outage-writer-" + i);
				thread.setDaemon(true);
				threads.add(thread);
			}
		}

		void start() {
			threads.forEach(Thread::start);
		}

		void awaitAcknowledged(int count, Duration limit) throws InterruptedException {
			long deadline = System.nanoTime() + limit.toNanos();
			while (acknowledged.size() < count) {
				assertThat(System.nanoTime()).as("writers acknowledged only " + acknowledged.size()).isLessThan(deadline);
				Thread.sleep(20);
			}
		}

		void stop() throws InterruptedException {
			running.set(false);
			for (Thread thread : threads) {
				thread.join(30_000);
			}
		}

		private void write(AppInstance app, HttpBrowser browser, String prefix) {
			while (running.get()) {
				String username = prefix + "-" + sequence.incrementAndGet();
				attempted.add(username);
				try {
					HttpResponse<String> response = browser.post(app.url("/admin/users"), Map.of("username", username,
							"role", "INVESTIGATOR", "password", TestLogin.password(username)));
					if (response.statusCode() == 302
							&& response.headers().firstValue("Location").orElse("").endsWith("/admin/users")) {
						acknowledged.add(username);
					}
					else if (response.statusCode() == 503) {
						unavailable.incrementAndGet();
					}
					else {
						unexpected.add(response.statusCode() + " for " + username);
					}
				}
				catch (UncheckedIOException ex) {
					broken.incrementAndGet();
				}
			}
		}

	}

}
