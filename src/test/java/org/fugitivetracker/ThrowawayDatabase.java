package org.fugitivetracker;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.testcontainers.DockerClientFactory;

/**
 * Decides once per test run where the tests' PostgreSQL lives. Where a Docker engine answers,
 * {@link TestDatabaseConfiguration} starts a Testcontainers PostgreSQL. Where none does (CI on
 * this kind of machine), a fresh database is created on the local server for this run only,
 * published as {@code spring.datasource.url}, and dropped when the run ends, so the application's
 * own {@code fugitives} database is never touched.
 */
public class ThrowawayDatabase implements LauncherSessionListener {

	private static final String SERVER_URL = System.getenv().getOrDefault("TEST_POSTGRES_URL",
			"jdbc:postgresql://localhost:5432/");

	private static final String USER = System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres");

	private static final String PASSWORD = System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "");

	private static volatile Boolean dockerAvailable;

	private String databaseName;

	static boolean dockerAvailable() {
		if (dockerAvailable == null) {
			dockerAvailable = !"false".equals(System.getenv("TEST_USE_DOCKER"))
					&& DockerClientFactory.instance().isDockerAvailable();
		}
		return dockerAvailable;
	}

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (dockerAvailable() || System.getProperty("spring.datasource.url") != null) {
			return;
		}
		databaseName = "fugitives_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("CREATE DATABASE " + databaseName + " ENCODING 'UTF8'");
		String url = SERVER_URL + databaseName;
		System.setProperty("spring.datasource.url", url);
		System.setProperty("spring.datasource.username", USER);
		System.setProperty("spring.datasource.password", PASSWORD);
		System.out.println("No Docker engine answers: tests use the throwaway PostgreSQL database " + url);
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		if (databaseName != null) {
			execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
			System.out.println("Dropped the throwaway PostgreSQL database " + databaseName);
			System.clearProperty("spring.datasource.url");
		}
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(SERVER_URL + "postgres", USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Tests need PostgreSQL at " + SERVER_URL + " (" + sql + ")", ex);
		}
	}

}
