package org.fugitivetracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The OpenAPI description and Swagger UI exist, describe only the API, and need a login. */
@IntegrationTest
class OpenApiTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void describesTheApiAndOnlyTheApi() {
		assertThat(mvc.get().uri("/v3/api-docs").with(TestLogin.INVESTIGATOR.httpBasic()))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.paths['/api/v1/fugitives'].get.parameters[*].name",
					names -> assertThat(names).asArray()
						.contains("country", "status", "q", "operation", "sort", "page", "size"))
			.hasPath("$.paths['/api/v1/fugitives/{id}']")
			.hasPath("$.paths['/api/v1/cases']")
			.hasPath("$.paths['/api/v1/cases/{id}']")
			.hasPath("$.paths['/api/v1/figures']")
			.hasPath("$.components.securitySchemes.basic")
			.doesNotHavePath("$.paths['/fugitives']")
			.doesNotHavePath("$.paths['/login']");
	}

	/** A script learns from the description how to add someone who may already be recorded. */
	@Test
	void describesTheDuplicateCheckOfAddingAFugitive() {
		assertThat(mvc.get().uri("/v3/api-docs").with(TestLogin.INVESTIGATOR.httpBasic()))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.paths['/api/v1/fugitives'].post.parameters[*].name",
					names -> assertThat(names).asArray().contains("confirmDuplicate"))
			.hasPathSatisfying("$.paths['/api/v1/fugitives'].post.description",
					description -> assertThat(description).asString().contains("409", "candidates", "0.65",
							"confirmDuplicate=true"))
			.hasPath("$.paths['/api/v1/fugitives'].post.responses['409']");
	}

	@Test
	void swaggerUiIsServedToInvestigators() {
		assertThat(mvc.get()
			.uri("/swagger-ui/index.html")
			.with(TestLogin.INVESTIGATOR.httpBasic())).hasStatusOk();
	}

	@Test
	void everythingNeedsALogin() {
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/fugitives")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/fugitives.csv")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/api/v1/fugitives")).hasStatus(401)
			.headers()
			.hasValue("WWW-Authenticate", "Basic realm=\"fugitive-tracker\"");
	}

}
