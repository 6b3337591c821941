package org.fugitivetracker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A write that passes the version check and then loses the race at the UPDATE (another change to
 * the same version commits while it waits for the row) is refused like a stale version: the form
 * comes back with 409 and the API answers a 409 problem, both naming who changed the record, and
 * nothing of the losing write is stored. The other writer holds the row, uncommitted, until the
 * write waits for it, so the race is lost every time.
 */
@IntegrationTest
class LostRaceTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void aFormWriteThatLosesTheRaceComesBackWith409NamingWhoChangedTheFugitive() throws Exception {
		long fugitive = records.fugitive("Test Race Form", "AT_LARGE");
		MvcTestResult result = racedBy("update fugitive set version = version + 1, updated_by = 'Test racer', "
				+ "updated_at = now() where id = ?", fugitive, () -> mvc.post()
					.uri("/fugitives/{id}/events", fugitive)
					.with(TestLogin.ADMIN.httpBasic())
					.with(csrf())
					.param("type", "DETENTION")
					.param("date", "2015")
					.param("country", "US")
					.param("sourceId", String.valueOf(records.citableSource()))
					.param("quote", "Test quote")
					.param("version", "0")
					.exchange());
		assertThat(result).hasStatus(409)
			.bodyText()
			.contains("Test Race Form was changed by Test racer at ", "(now version 1)", "Nothing was saved",
					"Reload the form with the current record");
		assertThat(jdbc.queryForObject("select count(*) from event where fugitive_id = ?", Integer.class, fugitive))
			.isZero();
	}

	@Test
	void anApiWriteThatLosesTheRaceIsA409ProblemNamingWhoChangedTheCase() throws Exception {
		MvcTestResult created = mvc.post()
			.uri("/api/v1/cases")
			.contentType(MediaType.APPLICATION_JSON)
			.with(TestLogin.ADMIN.httpBasic())
			.content("""
					{"title": "Test Race Case", "status": "OPEN", "sourceId": %d, "quote": "Test quote"}"""
				.formatted(records.citableSource()))
			.exchange();
		assertThat(created).hasStatus(201);
		long caseId = json(created).get("id").asLong();
		MvcTestResult result = racedBy("update case_file set version = version + 1 where id = ?", caseId,
				() -> mvc.put()
					.uri("/api/v1/cases/{id}/status", caseId)
					.contentType(MediaType.APPLICATION_JSON)
					.with(TestLogin.ADMIN.httpBasic())
					.content("{\"status\": \"CLOSED\", \"version\": 0}")
					.exchange());
		assertThat(result).hasStatus(409).hasContentType("application/problem+json");
		JsonNode problem = json(result);
		assertThat(problem.get("currentVersion").asLong()).isOne();
		assertThat(problem.get("changedBy").asString()).isEqualTo("admin");
		assertThat(problem.get("detail").asString()).startsWith("Test Race Case was changed by admin at ");
		assertThat(jdbc.queryForObject("select status from case_file where id = ?", String.class, caseId))
			.isEqualTo("OPEN");
	}

	/**
	 * Runs {@code write} while another transaction has run {@code change} on the record and not yet
	 * committed; commits it once the write waits for the row.
	 */
	private MvcTestResult racedBy(String change, long id, Callable<MvcTestResult> write) throws Exception {
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement statement = other.prepareStatement(change)) {
				statement.setLong(1, id);
				assertThat(statement.executeUpdate()).isOne();
			}
			Future<MvcTestResult> result = pool.submit(write);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!waitingForARow() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			other.commit();
			return result.get(30, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private boolean waitingForARow() {
		return jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database() "
				+ "and wait_event_type = 'Lock'", Integer.class) > 0;
	}

	private static JsonNode json(MvcTestResult result) throws Exception {
		return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
