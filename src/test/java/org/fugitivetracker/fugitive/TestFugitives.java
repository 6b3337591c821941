package org.fugitivetracker.fugitive;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test-only people, named "Test ..." so nobody mistakes them for sourced facts. Tests that use it
 * run in a transaction that is rolled back, so the shared database keeps only the seed.
 */
final class TestFugitives {

	private final JdbcTemplate jdbc;

	TestFugitives(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long create(String name, String nativeName, FugitiveStatus status, String position, List<String> destinations,
			List<String> aliases) {
		return create(name, nativeName, status, position, destinations, aliases, null);
	}

	long create(String name, String nativeName, FugitiveStatus status, String position, List<String> destinations,
			List<String> aliases, LocalDate fledMonth) {
		Long id = jdbc.queryForObject("""
				INSERT INTO fugitive (name, native_name, status, former_position, fled_date, fled_precision, synthetic)
				VALUES (?, ?, ?, ?, ?, ?, FALSE) RETURNING id""", Long.class, name, nativeName, status.name(), position,
				fledMonth == null ? null : fledMonth.withDayOfMonth(1), fledMonth == null ? null : "MONTH");
		for (String country : destinations) {
			jdbc.update("INSERT INTO country (code, name_en, name_zh) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", country,
					"Test country " + country, "测试国家" + country);
			jdbc.update("INSERT INTO fugitive_destination (fugitive_id, country_code) VALUES (?, ?)", id, country);
		}
		for (String alias : aliases) {
			jdbc.update("INSERT INTO fugitive_alias (fugitive_id, alias) VALUES (?, ?)", id, alias);
		}
		return id;
	}

}
