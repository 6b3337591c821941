package org.fugitivetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.UUID;

import org.fugitivetracker.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class MissingDatabaseCreatorTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void createsTheConfiguredDatabaseWhenItIsMissing() throws Exception {
		String url;
		String user;
		// given back at once: a pooled connection kept open would be missing from every later test's pool
		try (Connection connection = jdbc.getDataSource().getConnection()) {
			url = connection.getMetaData().getURL();
			user = connection.getMetaData().getUserName();
		}
		String database = "creator_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String probeUrl = url.replaceFirst("/[^/?]+(\\?.*)?$", "/" + database + "$1");
		try {
			MissingDatabaseCreator.createIfMissing(probeUrl, user, System.getProperty("spring.datasource.password"));
			assertThat(jdbc.queryForObject("select count(*) from pg_database where datname = ?", Integer.class, database))
				.isEqualTo(1);
		}
		finally {
			jdbc.execute("DROP DATABASE IF EXISTS " + database);
		}
	}

}
