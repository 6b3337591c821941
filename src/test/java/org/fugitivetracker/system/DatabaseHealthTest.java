package org.fugitivetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugitivetracker.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class DatabaseHealthTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void testsRunOnRealPostgresqlInAThrowawayDatabase() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		assertThat(jdbc.queryForObject("select current_database()", String.class)).isNotEqualTo("fugitives");
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
			.isPositive();
	}

	@Test
	void healthIsPublicAndReportsTheDatabase() {
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.components.db.status")
			.isEqualTo("UP");
	}

}
