package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.List;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestLogin.Account;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Failed logins lock an account name from one address (5 in 15 minutes) and a client address
 * (20), with a message, for form login and HTTP Basic alike; the account as a whole is only
 * delayed, progressively, and not at all for addresses it has logged in from. Every test uses its
 * own accounts and client addresses, so the shared database's other tests are never locked out.
 * (Simultaneous attempts, over real HTTP: {@link LoginConcurrencyTest}.)
 */
@IntegrationTest
class LoginThrottleTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LoginThrottle throttle;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void fiveWrongPasswordsLockTheNameFromThatAddressEvenForTheRightPassword() {
		Account user = records.account("test-throttle");
		String address = TestLogin.address();
		for (int i = 1; i <= 4; i++) {
			assertThat(TestLogin.logIn(mvc, user.username(), "wrong-password-" + i, address))
				.redirectedUrl()
				.isEqualTo("/login?error");
		}
		assertThat(TestLogin.logIn(mvc, user.username(), "wrong-password-5", address))
			.redirectedUrl()
			.isEqualTo("/login?locked=15");
		assertThat(TestLogin.logIn(mvc, user, address)).redirectedUrl().isEqualTo("/login?locked=15");

		assertThat(mvc.get().uri("/login?locked=15")).hasStatusOk()
			.bodyText()
			.contains("Too many failed attempts; try again in 15 minutes.");

