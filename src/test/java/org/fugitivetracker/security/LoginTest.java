package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
