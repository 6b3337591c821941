package org.fugitivetracker.synthetic;

import java.util.Map;

import org.fugitivetracker.system.DatabaseConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;

/**
 * What a synthetic-data command runs in: the configured database (created if missing), its Flyway
 * migrations and the command with its generator and remover, read from the same configuration as
 * the application. The loader needs nothing else, so the web server, JPA, Envers and security are
 * not started.
 *
 * <p>
 * Only this context creates the loader's beans: neither this class (not a {@code @Configuration})
 * nor the classes it imports carry a stereotype, so the application's component scan picks none
 * of them up.
 */
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
		FlywayAutoConfiguration.class })
@Import({ DatabaseConfiguration.class, SyntheticDataCommand.class, SyntheticDataGenerator.class,
		SyntheticDataRemover.class })
public class SyntheticDataCommandContext {

	/** A load copies and rebuilds indexes for minutes: none of the web requests' time limits (app.database.*). */
	static final Map<String, Object> TIME_LIMITS = Map.of("app.database.lock-timeout", "0",
			"app.database.statement-timeout", "0", "app.database.socket-timeout", "0");

	/** Runs the command the arguments ask for ({@link SyntheticDataCommand}); the caller closes the context. */
	public static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(SyntheticDataCommandContext.class).web(WebApplicationType.NONE)
			.initializers(context -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("syntheticDataTimeLimits", TIME_LIMITS)))
			.run(args);
	}

}
