package org.fugitivetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.fugitivetracker.AppInstance;
import org.fugitivetracker.HttpBrowser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestLogin.Account;
import org.fugitivetracker.TestRecords;
import org.fugitivetracker.security.UserAccount;
import org.fugitivetracker.security.UserAccountRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two instances on one database serve one user interchangeably, as behind a round-robin load
 * balancer: instance A is the test context's server, instance B a second application started
 * here. One {@link Browser} talks to both (cookies are per host, not per port, as in a browser).
 * Last, B is shut down while a request is in flight, and the request still completes.
 */
@IntegrationTest
@SlowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	UserAccountRepository accounts;

	AppInstance b;

	@BeforeAll
	void startSecondInstance() {
		b = AppInstance.start(AppInstance.Database.of(dataSource), List.of(SlowEndpoint.class));
	}

	@AfterAll
	void stopSecondInstance() {
		if (b != null) {
			b.close();
		}
	}

	@Test
	@Order(1)
	void aSessionStartedOnOneInstanceIsServedByTheOtherAndEndsOnBoth(TestRecords records) {
		Account user = records.account("test-scale");
		HttpBrowser browser = new HttpBrowser();
		assertThat(TestLogin.logIn(browser, a(""), user).statusCode()).isEqualTo(302);

		HttpResponse<String> onB = browser.get(b.url("/"));
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("Signed in as " + user.username());
		assertThat(browser.get(b.url("/account/password")).statusCode()).isEqualTo(200);
		assertThat(browser.get(a("/")).statusCode()).isEqualTo(200);

		assertThat(browser.post(b.url("/logout"), Map.of()).headers().firstValue("Location"))
			.hasValue(b.url("/login?logout"));
		assertThat(browser.get(a("/")).statusCode()).as("logged out on B means logged out on A").isEqualTo(302);
	}

	@Test
	@Order(2)
	void aConfirmationAfterAWriteOnOneInstanceIsShownByTheOther() {
		HttpBrowser admin = new HttpBrowser();
		TestLogin.logIn(admin, a(""), TestLogin.ADMIN);
		admin.get(a("/admin/users"));
		String onB = TestLogin.name("test-scale-b");
		String onA = TestLogin.name("test-scale-a");

		HttpResponse<String> created = admin.post(b.url("/admin/users"),
				Map.of("username", onB, "role", "INVESTIGATOR", "password", TestLogin.password(onB)));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(admin.get(a("/admin/users")).body()).as("the flash message lives in the shared session")
			.contains("User " + onB + " created.");
		assertThat(admin.post(a("/admin/users"),
				Map.of("username", onA, "role", "INVESTIGATOR", "password", TestLogin.password(onA))).statusCode())
			.isEqualTo(302);

		UserAccount first = accounts.findByUsername(onB).orElseThrow();
		UserAccount second = accounts.findByUsername(onA).orElseThrow();
		assertThat(first.getId()).as("ids come from the database, not from either JVM").isLessThan(second.getId());
	}

	@Test
	@Order(3)
	void failedLoginsOnBothInstancesAddUpToOneLock(TestRecords records) {
		Account user = records.account("test-scale-lock");
		HttpBrowser browser = new HttpBrowser();
		for (int i = 1; i <= 5; i++) {
			String instance = i % 2 == 0 ? b.url("") : a("");
			HttpResponse<String> failed = TestLogin.logIn(browser, instance, user.username(), "wrong-" + i);
			assertThat(failed.headers().firstValue("Location").orElseThrow())
				.endsWith(i < 5 ? "/login?error" : "/login?locked=15");
		}
		assertThat(TestLogin.logIn(browser, a(""), user).headers().firstValue("Location"))
			.hasValue(a("/login?locked=15"));
		assertThat(TestLogin.logIn(browser, b.url(""), user).headers().firstValue("Location"))
			.hasValue(b.url("/login?locked=15"));
	}

	@Test
	@Order(4)
	void shuttingDownLetsTheRequestInFlightFinish() throws Exception {
		SlowEndpoint.entered = new CountDownLatch(1);
		String basic = TestLogin.INVESTIGATOR.basicAuthorization();
		CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create(b.url("/test/slow"))).header("Authorization", basic).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(SlowEndpoint.entered.await(30, TimeUnit.SECONDS)).as("the slow request has started").isTrue();

		AppInstance closing = b;
		String loginOnB = b.url("/login");
		b = null;
		long start = System.nanoTime();
		Thread shutdown = new Thread(closing::close, "shutdown-b");
		shutdown.start();

		HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("finished");
		shutdown.join(30_000);
		assertThat(shutdown.isAlive()).isFalse();
		System.out.printf("GRACEFUL SHUTDOWN: the request in flight finished with %d; shutdown took %d ms%n",
				response.statusCode(), Duration.ofNanos(System.nanoTime() - start).toMillis());
		assertThatThrownBy(() -> HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(loginOnB)).build(), HttpResponse.BodyHandlers.ofString()))
			.isInstanceOf(IOException.class);
	}

	private String a(String path) {
		return "http://localhost:" + port + path;
	}

	/** Only in instance B: a request that takes 2 seconds, to be in flight during shutdown. */
	@RestController
	static class SlowEndpoint {

		static volatile CountDownLatch entered = new CountDownLatch(1);

		@GetMapping("/test/slow")
		String slow() throws InterruptedException {
			entered.countDown();
			Thread.sleep(2000);
			return "finished";
		}

	}

}
