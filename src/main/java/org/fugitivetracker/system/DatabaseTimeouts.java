package org.fugitivetracker.system;

import java.time.Duration;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a statement of the connection pool may wait and run ({@code app.database.*}); zero
 * means no limit. Every connection of the pool starts with them as its session defaults (pgjdbc's
 * {@code options}, so {@code RESET} returns to them, and a transaction that needs more says so with
 * {@code SET LOCAL}, as the CSV export does).
 * <ul>
 * <li>{@code lock-timeout}: a statement waiting for a lock (a table someone locked, a row another
 * transaction is writing) gives up after this and the request answers 503 "busy". Below the pool's
 * connection timeout, so that requests stuck behind a lock free their connections before the
 * requests queued for one give up: pages that do not touch the locked table keep working.</li>
 * <li>{@code statement-timeout}: no page's statement may run longer (the slowest measured, a
 * search over a million people, ran under 1 s alone and under 10 s with 16 clients).</li>
 * <li>{@code socket-timeout}: no answer at all from the server for this long (a hung server or a
 * network that drops packets without a reset) breaks the connection. Longer than the statement
 * timeout, so that a slow statement is cancelled by the server, cleanly, before this fires.</li>
 * </ul>
 */
record DatabaseTimeouts(@DefaultValue("1s") Duration lockTimeout, @DefaultValue("10s") Duration statementTimeout,
		@DefaultValue("15s") Duration socketTimeout) {

	static final String PREFIX = "app.database";

	/**
	 * Sets the limits on the pool's connection properties; called before the pool opens its first
	 * connection. Options already configured come after ours, so an explicit
	 * {@code -c statement_timeout=…} there still wins.
	 */
	void applyTo(HikariDataSource pool) {
		Properties properties = pool.getDataSourceProperties();
		String ours = "-c lock_timeout=" + lockTimeout.toMillis() + " -c statement_timeout=" + statementTimeout.toMillis();
		String configured = properties.getProperty("options");
		pool.addDataSourceProperty("options", configured == null || configured.isBlank() ? ours : ours + " " + configured);
		// pgjdbc counts whole seconds; round up so that a limit never becomes shorter (or none)
		pool.addDataSourceProperty("socketTimeout", String.valueOf((socketTimeout.toMillis() + 999) / 1000));
	}

	/** Whether the socket could give up before the server cancels a slow statement. */
	boolean socketTimeoutTooShort() {
		return !socketTimeout.isZero()
				&& (statementTimeout.isZero() || socketTimeout.compareTo(statementTimeout) <= 0);
	}

	@Override
	public String toString() {
		return "lock " + describe(lockTimeout) + ", statement " + describe(statementTimeout) + ", socket "
				+ describe(socketTimeout);
	}

	private static String describe(Duration limit) {
		return limit.isZero() ? "none" : limit.toMillis() + " ms";
	}

}
