package org.fugitivetracker;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * How tests log in, in one place: the bootstrap accounts with the passwords the test run gives
 * them, names, passwords and client addresses for the accounts tests create
 * ({@link TestRecords#account}), and the form login itself (the login page's CSRF token, then
 * {@code POST /login}), over real HTTP or through MockMvc. A MockMvc test that needs a logged-in
 * user but no password check uses an account as a request post-processor:
 * {@code mvc.get().uri("/audit").with(TestLogin.ADMIN)}.
 */
public final class TestLogin {

	/** The bootstrap accounts' passwords as the settings the application reads (constants for annotations). */
	static final String INVESTIGATOR_PASSWORD = "APP_INVESTIGATOR_PASSWORD=investigator-test-pw";

	static final String ANALYST_PASSWORD = "APP_ANALYST_PASSWORD=analyst-test-pw";

	static final String ADMIN_PASSWORD = "APP_ADMIN_PASSWORD=admin-test-pw";

	static final List<String> BOOTSTRAP_PASSWORDS = List.of(INVESTIGATOR_PASSWORD, ANALYST_PASSWORD, ADMIN_PASSWORD);

	public static final Account INVESTIGATOR = bootstrap(INVESTIGATOR_PASSWORD, "INVESTIGATOR");

	public static final Account ANALYST = bootstrap(ANALYST_PASSWORD, "ANALYST");

	public static final Account ADMIN = bootstrap(ADMIN_PASSWORD, "ADMIN");

	private TestLogin() {
	}

	private static Account bootstrap(String setting, String role) {
		return new Account(role.toLowerCase(Locale.ROOT), setting.substring(setting.indexOf('=') + 1), role);
	}

	/**
	 * An account and its password. As a {@link RequestPostProcessor} it is a MockMvc request by
	 * this user, already logged in (no password is checked).
	 */
	public record Account(String username, String password, String role) implements RequestPostProcessor {

		@Override
		public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
			return user(username).roles(role).postProcessRequest(request);
		}

		/** A MockMvc request with HTTP Basic credentials, checked by the application like a client's. */
		public RequestPostProcessor httpBasic() {
			return SecurityMockMvcRequestPostProcessors.httpBasic(username, password);
		}

		/** The {@code Authorization} header of HTTP Basic, for requests over real HTTP. */
		public String basicAuthorization() {
			return TestLogin.basicAuthorization(username, password);
		}

	}

	/** A MockMvc request by a logged-in user of the role who has no account (no name the application knows). */
	public static RequestPostProcessor someone(String role) {
		return user("someone").roles(role);
	}

	/** A MockMvc request by the named user of a test account, already logged in. */
	public static RequestPostProcessor as(String username, String role) {
		return user(username).roles(role);
	}

	/** A fresh, valid user name starting with the prefix, e.g. {@code test-throttle-1a2b3c4d}. */
	public static String name(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A password that passes the policy and is derived from the name (so a test can check it later). */
	public static String password(String username) {
		return "pw-" + username + "-correct-horse";
	}

	/** A client address from the IPv6 documentation range (RFC 3849), different for every call. */
	public static String address() {
		UUID random = UUID.randomUUID();
		return "2001:db8::" + Long.toHexString(random.getMostSignificantBits() & 0xffff) + ":"
				+ Long.toHexString(random.getLeastSignificantBits() & 0xffff);
	}

	/** A MockMvc request from the client address (the throttle counts failures per address). */
	public static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	public static String basicAuthorization(String username, String password) {
		byte[] credentials = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
		return "Basic " + Base64.getEncoder().encodeToString(credentials);
	}

	/** The form login over real HTTP; returns the answer to the POST (a redirect, never followed). */
	public static HttpResponse<String> logIn(HttpBrowser browser, String baseUrl, Account account) {
		return logIn(browser, baseUrl, account.username(), account.password());
	}

	/** Opens the login page of the instance at {@code baseUrl} (its CSRF token) and posts the form. */
	public static HttpResponse<String> logIn(HttpBrowser browser, String baseUrl, String username, String password) {
		browser.get(baseUrl + "/login");
		return submitLogin(browser, baseUrl, username, password);
	}

	/** Posts the login form of the login page the browser has open (its CSRF token). */
	public static HttpResponse<String> submitLogin(HttpBrowser browser, String baseUrl, String username,
			String password) {
		return browser.post(baseUrl + "/login", Map.of("username", username, "password", password));
	}

	/** The form login through MockMvc, from the client address. */
	public static MvcTestResult logIn(MockMvcTester mvc, Account account, String address) {
		return logIn(mvc, account.username(), account.password(), address);
	}

	/** The form login through MockMvc (a valid CSRF token), from the client address. */
	public static MvcTestResult logIn(MockMvcTester mvc, String username, String password, String address) {
		return mvc.post()
			.uri("/login")
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(address))
			.exchange();
	}

}
