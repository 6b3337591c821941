package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.fugitivetracker.AppInstance;
import org.fugitivetracker.HttpBrowser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestLogin.Account;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Password guessing in parallel, over real HTTP against a second instance of the application on
 * the test database. That instance trusts {@code X-Forwarded-For} (as behind the load balancer of
 * the README), so each test chooses the client addresses it attacks from. What was checked is read
 * from the instance's {@code app.login.attempts} counter (passwords checked, right or wrong).
 * <p>
 * The lock was checked, then bcrypt ran, then the failure was counted, so simultaneous
 * guesses all passed the check (47 of 64 checked, and the right one at position 60 accepted).
 */
@IntegrationTest
@SlowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginConcurrencyTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	AppInstance app;

	MeterRegistry meters;

	final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	final ExecutorService clients = Executors.newFixedThreadPool(80);

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@BeforeAll
	void startInstance() {
		app = AppInstance.start(AppInstance.Database.of(dataSource), List.of(), "--server.forward-headers-strategy=native");
		meters = app.context().getBean(MeterRegistry.class);
	}

	@AfterAll
	void stopInstance() {
		clients.shutdownNow();
		if (app != null) {
			app.close();
		}
	}

	@Test
	void sixtyFourSimultaneousGuessesCheckAtMostFivePasswordsAndTheRightOneIsRefused() throws Exception {
		Account user = records.account("test-parallel-basic");
		String address = TestLogin.address();
		int right = 59; // the 60th
		double before = checked();
		Burst burst = burst(64, right, user.username(),
				i -> sending(basic(user.username(), i == right ? user.password() : "wrong-" + i, address)));
		double checked = checked() - before;
		System.out.printf("PARALLEL GUESSES (HTTP Basic, one address): %d at once, %.0f passwords checked, answers %s, "
				+ "the right one (60th) %d, %d ms%n", 64, checked, burst.statuses(), burst.status(right), burst.millis());

		assertThat(checked).as("passwords checked").isLessThanOrEqualTo(5);
		assertThat(burst.statuses()).containsOnlyKeys(401, 429);
		assertThat(burst.status(right)).as("the right password, after the limit was reached").isEqualTo(429);
		HttpResponse<String> again = sending(basic(user.username(), user.password(), address)).call();
		assertThat(again.statusCode()).as("and again, until the window ends").isEqualTo(429);
		assertThat(Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow())).isBetween(880L, 900L);

		// the window ends (the database clock is the throttle's, so the rows are made older)
		jdbc.update("update login_throttle set locked_until = now() - interval '1 second', window_start = window_start "
				+ "- interval '16 minutes' where throttle_key in (?, ?, ?)", user.username(), address,
				user.username() + " " + address);
		assertThat(http.send(basic(user.username(), user.password(), address), HttpResponse.BodyHandlers.ofString())
			.statusCode()).as("once the window has ended").isEqualTo(200);
	}

	@Test
	void thirtySimultaneousFormLoginsCheckAtMostFivePasswords() throws Exception {
		Account user = records.account("test-parallel-form");
		String address = TestLogin.address();
		int right = 27;
		List<HttpBrowser> forms = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			HttpBrowser form = new HttpBrowser(Duration.ofSeconds(60)).header("X-Forwarded-For", address);
			form.get(app.url("/login"));
			forms.add(form);
		}
		double before = checked();
		Burst burst = burst(30, right, user.username(), i -> () -> TestLogin.submitLogin(forms.get(i), app.url(""),
				user.username(), i == right ? user.password() : "wrong-" + i));
		double checked = checked() - before;
		System.out.printf("PARALLEL GUESSES (form login, one address): %d at once, %.0f passwords checked, "
				+ "answers %s, the right one -> %s, %d ms%n", 30, checked, burst.locations(), burst.location(right),
				burst.millis());
		assertThat(checked).isLessThanOrEqualTo(5);
		assertThat(burst.location(right)).as("the right password").endsWith("/login?locked=15");
		assertThat(burst.locations().keySet()).allMatch(location -> location.endsWith("/login?error")
				|| location.endsWith("/login?locked=15"));
	}

	@Test
	void fortySimultaneousNamesFromOneAddressCheckAtMostTwentyPasswords() throws Exception {
		String address = TestLogin.address();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			names.add(TestLogin.name("test-spray"));
		}
		double before = checked();
		Burst burst = burst(40, -1, null, i -> sending(basic(names.get(i), "Spring2016!", address)));
		double checked = checked() - before;
		System.out.printf("PARALLEL SPRAY (HTTP Basic, 40 names, one address): %.0f passwords checked, answers %s, %d ms%n",
				checked, burst.statuses(), burst.millis());
		assertThat(checked).isLessThanOrEqualTo(20);
		assertThat(burst.statuses()).containsOnlyKeys(401, 429);
	}

	/**
	 * A stranger guessing from eight addresses at once (80 wrong passwords) neither locks the
	 * owner out of an address they have used nor, from a new one, for longer than the account's
	 * current delay.
	 */
	@Test
	void aStrangersGuessesDoNotKeepTheOwnerOut() throws Exception {
		Account user = records.account("test-parallel-owner");
		String home = TestLogin.address();
		assertThat(http.send(basic(user.username(), user.password(), home), HttpResponse.BodyHandlers.ofString())
			.statusCode()).as("the owner, as every day").isEqualTo(200);

		List<String> strangers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			strangers.add(TestLogin.address());
		}
		double before = checked();
		Burst burst = burst(80, -1, user.username(),
				i -> sending(basic(user.username(), "guess-" + i, strangers.get(i % strangers.size()))));
		double checked = checked() - before;

		long start = System.nanoTime();
		HttpResponse<String> fromHome = http.send(basic(user.username(), user.password(), home),
				HttpResponse.BodyHandlers.ofString());
		long homeMillis = (System.nanoTime() - start) / 1_000_000;
		HttpResponse<String> fromElsewhere = http.send(basic(user.username(), user.password(), TestLogin.address()),
				HttpResponse.BodyHandlers.ofString());
		String retryAfter = fromElsewhere.headers().firstValue("Retry-After").orElse("-");
		System.out.printf("STRANGER vs OWNER: %d guesses at once from %d addresses, %.0f checked, answers %s; owner "
				+ "from home %d in %d ms; from a new address %d (Retry-After %s s)%n", 80, strangers.size(), checked,
				burst.statuses(), fromHome.statusCode(), homeMillis, fromElsewhere.statusCode(), retryAfter);

		assertThat(checked).as("the account-wide limit, then one at a time after each delay").isLessThanOrEqualTo(10);
		assertThat(fromHome.statusCode()).isEqualTo(200);
		if (fromElsewhere.statusCode() == 429) {
			long wait = Long.parseLong(retryAfter);
			assertThat(wait).as("only the account's current, short delay").isLessThanOrEqualTo(60);
			Thread.sleep(TimeUnit.SECONDS.toMillis(wait) + 200);
			assertThat(sending(basic(user.username(), user.password(), TestLogin.address())).call()
				.statusCode()).as("after the delay, from a new address").isEqualTo(200);
		}
		else {
			assertThat(fromElsewhere.statusCode()).isEqualTo(200);
		}
	}

	/** The requests, sent at once; the one at {@code gated} (if any) only once the limit is taken by the others. */
	private Burst burst(int count, int gated, String user, IntFunction<Callable<HttpResponse<String>>> request)
			throws Exception {
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			Callable<HttpResponse<String>> built = request.apply(i);
			answers.add(CompletableFuture.supplyAsync(() -> {
				try {
					go.await();
					if (index == gated) {
						awaitLimitTaken(user);
					}
					return built.call();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, clients));
		}
		long start = System.nanoTime();
		go.countDown();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (CompletableFuture<HttpResponse<String>> answer : answers) {
			responses.add(answer.get(120, TimeUnit.SECONDS));
		}
		return new Burst(responses, (System.nanoTime() - start) / 1_000_000);
	}

	/** Waits until the account's attempts being checked or failed reach the limit (the 60th guess arrives late). */
	private void awaitLimitTaken(String user) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			Integer taken = jdbc.queryForObject("select coalesce(max(failures + pending), 0) + coalesce(max(case when "
					+ "locked_until > now() then 5 else 0 end), 0) from login_throttle where kind = 'PAIR' and "
					+ "starts_with(throttle_key, ?)", Integer.class, user + " ");
			if (taken != null && taken >= 5) {
				return;
			}
			Thread.sleep(5);
		}
	}

	record Burst(List<HttpResponse<String>> responses, long millis) {

		Map<Integer, Integer> statuses() {
			Map<Integer, Integer> statuses = new TreeMap<>();
			responses.forEach(response -> statuses.merge(response.statusCode(), 1, Integer::sum));
			return statuses;
		}

		int status(int index) {
			return responses.get(index).statusCode();
		}

		Map<String, Integer> locations() {
			Map<String, Integer> locations = new TreeMap<>();
			responses.forEach(response -> locations.merge(location(response), 1, Integer::sum));
			return locations;
		}

		String location(int index) {
			return location(responses.get(index));
		}

		private static String location(HttpResponse<String> response) {
			return response.statusCode() + " " + response.headers().firstValue("Location").orElse("");
		}

	}

	private Callable<HttpResponse<String>> sending(HttpRequest request) {
		return () -> http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest basic(String username, String password, String address) {
		return HttpRequest.newBuilder(URI.create(app.url("/api/v1/figures")))
			.header("Authorization", TestLogin.basicAuthorization(username, password))
			.header("X-Forwarded-For", address)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(60))
			.build();
	}

	/** Passwords the instance has checked so far (right or wrong). */
	private double checked() {
		return meters.counter("app.login.attempts", "outcome", "right").count()
				+ meters.counter("app.login.attempts", "outcome", "wrong").count();
	}

}
