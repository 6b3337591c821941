package org.fugitivetracker.country;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.JdbcStatements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Country names are read once, and again only when a page meets a code the copy lacks. */
@IntegrationTest
class CountryCatalogTest {

	/** User-assigned ISO codes: no real country has them. */
	static final String ADDED = "XA";

	static final String UNKNOWN = "XB";

	@Autowired
	CountryCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeTheAddedCountry() {
		jdbc.update("delete from country where code = ?", ADDED);
	}

	@Test
	void namesCostNoStatementOnceRead() throws Exception {
		catalog.names();
		var recorded = JdbcStatements.record(() -> {
			CountryNames names = catalog.names();
			assertThat(names.name("US", Locale.ENGLISH)).isEqualTo("United States");
			assertThat(names.name("US", Locale.SIMPLIFIED_CHINESE)).isEqualTo("美国");
		});
		assertThat(recorded.all()).isEmpty();
	}

	@Test
	void aCountryAddedAfterTheReadIsNamedAfterOneMoreRead() throws Exception {
		catalog.names();
		jdbc.update("insert into country (code, name_en, name_zh) values (?, 'Test Land', '测试国')", ADDED);

		var first = JdbcStatements.record(() -> assertThat(catalog.names().name(ADDED, Locale.ENGLISH)).isEqualTo("Test Land"));
		var next = JdbcStatements.record(() -> assertThat(catalog.names().name(ADDED, Locale.CHINESE)).isEqualTo("测试国"));

		assertThat(first.all()).as("the table read again").hasSize(1);
		assertThat(next.all()).as("the new copy kept").isEmpty();
	}

	@Test
	void aCodeNoCountryHasShowsAsItselfAfterOneReadPerPage() throws Exception {
		catalog.names();
		var recorded = JdbcStatements.record(() -> {
			CountryNames names = catalog.names();
			assertThat(names.name(UNKNOWN, Locale.ENGLISH)).isEqualTo(UNKNOWN);
			assertThat(names.name(UNKNOWN, Locale.ENGLISH)).isEqualTo(UNKNOWN);
			assertThat(names.name(null, Locale.ENGLISH)).isEmpty();
		});
		assertThat(recorded.all()).hasSize(1);
	}

}
