package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fugitivetracker.security.LoginThrottleTest.from;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.fugitivetracker.Browser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestAccounts;
import org.fugitivetracker.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
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

	private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAdministration administration;

	@LocalServerPort
	int port;

	@Test
	void adminSeesTheAccountsAndTheCreateForm() {
		assertThat(mvc.get().uri("/admin/users").with(ADMIN)).hasStatusOk()
			.bodyText()
			.contains("<caption>Accounts that may log in</caption>", "investigator", "Administrator",
					"Create a user", "name=\"_csrf\"", "autocomplete=\"new-password\"");
		assertThat(mvc.get().uri("/admin/users?lang=zh-CN").with(ADMIN)).bodyText().contains("新建用户", "可以登录的账户");
	}

	@Test
	void onlyAdminsManageUsersAndEveryWriteNeedsTheCsrfToken() {
		assertThat(mvc.get().uri("/admin/users").with(user("a").roles("ANALYST"))).hasStatus(403);
		assertThat(mvc.post().uri("/admin/users").with(user("i").roles("INVESTIGATOR")).with(csrf())
			.param("username", "test-intruder").param("role", "ADMIN").param("password", "long-enough-password"))
			.hasStatus(403);
		assertThat(mvc.post().uri("/admin/users").with(ADMIN)
			.param("username", "test-nocsrf").param("role", "ADMIN").param("password", "long-enough-password"))
			.hasStatus(403);
		assertThat(accounts.existsByUsername("test-intruder") || accounts.existsByUsername("test-nocsrf")).isFalse();
		assertThat(mvc.get().uri("/admin/users")).hasStatus3xxRedirection();
	}

	@Test
	void createdUserCanLogInWithTheInitialPassword(CapturedOutput output) {
		String username = TestUsers.name("test-created");
		String password = TestUsers.password(username);
		assertThat(create(username, "ANALYST", password)).hasStatus3xxRedirection()
			.hasRedirectedUrl("/admin/users")
			.flash()
			.containsEntry("confirmation", "User " + username + " created.");

		UserAccount account = accounts.findByUsername(username).orElseThrow();
		assertThat(account.getRole()).isEqualTo(Role.ANALYST);
		assertThat(account.getPasswordHash()).startsWith("{bcrypt}");
		assertThat(login(username, password)).redirectedUrl().isEqualTo("/");
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
		String username = account("test-reset");
		String oldPassword = TestUsers.password(username);
		long id = accounts.findByUsername(username).orElseThrow().getId();

		Browser loggedIn = new Browser();
		assertThat(loggedIn.logIn(base(), username, oldPassword).headers().firstValue("Location")).hasValue(base() + "/");
		String address = TestUsers.address();
		for (int i = 0; i < 5; i++) {
			login(username, "wrong-" + i, address);
		}
		assertThat(login(username, oldPassword, address)).redirectedUrl().isEqualTo("/login?locked=15");

		assertThat(mvc.get().uri("/admin/users/{id}/password", id).with(ADMIN)).hasStatusOk()
			.bodyText()
			.contains("Reset the password of " + username);
		assertThat(reset(id, "a-new-long-password", "a-different-one")).hasStatus(400)
			.bodyText()
			.contains("The two passwords differ.");
		assertThat(reset(id, "a-new-long-password", "a-new-long-password")).hasRedirectedUrl("/admin/users")
			.flash()
			.containsEntry("confirmation", "Password of " + username + " reset; their sessions have been ended.");

		assertThat(login(username, oldPassword, TestUsers.address())).redirectedUrl().isEqualTo("/login?error");
		assertThat(login(username, "a-new-long-password", TestUsers.address())).redirectedUrl().isEqualTo("/");
		assertThat(loggedIn.get(base() + "/").statusCode()).as("the user's open session has ended").isEqualTo(302);
	}

	@Test
	void aResetNeedsTheAdministratorsOwnPasswordAndAWrongOneCountsAsAFailedLogin() {
		String username = account("test-reset-confirm");
		long id = accounts.findByUsername(username).orElseThrow().getId();
		String address = TestUsers.address();
		jdbc.update("delete from login_throttle where kind = 'ACCOUNT' and throttle_key = 'admin'");
		assertThat(mvc.get().uri("/admin/users/{id}/password", id).with(ADMIN)).bodyText()
			.contains("name=\"adminPassword\"", "Your own password");
		assertThat(reset(id, "a-new-long-password", "a-new-long-password", "", address)).hasStatus(400)
			.bodyText()
			.contains("Enter your own password.");
		assertThat(reset(id, "a-new-long-password", "a-new-long-password", "not-the-admin-password", address))
			.hasStatus(400)
			.bodyText()
			.contains("This is not your password.")
			.doesNotContain("not-the-admin-password", "a-new-long-password");
		assertThat(login(username, TestUsers.password(username), TestUsers.address())).as("nothing was reset")
			.redirectedUrl()
			.isEqualTo("/");
		assertThat(jdbc.queryForObject("select failures from login_throttle where kind = 'PAIR' and throttle_key = ?",
				Integer.class, "admin " + address))
			.as("counted against the administrator, from that address")
			.isOne();
		for (int i = 2; i <= 4; i++) {
			reset(id, "a-new-long-password", "a-new-long-password", "guess-" + i, address);
		}
		assertThat(reset(id, "a-new-long-password", "a-new-long-password", "guess-5", address)).hasStatus(429)
			.bodyText()
			.contains("Too many failed attempts; try again in 15 minutes.");
		assertThat(reset(id, "a-new-long-password", "a-new-long-password", TestAccounts.ADMIN_PASSWORD, address))
			.as("locked from that address, even with the right password")
			.hasStatus(429);
		jdbc.update("delete from login_throttle where throttle_key in (?, ?)", "admin " + address, address);
		jdbc.update("delete from login_throttle where kind = 'ACCOUNT' and throttle_key = 'admin'");
	}

	@Test
	void aDisabledAccountCannotLogInAndItsSessionsEndAtOnce(CapturedOutput output) {
		String username = account("test-disable");
		long id = accounts.findByUsername(username).orElseThrow().getId();
		Browser browser = new Browser();
		browser.logIn(base(), username, TestUsers.password(username));
		assertThat(browser.get(base() + "/").statusCode()).isEqualTo(200);

		assertThat(mvc.get().uri("/admin/users").with(ADMIN)).bodyText()
			.contains("/admin/users/" + id + "/disable", "Disable the account " + username);
		assertThat(setEnabled(id, false, "admin")).hasRedirectedUrl("/admin/users")
			.flash()
			.containsEntry("confirmation", "Account " + username + " disabled; its sessions have been ended.");
		assertThat(browser.get(base() + "/").statusCode()).as("the open session has ended").isEqualTo(302);
		assertThat(login(username, TestUsers.password(username))).redirectedUrl().isEqualTo("/login?error");
		assertThat(mvc.get().uri("/").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.httpBasic(username, TestUsers.password(username)))).hasStatus(401);
		assertThat(mvc.get().uri("/admin/users").with(ADMIN)).bodyText()
			.contains("/admin/users/" + id + "/enable", "Enable the account " + username);

		assertThat(setEnabled(id, true, "admin")).hasRedirectedUrl("/admin/users")
			.flash()
			.containsEntry("confirmation", "Account " + username + " enabled.");
		assertThat(login(username, TestUsers.password(username))).redirectedUrl().isEqualTo("/");
		assertThat(output.getAll()).contains("Account '" + username + "' disabled by 'admin'",
				"Account '" + username + "' enabled by 'admin'");
		assertThat(mvc.get().uri("/admin/users?lang=zh-CN").with(ADMIN)).bodyText().contains("停用账户 " + username);
	}

	@Test
	void nobodyDisablesTheirOwnAccountNorTheLastEnabledAdministrator() throws Exception {
		String first = account("test-admin-a", Role.ADMIN);
		String second = account("test-admin-b", Role.ADMIN);
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
		assertThat(mvc.get().uri("/admin/users/999999999/password").with(ADMIN)).hasStatus(404);
		assertThat(reset(999_999_999L, "a-new-long-password", "a-new-long-password")).hasStatus(404);
		assertThat(mvc.get().uri("/admin/users/abc/password").with(ADMIN)).hasStatus(400);
	}

	@Test
	void usersChangeTheirOwnPasswordAndTheirOtherSessionsEnd(CapturedOutput output) {
		String username = account("test-own");
		String password = TestUsers.password(username);
		Browser here = new Browser();
		Browser elsewhere = new Browser();
		here.logIn(base(), username, password);
		elsewhere.logIn(base(), username, password);

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

		assertThat(login(username, password, TestUsers.address())).redirectedUrl().isEqualTo("/login?error");
		assertThat(login(username, "my-brand-new-password", TestUsers.address())).redirectedUrl().isEqualTo("/");
		assertThat(output.getAll()).contains("'" + username + "' changed their own password")
			.doesNotContain("my-brand-new-password")
			.doesNotContain(password);
	}

	@Test
	void guessingTheCurrentPasswordLocksLikeFailedLogins() {
		String username = account("test-own-guess");
		String address = TestUsers.address();
		RequestPostProcessor self = user(username).roles("INVESTIGATOR");
		for (int i = 1; i <= 4; i++) {
			assertThat(changeOwn(self, address, "guess-" + i)).hasStatus(400);
		}
		assertThat(changeOwn(self, address, "guess-5")).hasStatus(429)
			.bodyText()
			.contains("Too many failed attempts; try again in 15 minutes.");
		assertThat(changeOwn(self, address, TestUsers.password(username))).hasStatus(429);
		assertThat(login(username, TestUsers.password(username), address))
			.as("the same counters as logging in from that address")
			.redirectedUrl()
			.isEqualTo("/login?locked=15");
		jdbc.update("delete from login_throttle where throttle_key in (?, ?, ?)", username, address,
				username + " " + address);
	}

	@Test
	void everyoneMayOpenTheirPasswordPageButNotAnonymously() {
		assertThat(mvc.get().uri("/account/password").with(user("i").roles("INVESTIGATOR"))).hasStatusOk();
		assertThat(mvc.get().uri("/account/password")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
		assertThat(mvc.get().uri("/").with(user("i").roles("INVESTIGATOR"))).bodyText()
			.contains("href=\"/account/password\"")
			.doesNotContain("href=\"/admin/users\"");
		assertThat(mvc.get().uri("/").with(ADMIN)).bodyText().contains("href=\"/admin/users\"");
	}

	private MvcTestResult changeOwn(RequestPostProcessor self, String address, String current) {
		return mvc.post()
			.uri("/account/password")
			.with(self)
			.with(csrf())
			.with(from(address))
			.param("currentPassword", current)
			.param("newPassword", "my-brand-new-password")
			.param("confirmation", "my-brand-new-password")
			.exchange();
	}

	private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder create(String username,
			String role, String password) {
		return mvc.post()
			.uri("/admin/users")
			.with(ADMIN)
			.with(csrf())
			.param("username", username)
			.param("role", role)
			.param("password", password);
	}

	private MvcTestResult reset(long id, String password, String confirmation) {
		return reset(id, password, confirmation, TestAccounts.ADMIN_PASSWORD, TestUsers.address());
	}

	private MvcTestResult reset(long id, String password, String confirmation, String adminPassword, String address) {
		return mvc.post()
			.uri("/admin/users/{id}/password", id)
			.with(ADMIN)
			.with(csrf())
			.with(from(address))
			.param("password", password)
			.param("confirmation", confirmation)
			.param("adminPassword", adminPassword)
			.exchange();
	}

	private MvcTestResult setEnabled(long id, boolean enabled, String byAdmin) {
		return mvc.post()
			.uri("/admin/users/{id}/" + (enabled ? "enable" : "disable"), id)
			.with(user(byAdmin).roles("ADMIN"))
			.with(csrf())
			.exchange();
	}

	private MvcTestResult login(String username, String password) {
		return login(username, password, TestUsers.address());
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
		return account(prefix, Role.INVESTIGATOR);
	}

	private String account(String prefix, Role role) {
		String username = TestUsers.name(prefix);
		accounts.save(new UserAccount(username, passwordEncoder.encode(TestUsers.password(username)), role));
		return username;
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