		Account other = records.account("test-throttle-other");
		assertThat(TestLogin.logIn(mvc, other, address)).as("another account from that address is not affected")
			.redirectedUrl()
			.isEqualTo("/");
	}

	@Test
	void aStrangersFailuresOnlyDelayTheAccountAndNeverOnTheOwnersAddresses() {
		Account user = records.account("test-throttle-owner");
		String home = TestLogin.address();
		assertThat(TestLogin.logIn(mvc, user, home)).redirectedUrl().isEqualTo("/");

		// a stranger tries from five addresses, five guesses each; every attempt past the first
		// five of the account waits its delay (here: made to have passed, as if the stranger waited)
		int refused = 0;
		for (int source = 0; source < 5; source++) {
			String stranger = TestLogin.address();
			for (int i = 0; i < 5; i++) {
				delayPasses(user.username());
				String answer = TestLogin.logIn(mvc, user.username(), "guess-" + source + "-" + i, stranger)
					.getResponse()
					.getRedirectedUrl();
				if (!answer.equals("/login?error")) {
					refused++;
					assertThat(answer).startsWith("/login?");
				}
			}
			assertThat(TestLogin.logIn(mvc, user, stranger)).as("that pair is locked").redirectedUrl()
				.isEqualTo("/login?locked=15");
		}
		assertThat(refused).as("each stranger address locks on its fifth guess").isEqualTo(5);
		Integer failures = jdbc.queryForObject(
				"select failures from login_throttle where kind = 'ACCOUNT' and throttle_key = ?", Integer.class,
				user.username());
		assertThat(failures).isEqualTo(25);
		Double delay = jdbc.queryForObject("select extract(epoch from locked_until - now()) from login_throttle "
				+ "where kind = 'ACCOUNT' and throttle_key = ?", Double.class, user.username());
		assertThat(delay).as("the delay doubled with each failure past the fifth, up to 15 minutes").isBetween(890.0, 900.0);

		assertThat(TestLogin.logIn(mvc, user, home)).as("the owner, from where they logged in before")
			.redirectedUrl()
			.isEqualTo("/");
		assertThat(TestLogin.logIn(mvc, user, TestLogin.address())).as("the owner, from a new address, waits the delay")
			.redirectedUrl()
			.isEqualTo("/login?locked=15");
		delayPasses(user.username());
		assertThat(TestLogin.logIn(mvc, user, TestLogin.address())).as("and is let in once it has passed")
			.redirectedUrl()
			.isEqualTo("/");
	}

	@Test
	void theAccountDelayDoublesFromOneSecondAndIsShownInSeconds() {
		Account user = records.account("test-throttle-delay");
		List<Long> delays = new ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			delayPasses(user.username());
			TestLogin.logIn(mvc, user.username(), "guess-" + i, TestLogin.address());
			Long delay = jdbc.queryForObject("select coalesce(round(extract(epoch from locked_until - now())), 0)::bigint "
					+ "from login_throttle where kind = 'ACCOUNT' and throttle_key = ?", Long.class, user.username());
			delays.add(delay);
		}
		assertThat(delays).containsExactly(0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L);
		assertThat(TestLogin.logIn(mvc, user, TestLogin.address())).redirectedUrl().isEqualTo("/login?wait=8");
		assertThat(mvc.get().uri("/login?wait=8")).hasStatusOk()
			.bodyText()
			.contains("Too many failed attempts; try again in 8 seconds.");
		assertThat(throttle.accountDelay(30)).as("at most max-account-delay").hasMinutes(15);
	}

	@Test
	void theLockEndsAfterItsTimeAndASuccessForgetsThePairsFailures() {
		Account user = records.account("test-throttle-ends");
		String address = TestLogin.address();
		for (int i = 1; i <= 5; i++) {
			TestLogin.logIn(mvc, user.username(), "wrong-password-" + i, address);
		}
		assertThat(TestLogin.logIn(mvc, user, address)).redirectedUrl().startsWith("/login?locked=");

		// 15 minutes pass: the database clock is the throttle's clock, so the rows are made older
		jdbc.update("update login_throttle set locked_until = now() - interval '1 second', "
				+ "window_start = window_start - interval '16 minutes' where throttle_key in (?, ?, ?)",
				user.username(), address, user.username() + " " + address);

		assertThat(TestLogin.logIn(mvc, user, address)).redirectedUrl().isEqualTo("/");
		assertThat(jdbc.queryForObject("select failures from login_throttle where kind = 'PAIR' and throttle_key = ?",
				Integer.class, user.username() + " " + address))
			.as("a successful login forgets the failures from its address")
			.isZero();
		assertThat(TestLogin.logIn(mvc, user.username(), "wrong-again", address))
			.redirectedUrl()
			.isEqualTo("/login?error");
		assertThat(jdbc.queryForObject("select pending from login_throttle where kind = 'PAIR' and throttle_key = ?",
				Integer.class, user.username() + " " + address))
			.as("no attempt is left counted as being checked")
			.isZero();
	}

	@Test
	void twentyFailuresFromOneAddressLockThatAddressForEveryAccount() {
		String address = TestLogin.address();
		for (int i = 1; i <= 19; i++) {
			assertThat(TestLogin.logIn(mvc, TestLogin.name("test-nobody"), "guess", address)).redirectedUrl()
				.isEqualTo("/login?error");
		}
		assertThat(TestLogin.logIn(mvc, TestLogin.name("test-nobody"), "guess", address)).redirectedUrl()
			.isEqualTo("/login?locked=15");

		Account user = records.account("test-throttle-address");
		assertThat(TestLogin.logIn(mvc, user, address)).redirectedUrl().isEqualTo("/login?locked=15");
		assertThat(TestLogin.logIn(mvc, user, TestLogin.address())).as("from another address it works")
			.redirectedUrl()
			.isEqualTo("/");
	}

	@Test
	void httpBasicIsThrottledTooAndAnswers429WithRetryAfter() {
		Account user = records.account("test-throttle-basic");
		String address = TestLogin.address();
		for (int i = 1; i <= 4; i++) {
			assertThat(mvc.get()
				.uri("/api/anything")
				.with(httpBasic(user.username(), "wrong-" + i))
				.with(TestLogin.from(address)))
				.hasStatus(401);
		}
		MvcTestResult locked = mvc.get()
			.uri("/api/anything")
			.with(httpBasic(user.username(), "wrong-5"))
			.with(TestLogin.from(address))
			.exchange();
		assertThat(locked).hasStatus(429).headers().hasValue("Retry-After", "900");
		assertThat(mvc.get().uri("/").with(user.httpBasic()).with(TestLogin.from(address)))
			.hasStatus(429);

		jdbc.update("update login_throttle set locked_until = now() + interval '30 seconds' "
				+ "where kind = 'ACCOUNT' and throttle_key = ?", user.username());
		MvcTestResult delayed = mvc.get()
			.uri("/")
			.with(user.httpBasic())
			.with(TestLogin.from(TestLogin.address()))
			.exchange();
		assertThat(delayed).as("from elsewhere, the account's delay").hasStatus(429).headers().containsHeader("Retry-After");
		assertThat(Integer.parseInt(delayed.getResponse().getHeader("Retry-After"))).isBetween(28, 30);
		delayPasses(user.username());
		assertThat(mvc.get().uri("/").with(user.httpBasic()).with(TestLogin.from(TestLogin.address())))
			.hasStatus(200);
	}

	@Test
	void hostileNamesAndPasswordsAreRefusedPlainly() {
		String address = TestLogin.address();
		for (String name : List.of("admin\u0000", "x".repeat(10_000), "' or 1=1 --", "<script>alert(1)</script>",
				"ADMIN", "管理员", "")) {
			assertThat(TestLogin.logIn(mvc, name, "whatever", address)).redirectedUrl().isEqualTo("/login?error");
		}
		Account user = records.account("test-throttle-long");
		assertThat(TestLogin.logIn(mvc, user.username(), "p".repeat(500), TestLogin.address()))
			.redirectedUrl()
			.isEqualTo("/login?error");
		assertThat(TestLogin.logIn(mvc, user.username(), "密码\u0000\uD800", TestLogin.address()))
			.redirectedUrl()
			.isEqualTo("/login?error");
	}

	@Test
	void theThrottleMessagesAreTranslatedAndOddValuesAreHarmless() {
		assertThat(mvc.get().uri("/login?locked=3&lang=zh-CN")).hasStatusOk()
			.bodyText()
			.contains("登录失败次数过多，请在 3 分钟后重试。");
		assertThat(mvc.get().uri("/login?wait=4&lang=zh-CN")).hasStatusOk()
			.bodyText()
			.contains("登录失败次数过多，请在 4 秒后重试。");
		assertThat(mvc.get().uri("/login?locked=1")).bodyText().contains("try again in 1 minute.");
		assertThat(mvc.get().uri("/login?wait=1")).bodyText().contains("try again in 1 second.");
		assertThat(mvc.get().uri("/login?locked=<b>x</b>")).hasStatusOk()
			.bodyText()
			.contains("try again in 1 minute.")
			.doesNotContain("<b>x</b>");
		assertThat(mvc.get().uri("/login?locked=999999999999")).hasStatusOk().bodyText().contains("1 minute");
		assertThat(mvc.get().uri("/login?wait=9999")).hasStatusOk().bodyText().contains("59 seconds");
	}

	/** The account's current delay ends now (as if the one trying had waited it out). */
	private void delayPasses(String user) {
		jdbc.update("update login_throttle set locked_until = now() - interval '1 millisecond' "
				+ "where kind = 'ACCOUNT' and throttle_key = ? and locked_until > now()", user);
	}

}
