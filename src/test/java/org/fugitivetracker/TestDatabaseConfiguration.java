package org.fugitivetracker;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one test database configuration every integration test imports: a Testcontainers
 * PostgreSQL where Docker runs, otherwise the run's throwaway database on the local server (see
 * {@link ThrowawayDatabase}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	/** One container for the whole run, shared by every cached application context. */
	private static final class Container {

		static final PostgreSQLContainer INSTANCE = new PostgreSQLContainer("postgres:17-alpine")
			.withDatabaseName("fugitives_test");

	}

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	PostgreSQLContainer postgresContainer() {
		return Container.INSTANCE;
	}

	static class DockerAvailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return ThrowawayDatabase.dockerAvailable();
		}

	}

}
