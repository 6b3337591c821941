package org.fugitivetracker;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * One more instance of the whole application in this JVM, as a second server would run it: own
 * Tomcat on a random port, own connection pool, same database as the test context (or whatever
 * URL the test gives, e.g. through a proxy). The test context's own beans are not shared.
 */
public final class AppInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private AppInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** The JDBC URL, user and password the test context uses (Testcontainers or the throwaway database). */
	public record Database(String url, String username, String password) {

		public static Database of(DataSource dataSource) {
			try {
				HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
				return new Database(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		public Database withUrl(String otherUrl) {
			return new Database(otherUrl, username, password);
		}

	}

	/**
	 * Starts the application on a random port against the database.
	 * @param extraSources test-only configuration or controllers to add
	 * @param extraArguments more {@code --name=value} arguments
	 */
	public static AppInstance start(Database database, List<Class<?>> extraSources, String... extraArguments) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
				"--spring.datasource.hikari.maximum-pool-size=4", "--spring.main.banner-mode=off",
				"--spring.docker.compose.enabled=false"));
		TestLogin.BOOTSTRAP_PASSWORDS.forEach(setting -> arguments.add("--" + setting));
		arguments.addAll(List.of(extraArguments));
		Class<?>[] sources = Stream.concat(Stream.of(FugitiveTrackerApplication.class), extraSources.stream())
			.toArray(Class<?>[]::new);
		SpringApplication application = new SpringApplicationBuilder(sources)
			// component scanning must not pick up the test sources (TestDatabaseConfiguration would
			// swap in its own database where Docker runs); extra sources are listed explicitly
			.initializers(context -> context.getBeanFactory()
				.registerSingleton("excludeTestClasses", new ExcludeTestClasses()))
			.build();
		// the JVM's logging is already set up by the test context; a second set-up would reset it
		application.setListeners(application.getListeners()
			.stream()
			.filter(listener -> !(listener instanceof LoggingApplicationListener))
			.toList());
		return new AppInstance(application.run(arguments.toArray(String[]::new)));
	}

	public int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	public String url(String path) {
		return "http://localhost:" + port() + path;
	}

	public ConfigurableApplicationContext context() {
		return context;
	}

	@Override
	public void close() {
		context.close();
	}

	static final class ExcludeTestClasses extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getResource().getURL().toString().contains("/test-classes/");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ExcludeTestClasses;
		}

		@Override
		public int hashCode() {
			return ExcludeTestClasses.class.hashCode();
		}

	}

}
