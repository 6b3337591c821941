package org.fugitivetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.fugitivetracker.AppInstance;
import org.fugitivetracker.HttpBrowser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Someone holds {@code LOCK TABLE fugitive IN ACCESS EXCLUSIVE MODE} for 15 s while 16
 * users keep reloading the list of fugitives (each reloads the moment an answer comes, more than
 * the pool has connections). Before the time limits, the waiting requests held every pooled
 * connection for the whole 15 s and every page, the login page and health included, answered 503
 * "cannot be reached". Now the list answers 503 "busy" with Retry-After within the statement
 * timeout, the login page, the sources and health answer 200 within 2 s throughout, and the list
 * answers again once the lock is gone. Over real HTTP, on the application's own configuration
 * (a pool of 10, lock timeout 2 s).
 */
@IntegrationTest
@SlowTest
class LockedTableTest {

	private static final Duration LOCK_HELD = Duration.ofSeconds(15);

	private static final int BLOCKED_CLIENTS = 16;

	private static final Duration PROBE_LIMIT = Duration.ofSeconds(2);

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Value("${app.database.statement-timeout}")
	Duration statementTimeout;

	@Test
	void aLockedTableAnswersBusyWhileEveryOtherPageKeepsWorking() throws Exception {
		String base = "http://localhost:" + port;
		List<HttpBrowser> readers = new ArrayList<>();
		for (int i = 0; i < BLOCKED_CLIENTS + 1; i++) {
			HttpBrowser reader = new HttpBrowser();
			assertThat(TestLogin.logIn(reader, base, TestLogin.INVESTIGATOR).statusCode()).isEqualTo(302);
			assertThat(reader.get(base + "/fugitives").statusCode()).isEqualTo(200);
			readers.add(reader);
		}
		HttpBrowser sourcesReader = readers.remove(readers.size() - 1);

		List<Answer> blocked = new CopyOnWriteArrayList<>();
		long lockedAt;
		Map<String, List<Answer>> probes = new ConcurrentHashMap<>();
		AtomicBoolean locked = new AtomicBoolean();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> threads = new ArrayList<>();
		try (Connection holder = lockHolder()) {
			try (Statement statement = holder.createStatement()) {
				statement.execute("LOCK TABLE fugitive IN ACCESS EXCLUSIVE MODE");
			}
			locked.set(true);
			lockedAt = System.nanoTime();
			for (HttpBrowser reader : readers) {
				threads.add(loop(running, () -> blocked.add(Answer.of(() -> reader.get(base + "/fugitives"), locked))));
			}
			threads.add(loop(running, () -> probe(probes, "/login", () -> new HttpBrowser().get(base + "/login"))));
			threads.add(loop(running, () -> probe(probes, "/sources", () -> sourcesReader.get(base + "/sources"))));
			threads.add(loop(running, () -> probe(probes, "/actuator/health",
					() -> new HttpBrowser().get(base + "/actuator/health", "application/json"))));

			Thread.sleep(LOCK_HELD.toMillis());
			holder.rollback();
			locked.set(false);
			System.out.printf("LOCKED TABLE: lock held %d ms%n", Duration.ofNanos(System.nanoTime() - lockedAt).toMillis());
		}
		finally {
			Thread.sleep(3000); // the clients see the table come back
			running.set(false);
			for (Thread thread : threads) {
				thread.join(30_000);
			}
		}

		List<Answer> duringLock = blocked.stream().filter(Answer::duringLock).toList();
		List<Answer> afterLock = blocked.stream().filter(answer -> !answer.duringLock()).toList();
		System.out.printf("LOCKED TABLE: /fugitives by %d clients while locked: %d answers, %s; slowest %d ms, "
				+ "median %d ms (statement timeout %d ms)%n", BLOCKED_CLIENTS, duringLock.size(), statuses(duringLock),
				slowest(duringLock), median(duringLock), statementTimeout.toMillis());
		System.out.printf("LOCKED TABLE: /fugitives after the lock: %d answers, %s%n", afterLock.size(),
				statuses(afterLock));
		probes.forEach((path, answers) -> answers.stream().filter(a -> a.millis() > 1000).forEach(a -> System.out.printf(
				"LOCKED TABLE: slow %s at %d ms: %d ms%n", path, a.startedAt(), a.millis())));
		System.out.printf("LOCKED TABLE: lock from %d ms%n", (lockedAt - Answer.EPOCH) / 1_000_000);
		probes.forEach((path, answers) -> System.out.printf(
				"LOCKED TABLE: %s while locked: %d answers, %s; slowest %d ms, median %d ms (limit %d ms)%n", path,
				answers.size(), statuses(answers), slowest(answers), median(answers), PROBE_LIMIT.toMillis()));

		assertThat(duringLock).as("list requests while the table was locked").hasSizeGreaterThanOrEqualTo(BLOCKED_CLIENTS);
		assertThat(duringLock).filteredOn(answer -> answer.status() == 503)
			.as("the list answers busy while the table is locked")
			.isNotEmpty()
			.allSatisfy(answer -> {
				assertThat(answer.retryAfter()).isEqualTo("5");
				assertThat(answer.body()).contains("The database is busy right now.").doesNotContain("cannot be reached");
			});
		assertThat(duringLock).allSatisfy(answer -> {
			assertThat(answer.status()).as("status of a list request while locked").isEqualTo(503);
			assertThat(answer.millis()).as("a blocked request answers within the statement timeout")
				.isLessThan(statementTimeout.toMillis());
		});
		assertThat(afterLock).as("the list works again once the lock is gone")
			.anySatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
		assertThat(probes.keySet()).containsExactlyInAnyOrder("/login", "/sources", "/actuator/health");
		probes.forEach((path, answers) -> assertThat(answers).as(path + " while the table was locked")
			.hasSizeGreaterThanOrEqualTo(5)
			.allSatisfy(answer -> {
				assertThat(answer.status()).as(path).isEqualTo(200);
				assertThat(answer.millis()).as(path + " answer time").isLessThanOrEqualTo(PROBE_LIMIT.toMillis());
			}));
		assertThat(new HttpBrowser().get(base + "/actuator/health", "application/json").body()).contains("\"UP\"");
	}

