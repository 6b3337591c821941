package org.fugitivetracker.api;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The OpenAPI description at {@code /v3/api-docs} and the Swagger UI at
 * {@code /swagger-ui/index.html} (springdoc; only {@code /api/**} is described, see
 * {@code springdoc.paths-to-match}). Both need a login like every page. Swagger UI runs an inline
 * script: the Content-Security-Policy must allow it on {@code /swagger-ui/**} (or serve a
 * nonce) when one is set.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Fugitive case tracker API", version = "v1",
		description = "Read-only access to fugitives, cases and reported figures, each fact with its sources. "
				+ "Errors are RFC 9457 problem details."),
		security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class ApiDocumentation {

}
