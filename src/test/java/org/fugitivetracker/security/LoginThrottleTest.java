package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.List;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Failed logins lock the account name (5 in 15 minutes) and the client address (20), with a
 * message, for form login and HTTP Basic alike. Every test uses its own accounts and a client
 * address of its own, so the shared database's other tests are never locked out.
 */
@IntegrationTest
class LoginThrottleTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	private final List<String> keys = new ArrayList<>();

	@AfterEach
	void forgetThrottleRows() {
		keys.forEach(key -> jdbc.update("delete from login_throttle where throttle_key = ?", key));
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightPasswordAndFromElsewhere() {
		String user = account("test-throttle");
		String address = address();
		for (int i = 1; i <= 4; i++) {
			assertThat(login(user, "wrong-password-" + i, address)).redirectedUrl().isEqualTo("/login?error");
		}
		assertThat(login(user, "wrong-password-5", address)).redirectedUrl().isEqualTo("/login?locked=15");
		assertThat(login(user, TestUsers.password(user), address)).redirectedUrl().isEqualTo("/login?locked=15");
		assertThat(login(user, TestUsers.password(user), address())).as("the account is locked, not only the address")
			.redirectedUrl()
			.isEqualTo("/login?locked=15");

		assertThat(mvc.get().uri("/login?locked=15")).hasStatusOk()
			.bodyText()
			.contains("Too many failed attempts; try again in 15 minutes.");

		String other = account("test-throttle-other");
		assertThat(login(other, TestUsers.password(other), address())).as("another account is not affected")
			.redirectedUrl()
			.isEqualTo("/");
	}

	@Test
	void theLockEndsAfterItsTimeAndASuccessForgetsTheFailures() {
		String user = account("test-throttle-ends");
		String address = address();
		for (int i = 1; i <= 5; i++) {
			login(user, "wrong-password-" + i, address);
		}
		assertThat(login(user, TestUsers.password(user), address)).redirectedUrl().startsWith("/login?locked=");

		// 15 minutes pass: the database clock is the throttle's clock, so the rows are made older
		jdbc.update("update login_throttle set locked_until = now() - interval '1 second', "
				+ "window_start = window_start - interval '16 minutes' where throttle_key in (?, ?)", user, address);

		assertThat(login(user, TestUsers.password(user), address)).redirectedUrl().isEqualTo("/");
		assertThat(jdbc.queryForObject("select count(*) from login_throttle where kind = 'ACCOUNT' and throttle_key = ?",
				Integer.class, user))
			.as("a successful login forgets the account's failures")
			.isZero();
		assertThat(login(user, "wrong-again", address)).redirectedUrl().isEqualTo("/login?error");
	}

	@Test
	void twentyFailuresFromOneAddressLockThatAddressForEveryAccount() {
		String address = address();
		for (int i = 1; i <= 19; i++) {
			assertThat(login(TestUsers.name("test-nobody"), "guess", address)).redirectedUrl()
				.isEqualTo("/login?error");
		}
		assertThat(login(TestUsers.name("test-nobody"), "guess", address)).redirectedUrl()
			.isEqualTo("/login?locked=15");

		String user = account("test-throttle-address");
		assertThat(login(user, TestUsers.password(user), address)).redirectedUrl().isEqualTo("/login?locked=15");
		assertThat(login(user, TestUsers.password(user), address())).as("from another address it works")
			.redirectedUrl()
			.isEqualTo("/");
	}

	@Test
	void httpBasicIsThrottledTooAndAnswers429WithRetryAfter() {
		String user = account("test-throttle-basic");
		String address = address();
		for (int i = 1; i <= 4; i++) {
			assertThat(mvc.get().uri("/api/anything").with(httpBasic(user, "wrong-" + i)).with(from(address)))
				.hasStatus(401);
		}
		MvcTestResult locked = mvc.get().uri("/api/anything").with(httpBasic(user, "wrong-5")).with(from(address)).exchange();
		assertThat(locked).hasStatus(429).headers().hasValue("Retry-After", "900");
		assertThat(mvc.get().uri("/").with(httpBasic(user, TestUsers.password(user))).with(from(address())))
			.hasStatus(429);
	}

	@Test
	void hostileNamesAndPasswordsAreRefusedPlainly() {
		String address = address();
		for (String name : List.of("admin\u0000", "x".repeat(10_000), "' or 1=1 --", "<script>alert(1)</script>",
				"ADMIN", "管理员", "")) {
			assertThat(login(name, "whatever", address)).redirectedUrl().isEqualTo("/login?error");
		}
		String user = account("test-throttle-long");
		assertThat(login(user, "p".repeat(500), address())).redirectedUrl().isEqualTo("/login?error");
		assertThat(login(user, "密码\u0000\uD800", address())).redirectedUrl().isEqualTo("/login?error");
	}

	@Test
	void theLockMessageIsTranslatedAndOddValuesAreHarmless() {
		assertThat(mvc.get().uri("/login?locked=3&lang=zh-CN")).hasStatusOk()
			.bodyText()
			.contains("登录失败次数过多，请在 3 分钟后重试。");
		assertThat(mvc.get().uri("/login?locked=1")).bodyText().contains("try again in 1 minute.");
		assertThat(mvc.get().uri("/login?locked=<b>x</b>")).hasStatusOk()
			.bodyText()
			.contains("try again in 1 minute.")
			.doesNotContain("<b>x</b>");
		assertThat(mvc.get().uri("/login?locked=999999999999")).hasStatusOk().bodyText().contains("1 minute");
	}

	private MvcTestResult login(String username, String password, String address) {
		return mvc.post()
			.uri("/login")
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(address))
			.exchange();
	}

	private String account(String prefix) {
		String username = TestUsers.name(prefix);
		accounts.save(new UserAccount(username, passwordEncoder.encode(TestUsers.password(username)), Role.INVESTIGATOR));
		keys.add(username);
		return username;
	}

	private String address() {
		String address = TestUsers.address();
		keys.add(address);
		return address;
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
