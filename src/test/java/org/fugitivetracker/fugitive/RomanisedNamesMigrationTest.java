package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.fugitivetracker.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V17 on a database that already holds people with names in other scripts (written before
 * romanised names existed): they get theirs, and the search finds them by it.
 */
@IntegrationTest
class RomanisedNamesMigrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcConnectionDetails connectionDetails;

	@Test
	void romanisesThePeopleAlreadyRecorded() throws Exception {
		String url;
		// given back at once: a pooled connection kept open would be missing from every later test's pool
		try (Connection connection = jdbc.getDataSource().getConnection()) {
			url = connection.getMetaData().getURL();
		}
		String database = "romanised_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		jdbc.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
		try {
			DriverManagerDataSource probe = new DriverManagerDataSource(
					url.replaceFirst("/[^/?]+(\\?.*)?$", "/" + database + "$1"), connectionDetails.getUsername(),
					connectionDetails.getPassword());
			Flyway.configure().dataSource(probe).target("15").load().migrate();
			JdbcTemplate before = new JdbcTemplate(probe);
			long chinese = before.queryForObject("INSERT INTO fugitive (name, native_name) VALUES ('Test Old Chinese', "
					+ "'庚辛测试') RETURNING id", Long.class);
			long alias = before.queryForObject("INSERT INTO fugitive (name) VALUES ('Test Old Alias') RETURNING id",
					Long.class);
			before.update("INSERT INTO fugitive_alias (fugitive_id, alias) VALUES (?, 'тестов'), (?, 'Test Ālias')",
					alias, alias);

			Flyway.configure().dataSource(probe).load().migrate();

			JdbcTemplate after = new JdbcTemplate(probe);
			assertThat(after.queryForObject("SELECT array_to_string(romanised_names, '|') FROM fugitive WHERE id = ?",
					String.class, chinese)).isEqualTo("geng xin ce shi");
			assertThat(after.queryForObject("SELECT search_text FROM fugitive WHERE id = ?", String.class, chinese))
				.isEqualTo("test old chinese 庚辛测试 geng xin ce shi gengxinceshi");
			assertThat(after.queryForObject("SELECT search_text FROM fugitive WHERE id = ?", String.class, alias))
				.isEqualTo("test old alias test alias тестов testov testov");
			assertThat(after.queryForObject("SELECT count(*) FROM fugitive WHERE romanised_names <> '{}'", Long.class))
				.as("the seeded people have no names in other scripts")
				.isEqualTo(2);
		}
		finally {
			jdbc.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

}
