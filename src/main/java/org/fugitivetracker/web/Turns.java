package org.fugitivetracker.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Turns for one kind of long request that holds a pooled database connection from start to end (an
 * export streaming, an import file being read or written): at most a few at once, the others waiting
 * for a turn, up to a timeout, without a connection. Without such a limit a burst of them (a user's
 * tabs, a script's retries) takes every connection of the pool, and every page fails waiting for one.
 */
public final class Turns {

	private final Semaphore permits;

	private final Duration queueTimeout;

	public Turns(int atOnce, Duration queueTimeout) {
		this.permits = new Semaphore(atOnce, true);
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

	/** Ends a turn {@link #enter} gave. */
	public void leave() {
		permits.release();
	}

}
