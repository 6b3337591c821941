package org.fugitivetracker.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Reading an import file holds a database connection throughout, so a burst of them (an admin
 * reloading the preview of a large file in many tabs) must not take the pool from everybody else:
 * at most {@code app.import.max-concurrent} run, the others wait their turn without a connection
 * and, when none comes, answer 503 with Retry-After and say why.
 */
@IntegrationTest
@SlowTest
class ImportBurstTest {

	static final String SOURCE = "https://example.org/test-import-burst";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ImportTurns turns;

	TestRecords records;

	@Test
	void aBurstOfPreviewsOfALargeFileLeavesTheListToEverybodyElse() throws Exception {
		StringBuilder csv = new StringBuilder("name,destination_countries,source_url,source_title\n");
		Random random = new Random(7);
		for (int i = 0; i < 10_000; i++) {
			csv.append("Test Burst ").append(word(random)).append(' ').append(word(random)).append(",US,")
				.append(SOURCE).append(",Test burst list\n");
		}
		long id = upload(csv.toString());
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

		// Seven tabs reloading the preview and four scripts previewing through the API: more at once
		// than the pool has connections (10), though no more on one route than it lets one route take.
		int tabs = 7;
		int scripts = 4;
		ExecutorService pool = Executors.newFixedThreadPool(tabs + scripts + 1);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MockHttpServletResponse>> previews = new ArrayList<>();
		for (int i = 0; i < tabs; i++) {
			previews.add(pool.submit(() -> {
				start.await();
				return mvc.get().uri("/admin/import/{id}", id).with(TestLogin.ADMIN).exchange().getResponse();
			}));
		}
		for (int i = 0; i < scripts; i++) {
			previews.add(pool.submit(() -> {
				start.await();
				return mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/imports")
					.file(new MockMultipartFile("file", "burst.csv", "text/csv", file))
					.with(TestLogin.ADMIN.httpBasic())
					.header("X-Requested-With", "test")).getResponse();
			}));
		}
		Future<List<Integer>> lists = pool.submit(() -> {
			start.await();
			Thread.sleep(1500);
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				statuses.add(mvc.get()
					.uri("/fugitives?country=US")
					.with(TestLogin.ANALYST)
					.exchange()
					.getResponse()
					.getStatus());
				Thread.sleep(500);
			}
			return statuses;
		});
		start.countDown();
		List<MockHttpServletResponse> answers = new ArrayList<>();
		for (Future<MockHttpServletResponse> preview : previews) {
			answers.add(preview.get(5, TimeUnit.MINUTES));
		}
		assertThat(lists.get(5, TimeUnit.MINUTES)).as("the list page, while the previews read the file")
			.containsOnly(200);
		pool.shutdown();

		assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(200, 503).contains(200);
		for (MockHttpServletResponse busy : answers) {
			if (busy.getStatus() == 503) {
				assertThat(busy.getHeader("Retry-After")).isNotBlank();
				assertThat(busy.getContentAsString()).as("a preview that got no turn says why")
					.contains("Other imports are running");
			}
		}
	}

	@Test
	void whileEveryTurnIsTakenAPreviewWaitsThenSaysWhyOnThePageAndInTheApi() throws Exception {
		long id = upload("name,destination_countries,source_url,source_title\nTest Burst Waiting,US," + SOURCE
				+ ",Test burst list\n");
		CountDownLatch taken = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(3);
		for (int i = 0; i < 2; i++) {
			pool.submit(() -> turns.take(() -> {
				taken.countDown();
				try {
					return release.await(1, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		try {
			assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
			byte[] small = "name,source_url\nTest Burst Api,https://example.org/x\n".getBytes(StandardCharsets.UTF_8);
			Future<MvcTestResult> api = pool.submit(() -> mvc.perform(MockMvcRequestBuilders
				.multipart("/api/v1/imports")
				.file(new MockMultipartFile("file", "api.csv", "text/csv", small))
				.with(TestLogin.ADMIN.httpBasic())
				.header("X-Requested-With", "test")));
			assertThat(mvc.get().uri("/admin/import/{id}?lang=zh-CN", id).with(TestLogin.ADMIN)).hasStatus(503)
				.containsHeader("Retry-After")
				.bodyText()
				.contains("其他导入正在进行");
			assertThat(api.get(1, TimeUnit.MINUTES)).hasStatus(503)
				.containsHeader("Retry-After")
				.bodyJson()
				.extractingPath("$.title")
				.isEqualTo("Other imports are running");
		}
		finally {
			release.countDown();
			pool.shutdown();
		}
		assertThat(mvc.get().uri("/admin/import/{id}", id).with(TestLogin.ADMIN)).as("a turn free again")
			.hasStatusOk()
			.bodyText()
			.contains("Test Burst Waiting");
	}

	private long upload(String content) {
		MvcTestResult uploaded = mvc.perform(MockMvcRequestBuilders.multipart("/admin/import")
			.file(new MockMultipartFile("file", "burst.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(TestLogin.ADMIN));
		assertThat(uploaded).hasStatus(302);
		String location = uploaded.getMvcResult().getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private static String word(Random random) {
		StringBuilder word = new StringBuilder().append((char) ('A' + random.nextInt(26)));
		for (int i = 0; i < 7; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

}
