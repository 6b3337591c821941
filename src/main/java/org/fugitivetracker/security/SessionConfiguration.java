package org.fugitivetracker.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL (Spring Session JDBC; tables from Flyway V6). A new session attribute is
 * written with {@code INSERT … ON CONFLICT DO UPDATE}: two requests of one session that both add
 * the same attribute (two tabs, each saving something new) no longer fail on the primary key,
 * the later value wins. Attributes a request did not set are not written at all (Spring
 * Session's default save mode), and a page view sets none: the CSRF token exists from the
 * login response on ({@link LoginSuccessHandler}), and anonymous visitors have no session
 * ({@link SessionOrCookieCsrfTokenRepository}, {@link ReturnPathRequestCache}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionAttributeUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
