package org.fugitivetracker.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Twenty admins' scripts record events on the same fugitive at the same moment, over real HTTP,
 * each request its own transaction on real PostgreSQL. Every write is either acknowledged and
 * stored, or refused (409 for a stale version, 400 for a broken rule) with nothing stored; the
 * status stays the one the stored events give; no 5xx.
 */
@IntegrationTest
class ConcurrentRecordingTest {

	static final int THREADS = 20;

	static final int MAX_ATTEMPTS = 200;

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventRepository events;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void twentyThreadsRecordingOnOneFugitiveLoseNoUpdateAndLeaveTheStatusDerivedFromTheStoredEvents()
			throws Exception {
		long fugitive = records.fugitive("Test Fugitive Concurrency", "AT_LARGE");
		source = records.citableSource();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		CountDownLatch start = new CountDownLatch(1);
		AtomicInteger firstRoundSuccesses = new AtomicInteger();
		AtomicInteger firstRoundConflicts = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

		AtomicInteger firstRoundRefused = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> done = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < THREADS; i++) {
			int thread = i;
			// Mostly detentions; every fifth a surrender (a second return is refused while returned).
			String type = thread % 5 == 4 ? "SURRENDER" : "DETENTION";
			String date = "2020-01-%02d".formatted(thread + 1);
			done.add(pool.submit(() -> {
				long version = 0; // what every admin saw when they opened the form
				start.await();
				for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
					HttpResponse<String> response = http.send(request(fugitive, type, date, version, thread),
							HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
					JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
					switch (response.statusCode()) {
						case 201 -> {
							acknowledged.add(body.get("id").asLong());
							if (attempt == 0) {
								firstRoundSuccesses.incrementAndGet();
							}
							return null;
						}
						case 409 -> {
							conflicts.incrementAndGet();
							if (attempt == 0) {
								firstRoundConflicts.incrementAndGet();
							}
							version = body.get("currentVersion").asLong(); // reload, check, try again
							Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(5, 60));
						}
						case 400 -> {
							if (attempt == 0) {
								firstRoundRefused.incrementAndGet();
							}
							refused.add(type + " " + date + ": " + body.get("errors").get(0).get("code").asString());
							return null;
						}
						default -> {
							unexpected.add(response.statusCode() + " " + response.body());
							return null;
						}
					}
				}
				unexpected.add("gave up after " + MAX_ATTEMPTS + " attempts");
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get(5, TimeUnit.MINUTES);
		}
		pool.shutdown();
		long millis = (System.nanoTime() - started) / 1_000_000;

		List<Event> stored = events.findTimeline(fugitive);
		String status = jdbc.queryForObject("select status from fugitive where id = ?", String.class, fugitive);
		long version = jdbc.queryForObject("select version from fugitive where id = ?", Long.class, fugitive);
		System.out.printf("Concurrency: %d threads, %d acknowledged, %d refused by a rule %s, %d conflicts (409) "
				+ "in total (first round: %d succeeded, %d conflicted), final status %s, version %d, %d ms%n", THREADS,
				acknowledged.size(), refused.size(), refused, conflicts.get(), firstRoundSuccesses.get(),
				firstRoundConflicts.get(), status, version, millis);

		assertThat(unexpected).as("no 5xx, no other answer").isEmpty();
		assertThat(firstRoundSuccesses.get()).as("on one version exactly one writer wins").isOne();
		// a loser whose rule check already sees the winner's return is refused (400) rather than in conflict
		assertThat(firstRoundConflicts.get() + firstRoundRefused.get()).isEqualTo(THREADS - 1);
		assertThat(acknowledged.size() + refused.size()).isEqualTo(THREADS);
		assertThat(stored).extracting(Event::getId)
			.as("every acknowledged write is stored, and nothing else")
			.containsExactlyInAnyOrderElementsOf(acknowledged);
		assertThat(version).as("each acknowledged write moved the version on exactly once").isEqualTo(acknowledged.size());
		assertThat(status).isEqualTo(StatusFromEvents.derive(stored).name());
		assertThat(status).as("the latest dated event decides")
			.isEqualTo(stored.stream().max(StatusFromEvents.CHRONOLOGICAL).orElseThrow().getType().resultingStatus().name());
		assertThat(jdbc.queryForObject("select count(*) from event_aud a join event e on e.id = a.id "
				+ "where e.fugitive_id = ? and a.revtype = 0", Integer.class, fugitive))
			.as("each stored event is in the audit trail once")
			.isEqualTo(acknowledged.size());
		assertThat(jdbc.queryForObject("select count(*) from citation c join event e on e.id = c.event_id "
				+ "where e.fugitive_id = ?", Integer.class, fugitive))
			.as("each stored event has its citation, no orphan from a refused write")
			.isEqualTo(acknowledged.size());
	}

	private long source;

	private HttpRequest request(long fugitive, String type, String date, long version, int thread) {
		String body = """
				{"type": "%s", "date": "%s", "country": "US", "description": "Test concurrent write %d",
				 "sourceId": %d, "quote": "Test quote %d", "version": %d}""".formatted(type, date, thread, source, thread,
				version);
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/fugitives/" + fugitive + "/events"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", TestLogin.ADMIN.basicAuthorization())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
