package org.fugitivetracker.fugitive;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.fugitivetracker.web.Turns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Limits how many exports (CSV and FollowTheMoney) stream at once. An export holds a pooled connection for as long as
 * it streams, so at most {@code app.export.max-concurrent} run at once and the others wait their
 * turn, up to {@code app.export.queue-timeout}: without the limit, concurrent downloads take every
 * connection of the pool, and pages and exports alike fail waiting for one.
 */
@Component
public class ExportGate {

	/** Seconds a client is asked to wait when every export slot stayed busy for the whole queue timeout. */
	static final String RETRY_AFTER_SECONDS = "30";

	private final Turns turns;

	ExportGate(@Value("${app.export.max-concurrent:4}") int maxConcurrent,
			@Value("${app.export.queue-timeout:60s}") Duration queueTimeout) {
		this.turns = new Turns(maxConcurrent, queueTimeout);
	}

	/** Waits for a turn; false when none came within the queue timeout (or the thread was interrupted). */
	boolean enter() {
		return turns.enter();
	}

	void leave() {
		turns.leave();
	}

	/** An export's streaming, which may fail writing to the client. */
	@FunctionalInterface
	public interface Streaming {

		void stream() throws IOException;

	}

	/**
	 * Streams the export when its turn comes; when none came within the queue timeout, answers 503
	 * with {@code Retry-After} and streams nothing. Call it after everything that can be refused is
	 * checked, before the first byte is written.
	 */
	public void stream(HttpServletResponse response, Streaming export) throws IOException {
		if (!enter()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Too many exports at once");
		}
		try {
			export.stream();
		}
		finally {
			leave();
		}
	}

}
