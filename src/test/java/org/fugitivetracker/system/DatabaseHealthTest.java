package org.fugitivetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class DatabaseHealthTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	DatabaseHealthIndicator health;

	@Test
	void testsRunOnRealPostgresqlInAThrowawayDatabase() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		assertThat(jdbc.queryForObject("select current_database()", String.class)).isNotEqualTo("fugitives");
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
			.isPositive();
	}

	/** Anonymous callers listed every component; they now get UP or DOWN only. */
	@Test
	void healthIsPublicButOnlyAdministratorsSeeItsComponents() {
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk()
			.bodyText()
			.contains("\"status\":\"UP\"")
			.doesNotContain("components", "db", "diskSpace");
		assertThat(mvc.get().uri("/actuator/health").with(TestLogin.INVESTIGATOR.httpBasic()))
			.hasStatusOk()
			.bodyText()
			.doesNotContain("components");
		assertThat(mvc.get().uri("/actuator/health").with(TestLogin.ADMIN.httpBasic()))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.components.db.status")
			.isEqualTo("UP");
		assertThat(mvc.get().uri("/actuator/health/db")).hasStatus(404);
	}

	/** The database check does not borrow from the pool, so a pool full of waiting requests cannot make it DOWN. */
	@Test
	void theDatabaseCheckAnswersWhileEveryPooledConnectionIsTaken() throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		List<Connection> taken = new ArrayList<>();
		try {
			while (taken.size() < pool.getMaximumPoolSize()) {
				taken.add(pool.getConnection());
			}
			long start = System.nanoTime();
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		}
		finally {
			for (Connection connection : taken) {
				connection.close();
			}
		}
	}

}
