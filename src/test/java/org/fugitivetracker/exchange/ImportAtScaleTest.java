package org.fugitivetracker.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A file at the row limit (50 000 people) is previewed and imported in one transaction with a
 * live heap that does not grow with the file: the heap left after a full collection, sampled every 5 s while
 * the import runs, is compared between a file of 5 000 and one of 50 000 rows.
 */
@IntegrationTest
@SlowTest
class ImportAtScaleTest {

	static final String HEADER = "name,destination_countries,fled,source_url,source_title\n";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	TestRecords records;

	@Test
	void fiftyThousandRowsAreImportedWithALiveHeapThatDoesNotGrowWithTheFile() throws Exception {
		Measured small = importRows(Integer.getInteger("import.smallRows", 5_000), "small");
		Measured large = importRows(Importer.MAX_ROWS, "large");
		System.out.printf("Import at scale: 5 000 rows: %d ms, live heap +%d MB; 50 000 rows: %d ms, live heap +%d MB%n",
				small.millis, small.liveHeapGrowth >> 20, large.millis, large.liveHeapGrowth >> 20);
		assertThat(jdbc.queryForObject("""
				SELECT count(DISTINCT c.fugitive_id) FROM citation c JOIN source s ON s.id = c.source_id
				WHERE s.url = ?""", Long.class, source("large"))).isEqualTo(Importer.MAX_ROWS);
		assertThat(large.liveHeapGrowth).as("ten times the rows, not ten times the memory")
			.isLessThan(small.liveHeapGrowth + (64L << 20));
	}

	private record Measured(long millis, long liveHeapGrowth) {
	}

	private Measured importRows(int rows, String label) throws Exception {
		StringBuilder csv = new StringBuilder(HEADER);
		Random random = new Random(rows);
		for (int i = 0; i < rows; i++) {
			// Names unlike one another and unlike anyone recorded (no shared word), as a real list's are.
			csv.append(word(random)).append(' ').append(word(random)).append(",US,2010,").append(source(label))
				.append(",Test scale list\n");
		}
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				System.gc();
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed() - before, Math::max);
				try {
					Thread.sleep(5000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		long start = System.nanoTime();
		sampler.start();
		try {
			MvcTestResult uploaded = mvc.perform(MockMvcRequestBuilders.multipart("/admin/import")
				.file(new MockMultipartFile("file", label + ".csv", "text/csv",
						csv.toString().getBytes(StandardCharsets.UTF_8)))
				.with(csrf())
				.with(TestLogin.ADMIN));
			csv = null;
			assertThat(uploaded).hasStatus(302);
			String location = uploaded.getMvcResult().getResponse().getRedirectedUrl();
			assertThat(mvc.get().uri(location).with(TestLogin.ADMIN)).hasStatusOk()
				.bodyText()
				.contains("id=\"count-create\">" + rows + "<");
			if (Boolean.getBoolean("import.previewOnly")) {
				return new Measured(0, 0);
			}
			assertThat(mvc.post().uri(location).with(csrf()).with(TestLogin.ADMIN)).hasStatusOk()
				.bodyText()
				.contains(String.format(java.util.Locale.ENGLISH, "People added: %,d", rows));
		}
		finally {
			sampler.interrupt();
			sampler.join();
		}
		return new Measured((System.nanoTime() - start) / 1_000_000, peak.get());
	}

	private static String source(String label) {
		return "https://example.org/test-scale-" + label;
	}

	private static String word(Random random) {
		StringBuilder word = new StringBuilder();
		word.append((char) ('A' + random.nextInt(26)));
		for (int i = 0; i < 7; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

}
