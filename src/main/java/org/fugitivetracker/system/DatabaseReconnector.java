package org.fugitivetracker.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Knows whether PostgreSQL answers, and gets the connection pool going again the moment it does.
 * <p>
 * While the database is unreachable, HikariCP's connection-adder thread retries with a pause
 * that doubles up to 5 seconds; after a long outage the pool could thus notice the database's
 * return up to 5 s late. Once a request has met the outage, a probe opens a plain JDBC connection
 * every 250 ms; when one succeeds it interrupts the adder's pause, which Hikari treats as the end
 * of that retry round, so the next request starts a fresh round that connects at once. Should a
 * Hikari version name its thread differently, nothing breaks: the pool recovers at its own pace.
 */
@Component
class DatabaseReconnector implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DatabaseReconnector.class);

	private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

	private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(30);

	/** Looked up when first needed: servlet filters are created early, before the data source need be. */
	private final ObjectProvider<DataSource> dataSource;

	private final AtomicBoolean probing = new AtomicBoolean();

	private volatile boolean stopped;

	DatabaseReconnector(ObjectProvider<DataSource> dataSource) {
		this.dataSource = dataSource;
	}

	/** Whether a connection can be had from the pool right now (waits at most the pool's timeout). */
	boolean reachable() {
		try (Connection connection = dataSource.getObject().getConnection()) {
			return connection.isValid(1);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	/** A request met the outage: watch for the database's return, unless already watching. */
	void databaseUnreachable() {
		HikariDataSource hikari = hikari();
		if (hikari == null || stopped || !probing.compareAndSet(false, true)) {
			return;
		}
		Thread probe = new Thread(() -> {
			try {
				awaitReturn(hikari);
			}
			finally {
				probing.set(false);
			}
		}, "database-reconnector");
		probe.setDaemon(true);
		probe.start();
	}

	private void awaitReturn(HikariDataSource hikari) {
		long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
		while (!stopped && System.nanoTime() < deadline) {
			try (Connection connection = openOutsideThePool(hikari, 2)) {
				if (connection.isValid(2)) {
					wakeConnectionAdder(hikari.getPoolName());
					log.info("Database reachable again; connection pool {} told to reconnect now", hikari.getPoolName());
					return;
				}
			}
			catch (SQLException ex) {
				// still unreachable
			}
			try {
				Thread.sleep(PROBE_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * A connection of its own to the pool's database, as the pool would open it but giving up
	 * after {@code seconds} at each step (connect, log in, each read), so that a server that
	 * accepts connections and then says nothing cannot hold the caller.
	 */
	static Connection openOutsideThePool(HikariDataSource hikari, int seconds) throws SQLException {
		Properties properties = new Properties();
		properties.putAll(hikari.getDataSourceProperties());
		if (hikari.getUsername() != null) {
			properties.setProperty("user", hikari.getUsername());
		}
		if (hikari.getPassword() != null) {
			properties.setProperty("password", hikari.getPassword());
		}
		properties.setProperty("connectTimeout", String.valueOf(seconds));
		properties.setProperty("loginTimeout", String.valueOf(seconds));
		properties.setProperty("socketTimeout", String.valueOf(seconds));
		return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
	}

	/** Hikari 7 names it "pool:connection-adder", older versions "pool connection adder". */
	private static void wakeConnectionAdder(String poolName) {
		Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(thread -> thread.getName().startsWith(poolName + ":connection-adder")
					|| thread.getName().startsWith(poolName + " connection adder"))
			.forEach(Thread::interrupt);
	}

	/** The pool, or null where the data source is not HikariCP's. */
	HikariDataSource hikari() {
		try {
			DataSource source = dataSource.getIfAvailable();
			return source != null && source.isWrapperFor(HikariDataSource.class) ? source.unwrap(HikariDataSource.class)
					: null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

	@Override
	public void destroy() {
		stopped = true;
	}

}
