package org.fugitivetracker.exchange;

import java.time.Duration;
import java.util.function.Supplier;

import org.fugitivetracker.web.Turns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reading or writing an import file holds a database connection for as long as it runs (half a minute
 * to preview a file at the row limit, minutes to import it), so at most
 * {@code app.import.max-concurrent} run at once; the others wait their turn, up to
 * {@code app.import.queue-timeout}, holding no connection. A burst of reloads of a large preview then
 * leaves the pool to everybody else's pages.
 */
@Component
class ImportTurns {

	/** Seconds a client is asked to wait when no turn came. */
	static final String RETRY_AFTER_SECONDS = "30";

	private final Turns turns;

	ImportTurns(@Value("${app.import.max-concurrent:2}") int atOnce,
			@Value("${app.import.queue-timeout:10s}") Duration queueTimeout) {
		this.turns = new Turns(atOnce, queueTimeout);
	}

	/**
	 * Runs the work in its turn.
	 * @throws ImportsBusyException when no turn came within the queue timeout (nothing was run)
	 */
	<T> T take(Supplier<T> work) {
		if (!turns.enter()) {
			throw new ImportsBusyException();
		}
		try {
			return work.get();
		}
		finally {
			turns.leave();
		}
	}

}
