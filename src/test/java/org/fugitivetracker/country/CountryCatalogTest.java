package org.fugitivetracker.country;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.JdbcStatements;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Country names are read once, and again only when a page meets a code the copy lacks. */
@IntegrationTest
class CountryCatalogTest {

	/** User-assigned ISO codes: no real country has them. */
	static final String ADDED = "XA";

	static final String UNKNOWN = "XB";

	@Autowired
	CountryCatalog catalog;

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
	void aCountryAddedAfterTheReadIsNamedAfterOneMoreRead(TestRecords records) throws Exception {
		catalog.names();
		records.country(ADDED, "Test Land", "测试国");

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
