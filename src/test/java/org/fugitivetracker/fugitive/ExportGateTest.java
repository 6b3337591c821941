package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ExportGateTest {

	@Test
	void exportsBeyondTheLimitWaitAndAreRefusedWhenNoTurnComes() {
		ExportGate gate = new ExportGate(2, Duration.ofMillis(200));
		assertThat(gate.enter()).isTrue();
		assertThat(gate.enter()).isTrue();

		long started = System.nanoTime();
		assertThat(gate.enter()).as("a third export at once").isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("it waited its turn first")
			.isGreaterThanOrEqualTo(Duration.ofMillis(150));

		gate.leave();
		assertThat(gate.enter()).as("a finished export frees its turn").isTrue();
	}

	@Test
	void aWaitingExportGetsTheTurnAFinishingOneLeaves() throws Exception {
		ExportGate gate = new ExportGate(1, Duration.ofSeconds(10));
		assertThat(gate.enter()).isTrue();
		Thread finisher = new Thread(() -> {
			sleep(100);
			gate.leave();
		});
		finisher.start();
		assertThat(gate.enter()).isTrue();
		finisher.join();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
