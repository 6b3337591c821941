package org.fugitivetracker.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The loader command at N = 10 000 with its default seed writes the rows it always has: per table
 * the same number and the same content (fingerprinted with ids counted from the table's first
 * synthetic id), each derived field as its one definition makes it.
 */
@IntegrationTest
@SlowTest
class SyntheticLoadFingerprintTest {

	private static final int FUGITIVES = 10_000;

	/** Table: synthetic rows, and an md5 of their content in id order. */
	private static final Map<String, String> FINGERPRINTS = fingerprints( //
			"source", "10:0f8cb863dc84f9cc42a2a06217b4084d", //
			"case_file", "500:c3a5c748710efb9a8eb2f4361b27fa55", //
			"fugitive", "10000:94a2f43bbc2b1a1d03858f6845654b14", //
			"fugitive_destination", "11780:43c1b637b9e11c257758988205533eef", //
			"case_participant", "1498:cc5cc09ada3e170b85fb8b2992043368", //
			"event", "50559:850ae42f48db81808be2ec8a20e84edc", //
			"asset_transfer", "9970:9dcb77c291ab5419247036ea81c5ff50", //
			"asset_transfer_channel", "9970:95b640af9a3f4919c3223d4c1c5420c3", //
			"citation", "71029:627df97fb211e1ac61a369a2f04776be");

	private static final Map<String, Long> STATUSES = Map.of("AT_LARGE", 7064L, "IN_CUSTODY", 1115L, "RETURNED", 1821L);

	/** Per table: rows, and an md5 of their columns in id order, each id counted from its table's first synthetic id. */
	private static final String FINGERPRINT_SQL = """
			WITH b AS (
			    SELECT (SELECT min(id) FROM source WHERE synthetic) AS s, (SELECT min(id) FROM case_file WHERE synthetic) AS k,
			           (SELECT min(id) FROM fugitive WHERE synthetic) AS f, (SELECT min(id) FROM event WHERE synthetic) AS e,
			           (SELECT min(id) FROM asset_transfer WHERE synthetic) AS t,
			           (SELECT min(c.id) FROM citation c JOIN source s ON s.id = c.source_id WHERE s.synthetic) AS c)
			SELECT 'source', count(*), md5(string_agg(concat_ws('|', x.id - b.s, title, publisher, published_date,
			           published_precision, reference), E'\\n' ORDER BY x.id))
			  FROM source x, b WHERE x.synthetic GROUP BY b.s
			UNION ALL
			SELECT 'case_file', count(*), md5(string_agg(concat_ws('|', x.id - b.k, title, status, counterpart_country),
			           E'\\n' ORDER BY x.id))
			  FROM case_file x, b WHERE x.synthetic GROUP BY b.k
			UNION ALL
			SELECT 'fugitive', count(*), md5(string_agg(concat_ws('|', x.id - b.f, name, native_name, sex, birth_year,
			           reported_age, reported_age_date, reported_age_precision, former_position, former_organisation, province,
			           city, status, fled_date, fled_precision, romanised_names, search_text, destinations), E'\\n' ORDER BY x.id))
			  FROM fugitive x, b WHERE x.synthetic GROUP BY b.f
			UNION ALL
			SELECT 'fugitive_destination', count(*), md5(string_agg(concat_ws('|', x.fugitive_id - b.f, x.country_code),
			           E'\\n' ORDER BY x.fugitive_id, x.country_code))
			  FROM fugitive_destination x JOIN fugitive f ON f.id = x.fugitive_id, b WHERE f.synthetic GROUP BY b.f
			UNION ALL
			SELECT 'case_participant', count(*), md5(string_agg(concat_ws('|', x.case_id - b.k, x.fugitive_id - b.f, role),
			           E'\\n' ORDER BY x.case_id, x.fugitive_id))
			  FROM case_participant x JOIN case_file k ON k.id = x.case_id, b WHERE k.synthetic GROUP BY b.k, b.f
			UNION ALL
			SELECT 'event', count(*), md5(string_agg(concat_ws('|', x.id - b.e, type, occurred_date, occurred_precision,
			           country_code, x.fugitive_id - b.f, x.case_id - b.k), E'\\n' ORDER BY x.id))
			  FROM event x, b WHERE x.synthetic GROUP BY b.e, b.f, b.k
			UNION ALL
			SELECT 'asset_transfer', count(*), md5(string_agg(concat_ws('|', x.id - b.t, amount, currency, qualifier,
			           amount_as_reported, destination_country, x.fugitive_id - b.f, x.case_id - b.k), E'\\n' ORDER BY x.id))
			  FROM asset_transfer x, b WHERE x.synthetic GROUP BY b.t, b.f, b.k
			UNION ALL
			SELECT 'asset_transfer_channel', count(*), md5(string_agg(concat_ws('|', x.asset_transfer_id - b.t, channel),
			           E'\\n' ORDER BY x.asset_transfer_id, x.channel))
			  FROM asset_transfer_channel x JOIN asset_transfer t ON t.id = x.asset_transfer_id, b WHERE t.synthetic GROUP BY b.t
			UNION ALL
			SELECT 'citation', count(*), md5(string_agg(concat_ws('|', x.id - b.c, x.source_id - b.s, attribute, claim,
			           x.fugitive_id - b.f, x.event_id - b.e, x.asset_transfer_id - b.t, x.case_id - b.k), E'\\n' ORDER BY x.id))
			  FROM citation x JOIN source s ON s.id = x.source_id, b WHERE s.synthetic GROUP BY b.c, b.s, b.f, b.e, b.t, b.k
			""";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	DataSource dataSource;

	@Test
	void theCommandLoadsTheSameRowsAsBefore() throws Exception {
		SyntheticDataRemover remover = new SyntheticDataRemover(dataSource);
		remover.remove();
		try {
			try (ConfigurableApplicationContext command = SyntheticDataCommandContext.run(
					"--spring.datasource.url=" + database.getJdbcUrl(),
					"--spring.datasource.username=" + database.getUsername(),
					"--spring.datasource.password=" + Objects.toString(database.getPassword(), ""),
					"--generate-synthetic=" + FUGITIVES)) {
				assertThat(SpringApplication.exit(command)).isZero();
			}

			assertThat(actualFingerprints()).isEqualTo(FINGERPRINTS);
			Map<String, Long> statuses = new HashMap<>();
			jdbc.query("SELECT status, count(*) FROM fugitive WHERE synthetic GROUP BY status", row -> {
				statuses.put(row.getString(1), row.getLong(2));
			});
			assertThat(statuses).isEqualTo(STATUSES);
			assertThat(jdbc.queryForObject("SELECT count(*) FROM " + SyntheticChecks.DERIVED_MISMATCHES, Long.class))
				.as("search text and destinations as the database's functions make them")
				.isZero();
			assertThat(SyntheticChecks.statusesNotDerivedFromTheirEvents(jdbc)).isZero();
		}
		finally {
			remover.remove();
		}
	}

	private Map<String, String> actualFingerprints() {
		Map<String, String> actual = new LinkedHashMap<>();
		jdbc.query(FINGERPRINT_SQL, row -> {
			actual.put(row.getString(1), row.getLong(2) + ":" + row.getString(3));
		});
		return actual;
	}

	private static Map<String, String> fingerprints(String... tableAndFingerprint) {
		Map<String, String> fingerprints = new LinkedHashMap<>();
		for (int i = 0; i < tableAndFingerprint.length; i += 2) {
			fingerprints.put(tableAndFingerprint[i], tableAndFingerprint[i + 1]);
		}
		return fingerprints;
	}

}
