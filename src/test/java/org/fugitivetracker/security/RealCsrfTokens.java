package org.fugitivetracker.security;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.context.WebApplicationContext;

/**
 * MockMvc's {@code csrf()} (spring-security-test) replaces the CSRF filter's token repository in
 * the shared test context with a session-based test double, for every later request, those over
 * real HTTP included. Tests over real HTTP that depend on where the token lives (a cookie before
 * the login, no anonymous session) put the application's own repository back first.
 */
final class RealCsrfTokens {

	private RealCsrfTokens() {
	}

	static void restore(WebApplicationContext context) {
		WebTestUtils.setCsrfTokenRepository(new MockHttpServletRequest(context.getServletContext()),
				context.getBean(CsrfTokenRepository.class));
	}

}
