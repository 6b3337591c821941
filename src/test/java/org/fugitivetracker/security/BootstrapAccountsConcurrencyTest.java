package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two instances starting together on an empty database both try to create the bootstrap
 * accounts. The lock that serialises them is PostgreSQL's, so two threads of one JVM stand in
 * for two JVMs: exactly one creates the account, the other neither fails nor logs a password.
 */
@IntegrationTest
@SlowTest
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAccountsConcurrencyTest {

	@Autowired
	BootstrapAccounts bootstrapAccounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void twoInstancesStartingTogetherCreateTheAccountOnceAndLogOnePassword(CapturedOutput output) throws Exception {
		String username = TestLogin.name("test-bootstrap");
		CountDownLatch start = new CountDownLatch(1);
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		List<Thread> instances = List.of(instance(username, start, failures), instance(username, start, failures));
		instances.forEach(Thread::start);
		start.countDown();
		for (Thread instance : instances) {
			instance.join(30_000);
		}

		assertThat(failures).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from user_account where username = ?", Integer.class, username))
			.isOne();
		Matcher logged = Pattern.compile("'" + username + "' with generated password: (\\S+)").matcher(output.getOut());
		assertThat(logged.find()).isTrue();
		String password = logged.group(1);
		assertThat(logged.find()).as("only one password is logged").isFalse();
		assertThat(passwordEncoder.matches(password, jdbc.queryForObject(
				"select password_hash from user_account where username = ?", String.class, username)))
			.as("the logged password is the one stored")
			.isTrue();
	}

	/**
	 * Another instance holds the bootstrap lock for longer than a page may wait for a lock (1 s),
	 * as a slow start-up did: an instance whose accounts exist starts without waiting, and one that
	 * must create an account waits for its turn instead of failing to start.
	 */
	@Test
	void anInstanceWaitsForASlowStartUpInsteadOfFailing(TestRecords records) throws Exception {
		String username = TestLogin.name("test-bootstrap-slow");
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread other = new Thread(() -> records.withoutTimeLimits().execute((ConnectionCallback<Void>) connection -> {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.execute("select pg_advisory_xact_lock(" + 0x46554749L + ")");
				locked.countDown();
				release.await(30, TimeUnit.SECONDS);
				connection.rollback();
				connection.setAutoCommit(true);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return null;
		}));
		other.start();
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
		try {
			long started = System.nanoTime();
			bootstrapAccounts.ensureAccount("investigator", Role.INVESTIGATOR, null);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("an existing account takes no lock")
				.isLessThan(Duration.ofSeconds(1));

			List<Throwable> failures = new CopyOnWriteArrayList<>();
			CountDownLatch start = new CountDownLatch(1);
			Thread waiting = instance(username, start, failures);
			waiting.start();
			start.countDown();
			Thread.sleep(2_000); // longer than app.database.lock-timeout
			release.countDown();
			waiting.join(30_000);
			assertThat(failures).isEmpty();
			assertThat(jdbc.queryForObject("select count(*) from user_account where username = ?", Integer.class,
					username))
				.isOne();
		}
		finally {
			release.countDown();
			other.join(30_000);
		}
	}

	private Thread instance(String username, CountDownLatch start, List<Throwable> failures) {
		return new Thread(() -> {
			try {
				start.await();
				bootstrapAccounts.ensureAccount(username, Role.INVESTIGATOR, null);
			}
			catch (Throwable ex) {
				failures.add(ex);
			}
		});
	}

}
