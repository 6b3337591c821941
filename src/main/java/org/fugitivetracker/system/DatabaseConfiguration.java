package org.fugitivetracker.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The connection to PostgreSQL: the database is created if missing, the pool's connections carry
 * the time limits of {@link DatabaseTimeouts}, and Flyway migrates without them. Used by the
 * application and by the synthetic-data command, which sets its own (longer) limits.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean
	static MissingDatabaseCreator missingDatabaseCreator(ObjectProvider<JdbcConnectionDetails> connectionDetails) {
		return new MissingDatabaseCreator(connectionDetails);
	}

	/**
	 * The limits go onto the pool after Spring Boot bound its {@code spring.datasource.hikari.*}
	 * properties, before anything wraps it (a proxy that records statements, say) and before it
	 * opens a connection.
	 */
	@Bean
	static BeanPostProcessor databaseTimeoutsOnThePool(Environment environment) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool) {
					DatabaseTimeouts timeouts = Binder.get(environment)
						.bindOrCreate(DatabaseTimeouts.PREFIX, DatabaseTimeouts.class);
					timeouts.applyTo(pool);
					log.info("Database time limits of pool {}: {}; waiting for a connection at most {} ms",
							pool.getPoolName() == null ? beanName : pool.getPoolName(), timeouts,
							pool.getConnectionTimeout());
					if (timeouts.socketTimeoutTooShort()) {
						log.warn("app.database.socket-timeout should be longer than app.database.statement-timeout: "
								+ "a slow statement then breaks its connection instead of being cancelled");
					}
				}
				return bean;
			}

		};
	}

	/**
	 * Flyway migrates on connections of its own, outside the pool and without its time limits: a
	 * migration may rewrite a large table or build an index for minutes, and a setting changed for
	 * it must not stay on a pooled connection. Not a default candidate, so the pool stays the
	 * application's one data source.
	 */
	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource flywayDataSource(JdbcConnectionDetails connectionDetails) {
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.driverClassName(connectionDetails.getDriverClassName())
			.url(connectionDetails.getJdbcUrl())
			.username(connectionDetails.getUsername())
			.password(connectionDetails.getPassword())
			.build();
	}

}
