package org.fugitivetracker.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

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
 * A file at the row limit (50 000 people) is previewed and imported in one transaction with flat
 * memory. The live heap (what is left after a full collection, sampled every 3 s while the
 * confirmation writes) is measured and printed. The importer holds no row: it reads the file as a
 * stream and, every batch, has the batch's audit rows written and lets go of them and of its
 * entities ({@code AuditedBatches}). Before that, Hibernate Envers kept every audited change of the
 * transaction until the commit, 4 to 6 KB a person (a class histogram at 31 600 rows: 31 600
 * Fugitive entities, 63 201 AddWorkUnits, 31 599 PersistentCollectionChangeWorkUnits alive), and the
 * live heap grew from 74 MB to 231 MB; now it stays within a few MB of where it started.
 */
@IntegrationTest
@SlowTest
class ImportAtScaleTest {

	static final String SOURCE = "https://example.org/test-scale";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	TestRecords records;

	/** The live heap at a moment of the confirmation. */
	private record Sample(long millis, long liveBytes) {
	}

	@Test
	void fiftyThousandRowsAreImportedInOneTransactionWithFlatMemory() throws Exception {
		int rows = Importer.MAX_ROWS;
		StringBuilder csv = new StringBuilder("name,destination_countries,fled,source_url,source_title\n");
		Random random = new Random(rows);
		for (int i = 0; i < rows; i++) {
			// Names unlike one another and unlike anyone recorded (no shared word), as a real list's are.
			csv.append(word(random)).append(' ').append(word(random)).append(",US,2010,").append(SOURCE)
				.append(",Test scale list\n");
		}
		long started = System.nanoTime();
		MvcTestResult uploaded = mvc.perform(MockMvcRequestBuilders.multipart("/admin/import")
			.file(new MockMultipartFile("file", "scale.csv", "text/csv",
					csv.toString().getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(TestLogin.ADMIN));
		csv = null;
		assertThat(uploaded).hasStatus(302);
		String location = uploaded.getMvcResult().getResponse().getRedirectedUrl();
		assertThat(mvc.get().uri(location).with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("id=\"count-create\">" + rows + "<");
		long previewed = System.nanoTime();

		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		List<Sample> samples = new CopyOnWriteArrayList<>();
		Thread sampler = new Thread(() -> {
			long start = System.nanoTime();
			while (!Thread.currentThread().isInterrupted()) {
				System.gc();
				samples.add(new Sample((System.nanoTime() - start) / 1_000_000, memory.getHeapMemoryUsage().getUsed()));
				try {
					Thread.sleep(3000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.start();
		try {
			assertThat(mvc.post().uri(location).with(csrf()).with(TestLogin.ADMIN)).hasStatusOk()
				.bodyText()
				.contains(String.format(Locale.ENGLISH, "People added: %,d", rows));
		}
		finally {
			sampler.interrupt();
			sampler.join();
		}
		long confirmed = System.nanoTime();
		assertThat(jdbc.queryForObject("""
				SELECT count(DISTINCT c.fugitive_id) FROM citation c JOIN source s ON s.id = c.source_id
				WHERE s.url = ?""", Long.class, SOURCE)).isEqualTo(rows);

		int third = samples.size() / 3;
		long firstThird = samples.subList(0, third).stream().mapToLong(Sample::liveBytes).max().orElseThrow();
		long lastThird = samples.subList(samples.size() - third, samples.size())
			.stream()
			.mapToLong(Sample::liveBytes)
			.max()
			.orElseThrow();
		System.out.printf(Locale.ROOT,
				"Import at scale: %d rows; upload and preview %d s, confirmation %d s; live heap %s MB (every 3 s); "
						+ "largest in the first third %d MB, in the last third %d MB%n",
				rows, (previewed - started) / 1_000_000_000, (confirmed - previewed) / 1_000_000_000,
				samples.stream().map(sample -> String.valueOf(sample.liveBytes() >> 20)).toList(), firstThird >> 20,
				lastThird >> 20);
		assertThat(third).as("samples enough to compare").isGreaterThanOrEqualTo(3);
		// Flat: the ids of the people written (a few bytes each) are all the confirmation keeps. An
		// audit trail held until the commit grew the heap by 157 MB here, 3 KB a person.
		long growth = samples.stream().mapToLong(Sample::liveBytes).max().orElseThrow() - samples.get(0).liveBytes();
		assertThat(growth).as("live heap growth over the confirmation").isLessThan(32L << 20);
		assertThat(lastThird - firstThird).as("live heap growth from the first third to the last")
			.isLessThan(16L << 20);
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
