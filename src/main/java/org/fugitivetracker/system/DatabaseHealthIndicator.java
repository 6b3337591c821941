package org.fugitivetracker.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code db} in {@code /actuator/health}: whether PostgreSQL answers, asked on a connection of its
 * own rather than one from the pool. Spring Boot's indicator borrows from the pool, so while
 * requests stuck behind a locked table held every pooled connection it waited for one and then
 * said DOWN, and a load balancer would have taken away every instance for one busy table. This
 * one answers within about a second whatever the pool is doing, and says DOWN only when the
 * database does not answer (down, refusing, or silent for {@value #TIMEOUT_SECONDS} s at a step).
 * Checks take turns on the one connection, so anonymous callers cannot open more.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator, DisposableBean {

	static final int TIMEOUT_SECONDS = 1;

	private final DatabaseReconnector database;

	private final ObjectProvider<DataSource> dataSource;

	/** Guarded by {@code this}. */
	private Connection connection;

	DatabaseHealthIndicator(DatabaseReconnector database, ObjectProvider<DataSource> dataSource) {
		this.database = database;
		this.dataSource = dataSource;
	}

	@Override
	public synchronized Health health() {
		HikariDataSource hikari = database.hikari();
		try {
			if (hikari == null) {
				// not HikariCP's pool (never so in the application): ask the data source as it is
				try (Connection pooled = dataSource.getObject().getConnection()) {
					return answer(pooled);
				}
			}
			if (connection != null && connection.isValid(TIMEOUT_SECONDS)) {
				return up(connection);
			}
			closeConnection();
			connection = DatabaseReconnector.openOutsideThePool(hikari, TIMEOUT_SECONDS);
			return answer(connection);
		}
		catch (SQLException | RuntimeException ex) {
			closeConnection();
			return Health.down(ex).build();
		}
	}

	private static Health answer(Connection connection) throws SQLException {
		return connection.isValid(TIMEOUT_SECONDS) ? up(connection) : Health.down().build();
	}

	private static Health up(Connection connection) throws SQLException {
		return Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName()).build();
	}

	private void closeConnection() {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// broken anyway
			}
			connection = null;
		}
	}

	@Override
	public synchronized void destroy() {
		closeConnection();
	}

}
