package org.fugitivetracker.fugitive;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how many CSV exports stream at once. An export holds a pooled connection for as long as
 * it streams, so at most {@code app.export.max-concurrent} run at once and the others wait their
 * turn, up to {@code app.export.queue-timeout}: without the limit, concurrent downloads take every
 * connection of the pool, and pages and exports alike fail waiting for one.
 */
@Component
public class ExportGate {

	private final Semaphore permits;

	private final Duration queueTimeout;

	ExportGate(@Value("${app.export.max-concurrent:4}") int maxConcurrent,
			@Value("${app.export.queue-timeout:60s}") Duration queueTimeout) {
		this.permits = new Semaphore(maxConcurrent, true);
		this.queueTimeout = queueTimeout;
	}

	/** Waits for a turn; false when none came within the queue timeout (or the thread was interrupted). */
	public boolean enter() {
		try {
			return permits.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	public void leave() {
		permits.release();
	}

}
