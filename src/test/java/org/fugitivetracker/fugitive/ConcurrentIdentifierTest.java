package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.fugitivetracker.HttpBrowser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two admins add the same number to two people at the same moment, over real HTTP, each request
 * its own transaction on real PostgreSQL: one is stored, the other is told who holds the number
 * (a field error on the form, a 409 problem from the API), never a 5xx, and the number is stored
 * once. When both pass the check before the write, the unique index refuses the later insert and
 * the refusal is read back by the index's name.
 */
@IntegrationTest
class ConcurrentIdentifierTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final int ROUNDS = 8;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void twoScriptsAddingTheSameNumberAtOnceOneWinsTheOtherGetsA409NamingTheHolder() throws Exception {
		records.citableSource(); // once, before the threads ask for it
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				String number = "Test-Race-" + round;
				long[] people = { records.fugitive("Test Racer A" + round, "AT_LARGE"),
						records.fugitive("Test Racer B" + round, "AT_LARGE") };
				CountDownLatch start = new CountDownLatch(1);
				List<Future<HttpResponse<String>>> answers = new ArrayList<>();
				for (long person : people) {
					answers.add(pool.submit(() -> {
						start.await();
						return http.send(apiAdd(person, number), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
					}));
				}
				start.countDown();
				List<HttpResponse<String>> responses = new ArrayList<>();
				for (Future<HttpResponse<String>> answer : answers) {
					responses.add(answer.get(30, TimeUnit.SECONDS));
				}
				assertThat(responses.stream().map(HttpResponse::statusCode).sorted().toList()).as("round " + round)
					.containsExactly(201, 409);
				long winner = jdbc.queryForObject("select fugitive_id from external_identifier where value = ?", Long.class,
						number);
				HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
				assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				JsonNode problem = JSON.readTree(refused.body());
				assertThat(problem.get("holder").get("id").asLong()).isEqualTo(winner);
				assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("value");
				assertThat(problem.get("errors").get(0).get("message").asString())
					.startsWith("This number is already recorded for Test Racer ");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void twoAdminsSendingTheFormAtOnceOneIsStoredTheOtherSeesTheFieldErrorWithALink() throws Exception {
		String base = "http://localhost:" + port;
		long first = records.fugitive("Test Form Racer One", "AT_LARGE");
		long second = records.fugitive("Test Form Racer Two", "AT_LARGE");
		long source = records.citableSource();
		List<HttpBrowser> admins = List.of(new HttpBrowser(), new HttpBrowser());
		long[] people = { first, second };
		for (int i = 0; i < 2; i++) {
			assertThat(TestLogin.logIn(admins.get(i), base, TestLogin.ADMIN).statusCode()).isEqualTo(302);
			assertThat(admins.get(i).get(base + "/fugitives/" + people[i] + "/identifiers").statusCode()).isEqualTo(200);
		}
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			HttpBrowser admin = admins.get(i);
			long person = people[i];
			answers.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
				return admin.post(base + "/fugitives/" + person + "/identifiers", Map.of("scheme", "PASSPORT", "value",
						"Test-Form-Race", "issuingCountry", "CA", "sourceId", String.valueOf(source), "quote",
						"Test: the same passport"));
			}));
		}
		start.countDown();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (CompletableFuture<HttpResponse<String>> answer : answers) {
			responses.add(answer.get(30, TimeUnit.SECONDS));
		}
		assertThat(responses.stream().map(HttpResponse::statusCode).sorted().toList()).containsExactly(302, 400);
		long winner = jdbc.queryForObject("select fugitive_id from external_identifier where value = 'Test-Form-Race'",
				Long.class);
		String winnerName = winner == first ? "Test Form Racer One" : "Test Form Racer Two";
		String page = responses.stream().filter(r -> r.statusCode() == 400).findFirst().orElseThrow().body();
		assertThat(page).contains("Number: This number is already recorded for " + winnerName)
			.contains("<a href=\"/fugitives/" + winner + "\">See the profile of " + winnerName + "</a>");
	}

	@Test
	void twoScriptsRemovingTheSameIdentifierAtOnceOneRemovesItTheOtherFindsItGone() throws Exception {
		long person = records.fugitive("Test Double Removal", "AT_LARGE");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		for (int round = 0; round < ROUNDS; round++) {
			records.identifier(person, "PASSPORT", "Test-Remove-" + round, "US");
			long id = jdbc.queryForObject("select id from external_identifier where value = ?", Long.class,
					"Test-Remove-" + round);
			HttpRequest remove = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/identifiers/" + id))
				.header("Authorization", TestLogin.ADMIN.basicAuthorization())
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.DELETE()
				.build();
			List<CompletableFuture<HttpResponse<String>>> answers = List.of(
					http.sendAsync(remove, HttpResponse.BodyHandlers.ofString()),
					http.sendAsync(remove, HttpResponse.BodyHandlers.ofString()));
			List<Integer> statuses = new ArrayList<>();
			for (CompletableFuture<HttpResponse<String>> answer : answers) {
				statuses.add(answer.get(30, TimeUnit.SECONDS).statusCode());
			}
			assertThat(statuses.stream().sorted().toList()).as("round " + round).containsExactly(204, 404);
			assertThat(jdbc.queryForList("select revtype from external_identifier_aud where id = ? order by rev",
					Integer.class, id)).as("removed once").containsExactly(2);
		}
	}

	/**
	 * The race made certain: another transaction holds the same number uncommitted while the
	 * request runs, so the request's check finds nothing and its insert waits on the unique index;
	 * once the other commits, the insert is refused and the answer names the other's person.
	 */
	@Test
	void anInsertRefusedByTheUniqueIndexIsAnsweredByTheIndexsName() throws Exception {
		long blocker = records.fugitive("Test Index Holder", "AT_LARGE");
		long person = records.fugitive("Test Index Loser", "AT_LARGE");
		long source = records.citableSource();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement insert = other.prepareStatement("insert into external_identifier (fugitive_id, scheme, "
					+ "value, issuing_country, source_id) values (?, 'PASSPORT', 'TEST-INDEX-RACE', 'US', ?)")) {
				insert.setLong(1, blocker);
				insert.setLong(2, source);
				insert.executeUpdate();
			}
			CompletableFuture<HttpResponse<String>> answer = http.sendAsync(apiAdd(person, "test-index-race"),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			waitUntilAnInsertWaitsForALock();
			other.commit();
			HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
			JsonNode problem = JSON.readTree(response.body());
			assertThat(problem.get("holder").get("id").asLong()).isEqualTo(blocker);
			assertThat(problem.get("holder").get("name").asString()).isEqualTo("Test Index Holder");
			assertThat(problem.get("type").asString()).isEqualTo("urn:fugitive-tracker:problem:held-by-another");
		}
		assertThat(jdbc.queryForObject("select count(*) from external_identifier where fugitive_id = ?", Integer.class,
				person)).isZero();
	}

	/** The application's insert waits on the index (its lock timeout is a second, so this looks often). */
	private void waitUntilAnInsertWaitsForALock() throws InterruptedException {
		for (int attempt = 0; attempt < 400; attempt++) {
			Integer waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
					+ "and query ilike 'insert into external_identifier%' and datname = current_database()", Integer.class);
			if (waiting != null && waiting > 0) {
				return;
			}
			Thread.sleep(5);
		}
		throw new AssertionError("the request's insert never waited for the other transaction");
	}

	private HttpRequest apiAdd(long person, String number) {
		String body = """
				{"scheme": "PASSPORT", "value": "%s", "issuingCountry": "US", "sourceId": %d,
				 "quote": "Test: the same passport number"}""".formatted(number, records.citableSource());
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/fugitives/" + person + "/identifiers"))
			.header("Authorization", TestLogin.ADMIN.basicAuthorization())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
