package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	BootstrapAccounts bootstrapAccounts;

	@Autowired
	UserAccountRepository accounts;

	@Test
	void anonymousVisitorIsSentToTheLoginPage() {
		assertThat(mvc.get().uri("/")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
	}

	@Test
	void loginPageIsPublicAndHasTheContractFields() {
		assertThat(mvc.get().uri("/login")).hasStatusOk()
			.bodyText()
			.contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
	}

	static List<TestLogin.Account> bootstrapAccounts() {
		return List.of(TestLogin.INVESTIGATOR, TestLogin.ANALYST, TestLogin.ADMIN);
	}

	@ParameterizedTest
	@MethodSource("bootstrapAccounts")
	void eachBootstrapAccountLogsInWithThePasswordFromTheEnvironment(TestLogin.Account bootstrap) {
		assertThat(TestLogin.logIn(mvc, bootstrap, TestLogin.address())).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/");
		assertThat(accounts.findByUsername(bootstrap.username())).get()
			.satisfies(account -> assertThat(account.getRole().authority()).isEqualTo("ROLE_" + bootstrap.role()))
			.satisfies(account -> assertThat(account.getPasswordHash()).startsWith("{bcrypt}")
				.doesNotContain(bootstrap.password()));
	}

	@Test
	void wrongPasswordIsRefused() {
		assertThat(TestLogin.logIn(mvc, TestLogin.ADMIN.username(), "not-the-password", TestLogin.address()))
			.hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/login?error");
		assertThat(mvc.get().uri("/login?error")).bodyText().contains("Wrong user name or password.");
	}

	@Test
	void aFailedLoginKeepsTheUserNameButNotThePassword() {
		MvcTestResult failed = TestLogin.logIn(mvc, "probe-keeps-name", "typed-password-x", TestLogin.address());
		assertThat(failed).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/login?error");
		Cookie typed = failed.getResponse().getCookie(LoginNameCookie.COOKIE_NAME);
		assertThat(typed).isNotNull();
		assertThat(typed.getValue()).doesNotContain("typed-password-x");

		MvcTestResult page = mvc.get().uri("/login?error").cookie(typed).exchange();
		assertThat(page).bodyText()
			.contains("Wrong user name or password.")
			.containsPattern("id=\"username\" name=\"username\"[^>]*value=\"probe-keeps-name\"")
			.containsPattern("<input id=\"password\" name=\"password\" type=\"password\"[^>]*autofocus")
			.doesNotContain("typed-password-x");
		assertThat(page.getResponse().getCookie(LoginNameCookie.COOKIE_NAME).getMaxAge()).as("used once").isZero();

		assertThat(mvc.get().uri("/login")).bodyText()
			.as("without a failed login the field is empty")
			.doesNotContain("probe-keeps-name");
	}

	@Test
	void aDeepLinkReturnsToItsExactAddressAfterTheLogin() {
		MvcTestResult deepLink = mvc.get()
			.uri("/fugitives?country=US&status=IN_CUSTODY")
			.header("Accept", "text/html")
			.exchange();
		assertThat(deepLink).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/login");
		Cookie returnTo = deepLink.getResponse().getCookie(ReturnPathRequestCache.COOKIE_NAME);

		assertThat(mvc.post()
			.uri("/login")
			.param("username", TestLogin.INVESTIGATOR.username())
			.param("password", TestLogin.INVESTIGATOR.password())
			.with(csrf())
			.cookie(returnTo))
			.hasStatus3xxRedirection()
			.redirectedUrl()
			.as("no ?continue or &continue added")
			.isEqualTo("/fugitives?country=US&status=IN_CUSTODY");
	}

	@Test
	void theLoginPageMakesNoPromiseAboutSources() {
		assertThat(mvc.get().uri("/login")).bodyText().doesNotContain("site-footer", "cites its source");
	}

	@Test
	void loginWithoutCsrfTokenIsRefused() {
		assertThat(mvc.post()
			.uri("/login")
			.param("username", TestLogin.ADMIN.username())
			.param("password", TestLogin.ADMIN.password()))
			.hasStatus(403);
	}

	@Test
	void logoutEndsTheSession() {
		assertThat(mvc.perform(logout())).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/login?logout");
	}

	@Test
	void aPasswordVariableSetAfterTheAccountExistsIsIgnoredAndTheLogSaysSo(CapturedOutput output) {
		String hashBefore = accounts.findByUsername("analyst").orElseThrow().getPasswordHash();
		bootstrapAccounts.ensureAccount("analyst", Role.ANALYST, "a-password-set-later");
		assertThat(output.getOut()).contains("Bootstrap account 'analyst' already exists; APP_ANALYST_PASSWORD was ignored")
			.doesNotContain("a-password-set-later");
		assertThat(accounts.findByUsername("analyst").orElseThrow().getPasswordHash()).isEqualTo(hashBefore);

		bootstrapAccounts.ensureAccount("investigator", Role.INVESTIGATOR, null);
		assertThat(output.getOut()).as("nothing to say without a variable")
			.doesNotContain("Bootstrap account 'investigator' already exists");
	}

	@Test
	void anUnsetPasswordIsGeneratedAndLoggedOnceAndWorks(CapturedOutput output) {
		bootstrapAccounts.ensureAccount("probe-generated", Role.INVESTIGATOR, null);
		Matcher generated = Pattern.compile("'probe-generated' with generated password: (\\S+)").matcher(output.getOut());
		assertThat(generated.find()).as("generated password is logged").isTrue();

		assertThat(TestLogin.logIn(mvc, "probe-generated", generated.group(1), TestLogin.address()))
			.hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/");

		bootstrapAccounts.ensureAccount("probe-generated", Role.INVESTIGATOR, null);
		assertThat(output.getOut().split("'probe-generated' with generated password", -1)).hasSize(2);
	}

}