	private void probe(Map<String, List<Answer>> probes, String path, Supplier<HttpResponse<String>> request) {
		Answer answer = Answer.of(request, new AtomicBoolean(true));
		probes.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(answer);
		sleep(200);
	}

	/** The lock holder: a plain JDBC connection of its own, outside the application's pool. */
	private Connection lockHolder() throws Exception {
		AppInstance.Database database = AppInstance.Database.of(dataSource);
		Properties properties = new Properties();
		properties.setProperty("user", database.username());
		if (database.password() != null) {
			properties.setProperty("password", database.password());
		}
		Connection connection = DriverManager.getConnection(database.url(), properties);
		connection.setAutoCommit(false);
		return connection;
	}

	private static Thread loop(AtomicBoolean running, Runnable step) {
		Thread thread = new Thread(() -> {
			while (running.get()) {
				step.run();
			}
		});
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static String statuses(List<Answer> answers) {
		Map<Integer, Long> counts = new java.util.TreeMap<>();
		answers.forEach(answer -> counts.merge(answer.status(), 1L, Long::sum));
		return counts.entrySet().stream().map(e -> e.getValue() + "×" + e.getKey()).toList().toString();
	}

	private static long slowest(List<Answer> answers) {
		return answers.stream().mapToLong(Answer::millis).max().orElse(0);
	}

	private static long median(List<Answer> answers) {
		List<Long> sorted = answers.stream().map(Answer::millis).sorted(Comparator.naturalOrder()).toList();
		return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One answer, how long it took, and whether the table was locked for all of it. */
	record Answer(int status, long millis, String retryAfter, String body, boolean duringLock, long startedAt) {

		static final long EPOCH = System.nanoTime();

		static Answer of(Supplier<HttpResponse<String>> request, AtomicBoolean locked) {
			boolean lockedAtStart = locked.get();
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = request.get();
				return new Answer(response.statusCode(), Duration.ofNanos(System.nanoTime() - start).toMillis(),
						response.headers().firstValue("Retry-After").orElse(null), response.body(),
						lockedAtStart && locked.get(), (start - EPOCH) / 1_000_000);
			}
			catch (UncheckedIOException ex) {
				return new Answer(-1, Duration.ofNanos(System.nanoTime() - start).toMillis(), null, ex.toString(),
						lockedAtStart && locked.get(), (start - EPOCH) / 1_000_000);
			}
		}

	}

}
