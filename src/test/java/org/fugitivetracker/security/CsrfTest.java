package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every state-changing request the application maps (taken from Spring's handler mappings, so a
 * new form or API write is covered as soon as it exists) is refused without the CSRF token, even
 * for an administrator with a session.
 */
@IntegrationTest
class CsrfTest {

	private static final Set<RequestMethod> STATE_CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT,
			RequestMethod.PATCH, RequestMethod.DELETE);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyStateChangingRequestWithoutTheTokenIsRefused() {
		List<String> checked = new ArrayList<>(List.of("POST /login", "POST /logout"));
		mappings.getHandlerMethods().keySet().forEach(info -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (RequestMethod method : methods.isEmpty() ? STATE_CHANGING : methods) {
				if (STATE_CHANGING.contains(method)) {
					info.getPatternValues()
						.stream()
						.map(pattern -> pattern.replaceAll("\\{[^}]+}", "1").replace("**", "x").replace("*", "x"))
						.forEach(path -> checked.add(method.name() + " " + path));
				}
			}
		});
		assertThat(checked).contains("POST /admin/users", "POST /admin/users/1/password", "POST /account/password");
		for (String request : checked) {
			String[] parts = request.split(" ");
			assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.request(HttpMethod.valueOf(parts[0]), parts[1])
				.with(TestLogin.ADMIN)
				.param("username", "admin")
				.param("password", "x"))).as(request).hasStatus(403);
		}
	}

}
