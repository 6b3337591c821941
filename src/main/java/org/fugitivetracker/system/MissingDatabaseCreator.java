package org.fugitivetracker.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Creates the configured PostgreSQL database when it does not exist yet, so that
 * {@code ./mvnw spring-boot:run} works on a machine where only the server runs (no manual
 * {@code createdb}). It acts before Flyway first borrows a connection from the data source.
 */
class MissingDatabaseCreator implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(MissingDatabaseCreator.class);

	private static final Pattern POSTGRES_URL = Pattern.compile("^(jdbc:postgresql://[^/]*/)([^?;]+)(.*)$");

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_]+");

	/** SQLSTATE 3D000: invalid_catalog_name, PostgreSQL's "database does not exist". */
	private static final String DATABASE_DOES_NOT_EXIST = "3D000";

	private final ObjectProvider<JdbcConnectionDetails> connectionDetails;

	private boolean checked;

	MissingDatabaseCreator(ObjectProvider<JdbcConnectionDetails> connectionDetails) {
		this.connectionDetails = connectionDetails;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource && !checked) {
			checked = true;
			JdbcConnectionDetails details = connectionDetails.getIfAvailable();
			if (details != null) {
				createIfMissing(details.getJdbcUrl(), details.getUsername(), details.getPassword());
			}
		}
		return bean;
	}

	static void createIfMissing(String url, String username, String password) {
		Matcher matcher = POSTGRES_URL.matcher(url);
		if (!matcher.matches() || !SAFE_NAME.matcher(matcher.group(2)).matches()) {
			return;
		}
		Properties credentials = new Properties();
		if (username != null) {
			credentials.setProperty("user", username);
		}
		if (password != null) {
			credentials.setProperty("password", password);
		}
		try (Connection ignored = DriverManager.getConnection(url, credentials)) {
			return;
		}
		catch (SQLException ex) {
			if (!DATABASE_DOES_NOT_EXIST.equals(ex.getSQLState())) {
				return; // the data source reports other connection problems itself
			}
		}
		String database = matcher.group(2);
		String maintenanceUrl = matcher.group(1) + "postgres" + matcher.group(3);
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + database + "\" ENCODING 'UTF8'");
			log.info("Created the missing database '{}'", database);
		}
		catch (SQLException ex) {
			log.warn("Database '{}' does not exist and could not be created: {}", database, ex.getMessage());
		}
	}

}
