package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.fugitivetracker.HttpBrowser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestLogin.Account;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Administrators create accounts, disable and enable them and reset passwords (after giving their
 * own); everyone changes their own password.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UserAdministrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAdministration administration;

	@LocalServerPort
	int port;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void adminSeesTheAccountsAndTheCreateForm() {
		assertThat(mvc.get().uri("/admin/users").with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("<caption>Accounts that may log in</caption>", "investigator", "Administrator",
					"Create a user", "name=\"_csrf\"", "autocomplete=\"new-password\"");
		assertThat(mvc.get().uri("/admin/users?lang=zh-CN").with(TestLogin.ADMIN)).bodyText().contains("新建用户", "可以登录的账户");
	}

	@Test
	void onlyAdminsManageUsersAndEveryWriteNeedsTheCsrfToken() {
		assertThat(mvc.get().uri("/admin/users").with(TestLogin.someone("ANALYST"))).hasStatus(403);
		assertThat(mvc.post().uri("/admin/users").with(TestLogin.someone("INVESTIGATOR")).with(csrf())
			.param("username", "test-intruder").param("role", "ADMIN").param("password", "long-enough-password"))
			.hasStatus(403);
		assertThat(mvc.post().uri("/admin/users").with(TestLogin.ADMIN)
			.param("username", "test-nocsrf").param("role", "ADMIN").param("password", "long-enough-password"))
			.hasStatus(403);
		assertThat(accounts.existsByUsername("test-intruder") || accounts.existsByUsername("test-nocsrf")).isFalse();
		assertThat(mvc.get().uri("/admin/users")).hasStatus3xxRedirection();
	}

	@Test
	void createdUserCanLogInWithTheInitialPassword(CapturedOutput output) {
		String username = TestLogin.name("test-created");
		String password = TestLogin.password(username);
		assertThat(create(username, "ANALYST", password)).hasStatus3xxRedirection()
			.hasRedirectedUrl("/admin/users")
			.flash()
			.containsEntry("confirmation", "User " + username + " created.");

		UserAccount account = accounts.findByUsername(username).orElseThrow();
		assertThat(account.getRole()).isEqualTo(Role.ANALYST);
		assertThat(account.getPasswordHash()).startsWith("{bcrypt}");
		assertThat(TestLogin.logIn(mvc, username, password, TestLogin.address())).redirectedUrl().isEqualTo("/");
		assertThat(output.getAll()).contains("Account '" + username + "' (ANALYST) created by 'admin'")
			.doesNotContain(password);
	}

	@Test
	void invalidOrTakenInputIsShownBesideTheFieldAndNothingIsStored() {
		assertThat(create("investigator", "ADMIN", "long-enough-password")).hasStatus(400)
			.bodyText()
			.contains("This user name is already taken.")
			.doesNotContain("long-enough-password");
		assertThat(create("Bad Name!", "ADMIN", "long-enough-password")).hasStatus(400)
			.bodyText()
			.contains("2 to 64 characters: lower-case letters, digits, dot, dash or underscore.");
		assertThat(create("test-short-pw", "ADMIN", "too-short")).hasStatus(400)
			.bodyText()
			.contains("At least 12 characters and at most 72 bytes");
		assertThat(create("test-long-pw", "ADMIN", "密".repeat(25))).as("75 bytes: more than bcrypt reads")
			.hasStatus(400);
		assertThat(create("test-no-role", "", "long-enough-password")).hasStatus(400).bodyText().contains("Choose a role.");
		assertThat(create("test-bad-role", "ROOT", "long-enough-password")).hasStatus(400);
		assertThat(create("test-zh", "ADMIN", "short").param("lang", "zh-CN")).hasStatus(400)
			.bodyText()
			.contains("至少 12 个字符");
		assertThat(jdbc.queryForObject("select count(*) from user_account where username in "
				+ "('test-short-pw', 'test-long-pw', 'test-no-role', 'test-bad-role', 'test-zh')", Integer.class))
			.isZero();
	}

	@Test
	void resetPasswordReplacesItEndsTheUsersSessionsAndLiftsALock() {
		Account account = records.account("test-reset");
		String username = account.username();
		String oldPassword = account.password();
		long id = accounts.findByUsername(username).orElseThrow().getId();

		HttpBrowser loggedIn = new HttpBrowser();
		assertThat(TestLogin.logIn(loggedIn, base(), account).headers().firstValue("Location")).hasValue(base() + "/");
		String address = TestLogin.address();
		for (int i = 0; i < 5; i++) {
			TestLogin.logIn(mvc, username, "wrong-" + i, address);
		}
		assertThat(TestLogin.logIn(mvc, username, oldPassword, address)).redirectedUrl().isEqualTo("/login?locked=15");

		assertThat(mvc.get().uri("/admin/users/{id}/password", id).with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("Reset the password of " + username);
		assertThat(reset(id, "a-new-long-password", "a-different-one")).hasStatus(400)
			.bodyText()
			.contains("The two passwords differ.");
		assertThat(reset(id, "a-new-long-password", "a-new-long-password")).hasRedirectedUrl("/admin/users")
			.flash()
			.containsEntry("confirmation", "Password of " + username + " reset; their sessions have been ended.");

		assertThat(TestLogin.logIn(mvc, username, oldPassword, TestLogin.address()))
			.redirectedUrl()
			.isEqualTo("/login?error");
		assertThat(TestLogin.logIn(mvc, username, "a-new-long-password", TestLogin.address()))
			.redirectedUrl()
			.isEqualTo("/");
		assertThat(loggedIn.get(base() + "/").statusCode()).as("the user's open session has ended").isEqualTo(302);
	}

	@Test
	void aResetNeedsTheAdministratorsOwnPasswordAndAWrongOneCountsAsAFailedLogin() {
		Account account = records.account("test-reset-confirm");
		String username = account.username();
		long id = accounts.findByUsername(username).orElseThrow().getId();
		String address = TestLogin.address();
		assertThat(mvc.get().uri("/admin/users/{id}/password", id).with(TestLogin.ADMIN)).bodyText()
			.contains("name=\"adminPassword\"", "Your own password");
		assertThat(reset(id, "a-new-long-password", "a-new-long-password", "", address)).hasStatus(400)
			.bodyText()
			.contains("Enter your own password.");
		assertThat(reset(id, "a-new-long-password", "a-new-long-password", "not-the-admin-password", address))
			.hasStatus(400)
			.bodyText()
			.contains("This is not your password.")
			.doesNotContain("not-the-admin-password", "a-new-long-password");
		assertThat(TestLogin.logIn(mvc, account, TestLogin.address())).as("nothing was reset")
			.redirectedUrl()
			.isEqualTo("/");
		assertThat(jdbc.queryForObject("select failures from login_throttle where kind = 'PAIR' and throttle_key = ?",
				Integer.class, TestLogin.ADMIN.username() + " " + address))
			.as("counted against the administrator, from that address")
			.isOne();
		for (int i = 2; i <= 4; i++) {
			reset(id, "a-new-long-password", "a-new-long-password", "guess-" + i, address);
		}
		assertThat(reset(id, "a-new-long-password", "a-new-long-password", "guess-5", address)).hasStatus(429)
			.bodyText()
			.contains("Too many failed attempts; try again in 15 minutes.");
		assertThat(reset(id, "a-new-long-password", "a-new-long-password", TestLogin.ADMIN.password(), address))
			.as("locked from that address, even with the right password")
			.hasStatus(429);
	}

	@Test
	void aDisabledAccountCannotLogInAndItsSessionsEndAtOnce(CapturedOutput output) {
		Account account = records.account("test-disable");
		String username = account.username();
		long id = accounts.findByUsername(username).orElseThrow().getId();
		HttpBrowser browser = new HttpBrowser();
		TestLogin.logIn(browser, base(), account);
		assertThat(browser.get(base() + "/").statusCode()).isEqualTo(200);

		assertThat(mvc.get().uri("/admin/users").with(TestLogin.ADMIN)).bodyText()
			.contains("/admin/users/" + id + "/disable", "Disable the account " + username);
		assertThat(setEnabled(id, false, TestLogin.ADMIN.username())).hasRedirectedUrl("/admin/users")
			.flash()
			.containsEntry("confirmation", "Account " + username + " disabled; its sessions have been ended.");
		assertThat(browser.get(base() + "/").statusCode()).as("the open session has ended").isEqualTo(302);
		assertThat(TestLogin.logIn(mvc, account, TestLogin.address())).redirectedUrl().isEqualTo("/login?error");
		assertThat(mvc.get().uri("/").with(account.httpBasic())).hasStatus(401);
		assertThat(mvc.get().uri("/admin/users").with(TestLogin.ADMIN)).bodyText()
			.contains("/admin/users/" + id + "/enable", "Enable the account " + username);

		assertThat(setEnabled(id, true, TestLogin.ADMIN.username())).hasRedirectedUrl("/admin/users")
			.flash()
			.containsEntry("confirmation", "Account " + username + " enabled.");
		assertThat(TestLogin.logIn(mvc, account, TestLogin.address())).redirectedUrl().isEqualTo("/");
		assertThat(output.getAll()).contains("Account '" + username + "' disabled by 'admin'",
				"Account '" + username + "' enabled by 'admin'");
		assertThat(mvc.get().uri("/admin/users?lang=zh-CN").with(TestLogin.ADMIN)).bodyText().contains("停用账户 " + username);
	}

	@Test
	void nobodyDisablesTheirOwnAccountNorTheLastEnabledAdministrator() throws Exception {
		String first = records.account("test-admin-a", "ADMIN").username();
		String second = records.account("test-admin-b", "ADMIN").username();
		long firstId = accounts.findByUsername(first).orElseThrow().getId();
		long secondId = accounts.findByUsername(second).orElseThrow().getId();
		assertThat(setEnabled(firstId, false, first)).hasStatus(409)
			.bodyText()
			.contains("You cannot disable your own account.");

		// for the rest of this test, these two are the only enabled administrators
		List<Long> others = jdbc.queryForList("update user_account set enabled = false where role = 'ADMIN' and enabled "
				+ "and id not in (?, ?) returning id", Long.class, firstId, secondId);
		try {
			// two administrators disable each other at the same moment: one of them stays
			CountDownLatch start = new CountDownLatch(1);
			CompletableFuture<UserAdministration.EnabledChange> one = CompletableFuture.supplyAsync(() -> {
				await(start);
				return administration.setEnabled(secondId, false, first);
			});
			CompletableFuture<UserAdministration.EnabledChange> other = CompletableFuture.supplyAsync(() -> {
				await(start);
				return administration.setEnabled(firstId, false, second);
			});
			start.countDown();
			assertThat(List.of(one.get().outcome(), other.get().outcome())).containsExactlyInAnyOrder(
					UserAdministration.EnabledChange.Outcome.CHANGED, UserAdministration.EnabledChange.Outcome.LAST_ADMIN);
			assertThat(jdbc.queryForObject("select count(*) from user_account where role = 'ADMIN' and enabled",
					Integer.class)).isOne();

			long last = jdbc.queryForObject("select id from user_account where role = 'ADMIN' and enabled", Long.class);
			String lastName = last == firstId ? first : second;
			assertThat(setEnabled(last, false, "someone-else")).hasStatus(409)
				.bodyText()
				.contains(lastName + " is the last enabled administrator and cannot be disabled.");
		}
		finally {
			for (Long id : others) {
				jdbc.update("update user_account set enabled = true where id = ?", id);
			}
		}
	}

	@Test
	void unknownOrMalformedUserIdsAreNotFoundOrBadRequests() {
		assertThat(mvc.get().uri("/admin/users/999999999/password").with(TestLogin.ADMIN)).hasStatus(404);
		assertThat(reset(999_999_999L, "a-new-long-password", "a-new-long-password")).hasStatus(404);
		assertThat(mvc.get().uri("/admin/users/abc/password").with(TestLogin.ADMIN)).hasStatus(400);
	}

	@Test
	void usersChangeTheirOwnPasswordAndTheirOtherSessionsEnd(CapturedOutput output) {
		Account account = records.account("test-own");
		String username = account.username();
		String password = account.password();
		HttpBrowser here = new HttpBrowser();
		HttpBrowser elsewhere = new HttpBrowser();
		TestLogin.logIn(here, base(), account);
		TestLogin.logIn(elsewhere, base(), account);

		assertThat(here.get(base() + "/account/password").body()).contains("Change your password",
				"autocomplete=\"current-password\"");
		assertThat(here.post(base() + "/account/password", Map.of("currentPassword", "not-my-password",
				"newPassword", "my-brand-new-password", "confirmation", "my-brand-new-password")).body())
			.contains("This is not your current password.");
		assertThat(here.post(base() + "/account/password", Map.of("currentPassword", password, "newPassword",
				"my-brand-new-password", "confirmation", "something-else-entirely")).body())
			.contains("The two passwords differ.");
		assertThat(here.post(base() + "/account/password",
				Map.of("currentPassword", password, "newPassword", password, "confirmation", password)).body())
			.contains("The new password must differ from the current one.");

		var changed = here.post(base() + "/account/password", Map.of("currentPassword", password, "newPassword",
				"my-brand-new-password", "confirmation", "my-brand-new-password"));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(here.get(base() + "/account/password").body())
			.contains("Your password has been changed. Your other sessions have been ended.");
		assertThat(here.get(base() + "/").statusCode()).as("this session goes on").isEqualTo(200);
		assertThat(elsewhere.get(base() + "/").statusCode()).as("the other session has ended").isEqualTo(302);

		assertThat(TestLogin.logIn(mvc, username, password, TestLogin.address()))
			.redirectedUrl()
			.isEqualTo("/login?error");
		assertThat(TestLogin.logIn(mvc, username, "my-brand-new-password", TestLogin.address()))
			.redirectedUrl()
			.isEqualTo("/");
		assertThat(output.getAll()).contains("'" + username + "' changed their own password")
			.doesNotContain("my-brand-new-password")
			.doesNotContain(password);
	}

	@Test
	void guessingTheCurrentPasswordLocksLikeFailedLogins() {
		Account account = records.account("test-own-guess");
		String username = account.username();
		String address = TestLogin.address();
		for (int i = 1; i <= 4; i++) {
			assertThat(changeOwn(account, address, "guess-" + i)).hasStatus(400);
		}
		assertThat(changeOwn(account, address, "guess-5")).hasStatus(429)
			.bodyText()
			.contains("Too many failed attempts; try again in 15 minutes.");
		assertThat(changeOwn(account, address, account.password())).hasStatus(429);
		assertThat(TestLogin.logIn(mvc, account, address))
			.as("the same counters as logging in from that address")
			.redirectedUrl()
			.isEqualTo("/login?locked=15");
	}

	@Test
	void everyoneMayOpenTheirPasswordPageButNotAnonymously() {
		assertThat(mvc.get().uri("/account/password").with(TestLogin.someone("INVESTIGATOR"))).hasStatusOk();
		assertThat(mvc.get().uri("/account/password")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
		assertThat(mvc.get().uri("/").with(TestLogin.someone("INVESTIGATOR"))).bodyText()
			.contains("href=\"/account/password\"")
			.doesNotContain("href=\"/admin/users\"");
		assertThat(mvc.get().uri("/").with(TestLogin.ADMIN)).bodyText().contains("href=\"/admin/users\"");
	}

	private MvcTestResult changeOwn(RequestPostProcessor self, String address, String current) {
		return mvc.post()
			.uri("/account/password")
			.with(self)
			.with(csrf())
			.with(TestLogin.from(address))
			.param("currentPassword", current)
			.param("newPassword", "my-brand-new-password")
			.param("confirmation", "my-brand-new-password")
			.exchange();
	}

	private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder create(String username,
			String role, String password) {
		return mvc.post()
			.uri("/admin/users")
			.with(TestLogin.ADMIN)
			.with(csrf())
			.param("username", username)
			.param("role", role)
			.param("password", password);
	}

	private MvcTestResult reset(long id, String password, String confirmation) {
		return reset(id, password, confirmation, TestLogin.ADMIN.password(), TestLogin.address());
	}

	private MvcTestResult reset(long id, String password, String confirmation, String adminPassword, String address) {
		return mvc.post()
			.uri("/admin/users/{id}/password", id)
			.with(TestLogin.ADMIN)
			.with(csrf())
			.with(TestLogin.from(address))
			.param("password", password)
			.param("confirmation", confirmation)
			.param("adminPassword", adminPassword)
			.exchange();
	}

	private MvcTestResult setEnabled(long id, boolean enabled, String byAdmin) {
		return mvc.post()
			.uri("/admin/users/{id}/" + (enabled ? "enable" : "disable"), id)
			.with(TestLogin.as(byAdmin, "ADMIN"))
			.with(csrf())
			.exchange();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
