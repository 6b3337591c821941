package org.fugitivetracker.fugitive;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.JdbcStatements;
import org.fugitivetracker.TestRecords;
import org.fugitivetracker.fugitive.FugitiveFacets.CountryCount;
import org.fugitivetracker.fugitive.FugitiveFacets.StatusCount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search on real PostgreSQL, against the seed plus test people created here. */
@IntegrationTest
class FugitiveSearchTest {

	@Autowired
	FugitiveSearch search;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void countryUsReturnsYangXiuzhuAndHuangYurong() {
		assertThat(names(filter("country=US"))).contains("Yang Xiuzhu", "Huang Yurong");
	}

	@Test
	void countryUsAtLargeReturnsNeitherOfThem() {
		assertThat(names(filter("country=US&status=AT_LARGE"))).doesNotContain("Yang Xiuzhu", "Huang Yurong");
	}

	@Test
	void countryNzReturnsNobodyWhoWentOnlyToTheUs(TestRecords records) {
		records.person("Test Nz And Us", "AT_LARGE").destinations("NZ", "US");
		records.person("Test Nz Only", "AT_LARGE").destinations("NZ");
		records.person("Test Us Only", "AT_LARGE").destinations("US");
		List<FugitiveRow> rows = all(filter("country=NZ"));
		assertThat(rows).extracting(FugitiveRow::name).contains("Test Nz And Us", "Test Nz Only")
			.doesNotContain("Test Us Only", "Yang Xiuzhu", "Huang Yurong");
		assertThat(rows).allSatisfy(row -> assertThat(row.destinationCountries()).contains("NZ"));
	}

	@Test
	void severalCountriesMatchAnyOfThem(TestRecords records) {
		records.person("Test Canada", "AT_LARGE").destinations("CA");
		assertThat(names(filter("country=US&country=CA"))).contains("Yang Xiuzhu", "Huang Yurong", "Test Canada");
	}

	@Test
	void textFindsAChineseNameBySubstring(TestRecords records) {
		records.person("Test Zhang Wei", "AT_LARGE").nativeName("庚辛张伟").destinations("CA");
		records.person("Test Li Na", "AT_LARGE").nativeName("庚辛李娜").destinations("CA");
		assertThat(names(filter("q=张伟"))).containsExactly("Test Zhang Wei");
		assertThat(names(filter("q=庚辛张"))).containsExactly("Test Zhang Wei");
		assertThat(names(filter("q=庚辛"))).containsExactlyInAnyOrder("Test Zhang Wei", "Test Li Na");
		// one character, a position in Chinese, and Chinese beside Latin in one term
		records.person("Test Ju Zhang", "AT_LARGE").position("庚辛市局长");
		assertThat(names(filter("q=娜"))).containsExactly("Test Li Na");
		assertThat(names(filter("q=市局长"))).containsExactly("Test Ju Zhang");
		assertThat(names(filter("q=庚辛张伟+test"))).containsExactly("Test Zhang Wei");
		assertThat(names(filter("q=庚辛x"))).isEmpty();
	}

	@Test
	void textFindsALowercaseLatinFragmentOfASeededName() {
		assertThat(names(filter("q=xiuz"))).containsExactly("Yang Xiuzhu");
		assertThat(names(filter("q=yurong"))).containsExactly("Huang Yurong");
	}

	@Test
	void textIgnoresCaseAndAccentsOnBothSides(TestRecords records) {
		records.fugitive("Test Zhāng Wěi", "AT_LARGE");
		assertThat(names(filter("q=zhang+wei"))).contains("Test Zhāng Wěi");
		assertThat(names(filter("q=ZHĀNG"))).contains("Test Zhāng Wěi");
		assertThat(names(filter("q=wěi+test"))).as("words in any order").contains("Test Zhāng Wěi");
	}

	@Test
	void textSearchesAliasesPositionsAndOrganisationsAndFollowsAliasChanges(TestRecords records) {
		long id = records.person("Test Alias Holder", "AT_LARGE")
			.position("Test Harbour Commissioner")
			.aliases("Test Qiánmíng")
			.id();
		assertThat(names(filter("q=qianming"))).containsExactly("Test Alias Holder");
		assertThat(names(filter("q=harbour+commiss"))).containsExactly("Test Alias Holder");
		assertThat(names(filter("q=highway+department"))).containsExactly("Huang Yurong");

		jdbc.update("UPDATE fugitive_alias SET alias = 'Test Hòumíng' WHERE fugitive_id = ?", id);
		assertThat(names(filter("q=qianming"))).isEmpty();
		assertThat(names(filter("q=houming"))).containsExactly("Test Alias Holder");
		jdbc.update("DELETE FROM fugitive_alias WHERE fugitive_id = ?", id);
		assertThat(names(filter("q=houming"))).isEmpty();
	}

	@Test
	void likeWildcardsInTheTextMatchOnlyThemselves(TestRecords records) {
		records.fugitive("Test 100% Percent", "AT_LARGE");
		assertThat(names(filter("q=100%25"))).containsExactly("Test 100% Percent");
		assertThat(names(filter("q=%25"))).containsExactly("Test 100% Percent");
		assertThat(names(filter("q=_"))).isEmpty();
	}

	@Test
	void operationFiltersThePeopleOnItsWantedLists() {
		assertThat(names(filter("operation=1"))).containsExactly("Huang Yurong");
		assertThatThrownBy(() -> search.page(filter("operation=999999"))).isInstanceOf(InvalidFilterException.class)
			.hasMessageStartingWith("operation: ");
		assertThatThrownBy(() -> search.list(filter("operation=999999"))).isInstanceOf(InvalidFilterException.class);
	}

	@Test
	void facetCountsEqualTheRowsReturned(TestRecords records) {
		records.person("Test Facet One", "AT_LARGE").destinations("CA", "US");
		records.person("Test Facet Two", "RETURNED").destinations("CA");
		records.person("Test Facet Three", "IN_CUSTODY").destinations("AU");
		for (String query : List.of("", "country=US", "country=CA", "country=US&status=AT_LARGE",
				"status=RETURNED&status=IN_CUSTODY", "q=test+facet", "q=test+facet&country=CA", "operation=1",
				"country=NZ")) {
			FugitiveFilter filter = filter(query + "&size=200");
			FugitiveSearchPage page = search.page(filter);
			List<FugitiveRow> rows = all(filter);
			assertThat(page.total()).as("total of %s", query).isEqualTo(rows.size());
			assertThat(search.list(filter).total()).as("API total of %s", query).isEqualTo(rows.size());
			Map<FugitiveStatus, Long> statusCounts = page.facets()
				.statuses()
				.stream()
				.collect(Collectors.toMap(StatusCount::status, StatusCount::count));
			// Each status count is the rows of that status (the status filter itself left out).
			for (FugitiveStatus status : FugitiveStatus.values()) {
				FugitiveFilter withStatus = filter(query.replaceAll("&?status=[A-Z_]+", "") + "&status=" + status
						+ "&size=200");
				assertThat(statusCounts.get(status)).as("%s of %s", status, query)
					.isEqualTo(all(withStatus).size());
			}
			// Each country count is the rows with that destination (the country filter left out).
			for (CountryCount country : page.facets().countries()) {
				FugitiveFilter withCountry = filter(query.replaceAll("&?country=[A-Z]+", "") + "&country="
						+ country.code() + "&size=200");
				assertThat(country.count()).as("%s of %s", country.code(), query).isEqualTo(all(withCountry).size());
			}
			if (filter.countries().size() == 1) {
				assertThat(page.facets().countries())
					.filteredOn(CountryCount::selected)
					.singleElement()
					.extracting(CountryCount::count)
					.isEqualTo((long) rows.size());
			}
		}
	}

	@Test
	void aChosenCountryMissingFromTheCountryTableStillShowsInTheFacet() {
		FugitiveSearchPage page = search.page(filter("country=FR"));
		assertThat(page.total()).isZero();
		assertThat(page.facets().countries()).filteredOn(c -> c.code().equals("FR"))
			.singleElement()
			.satisfies(c -> assertThat(c.selected()).isTrue());
	}

	@Test
	void pagesAreStableAndSortedWithTieBreakById(TestRecords records) {
		for (int i = 0; i < 5; i++) {
			records.fugitive("Test Same Name", "AT_LARGE");
		}
		List<Long> ids = new ArrayList<>();
		for (int page = 0; page < 5; page++) {
			ids.addAll(search.page(filter("q=test+same+name&size=1&page=" + page)).rows().stream().map(FugitiveRow::id).toList());
		}
		assertThat(ids).hasSize(5).doesNotHaveDuplicates().isSorted();
		assertThat(search.page(filter("q=test+same+name&size=1&page=9")).rows()).isEmpty();
		List<Long> descending = search.page(filter("q=test+same+name&sort=name,desc")).rows().stream()
			.map(FugitiveRow::id).toList();
		assertThat(descending).isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void sortsByFledWithUndatedPeopleLastInBothDirections(TestRecords records) {
		records.person("Test Fled 1990", "AT_LARGE").fled("1990-05");
		records.person("Test Fled 2010", "AT_LARGE").fled("2010-05");
		records.fugitive("Test Fled Unknown", "AT_LARGE");
		assertThat(names(filter("q=test+fled&sort=fled,asc"))).containsExactly("Test Fled 1990", "Test Fled 2010",
				"Test Fled Unknown");
		assertThat(names(filter("q=test+fled&sort=fled,desc"))).containsExactly("Test Fled 2010", "Test Fled 1990",
				"Test Fled Unknown");
		assertThat(names(filter("q=test+fled&sort=status,asc")).get(0)).startsWith("Test Fled");
	}

	@Test
	void yearsOnTheRunRunToTheReturnOrToToday(TestRecords records) {
		FugitiveRow huang = search.page(filter("q=huang+yurong")).rows().get(0);
		assertThat(huang.fled().iso()).isEqualTo("2002-08");
		assertThat(huang.yearsOnTheRun()).as("August 2002 to 5 December 2015").isEqualTo(13);
		assertThat(huang.destinationCountries()).containsExactly("US");
		FugitiveRow yang = search.page(filter("q=yang+xiuzhu")).rows().get(0);
		assertThat(yang.yearsOnTheRun()).as("flight not dated").isNull();
		records.person("Test Still Abroad", "AT_LARGE").fled("2000-01");
		assertThat(search.page(filter("q=test+still+abroad")).rows().get(0).yearsOnTheRun())
			.as("January 2000 to this month")
			.isEqualTo(LocalDate.now().getYear() - 2000);
	}

	/**
	 * The page costs a fixed number of SQL statements whatever its size: 4 by country and status
	 * (operations, rows with destinations and return dates, status counts, country counts), 2 with
	 * text or an operation (operations; rows, total and counts); the API list 2 (rows and count; the
	 * operation and its rows), 1 with text.
	 * Counted at the JDBC level ({@link JdbcStatements}) around the service's calls.
	 */
	@Test
	void statementsPerPageDoNotGrowWithPageSize(TestRecords records) throws Exception {
		for (int i = 0; i < 60; i++) {
			records.person("Test Bulk " + i, FugitiveStatus.values()[i % 3].name())
				.position("Test position " + i)
				.destinations(i % 2 == 0 ? "US" : "CA", "AU")
				.aliases("Test alias " + i);
		}
		for (String query : List.of("q=test+bulk", "q=test+bulk&country=US&status=AT_LARGE", "", "operation=1")) {
			List<String> small = JdbcStatements
				.record(() -> assertThat(search.page(filter(query + "&size=1")).rows()).hasSizeLessThanOrEqualTo(1))
				.all();
			List<FugitiveSearchPage> big = new ArrayList<>();
			List<String> large = JdbcStatements.record(() -> big.add(search.page(filter(query + "&size=200")))).all();
			boolean matching = query.contains("q=") || query.contains("operation");
			assertThat(large).as("page statements for %s", query).hasSameSizeAs(small).hasSize(matching ? 2 : 4);
			assertThat(big.get(0).rows().size()).isEqualTo((int) Math.min(200, big.get(0).total()));
			assertThat(JdbcStatements.record(() -> search.list(filter(query + "&size=200"))).all())
				.as("API statements for %s", query)
				.hasSize(query.contains("q=") ? 1 : 2);
		}
		List<FugitiveRow> exported = new ArrayList<>();
		List<String> csv = JdbcStatements
			.record(() -> search.export(search.resolve(filter("q=test+bulk")), exported::add))
			.all();
		assertThat(exported).hasSize(60);
		// the export's own statement timeout, then its one query
		assertThat(csv).as("CSV statements").hasSize(2);
		assertThat(csv.get(0)).startsWith("SET LOCAL statement_timeout");
	}

	/**
	 * PostgreSQL's driver reads a result through a cursor (fetch size rows at a time) only inside
	 * a transaction; the export opens a read-only one itself, so the CSV streams.
	 */
	@Test
	void exportStreamsInsideAReadOnlyTransaction() {
		List<Boolean> checks = new ArrayList<>();
		search.export(search.resolve(filter("")), row -> {
			if (checks.isEmpty()) {
				Connection connection = DataSourceUtils.getConnection(dataSource);
				try {
					checks.add(TransactionSynchronizationManager.isActualTransactionActive());
					checks.add(TransactionSynchronizationManager.isCurrentTransactionReadOnly());
					checks.add(!connection.getAutoCommit());
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
				finally {
					DataSourceUtils.releaseConnection(connection, dataSource);
				}
			}
		});
		assertThat(checks).containsExactly(true, true, true);
	}

	@Test
	void exportReturnsTheWholeResultInThePagesOrder(TestRecords records) {
		for (int i = 0; i < 7; i++) {
			records.person("Test Export " + i, "AT_LARGE").destinations("CA");
		}
		List<FugitiveRow> exported = new ArrayList<>();
		search.export(search.resolve(filter("q=test+export&sort=name,desc&size=2&page=1")), exported::add);
		assertThat(exported).extracting(FugitiveRow::name)
			.hasSize(7)
			.isEqualTo(search.page(filter("q=test+export&sort=name,desc&size=200")).rows().stream()
				.map(FugitiveRow::name).toList());
	}

	static FugitiveFilter filter(String query) {
		Map<String, List<String>> params = new java.util.LinkedHashMap<>();
		for (String pair : query.split("&")) {
			if (!pair.isEmpty()) {
				String[] kv = pair.split("=", 2);
				params.computeIfAbsent(kv[0], k -> new ArrayList<>())
					.add(java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		return FugitiveFilter.parse(new FugitiveQuery(params.get("country"), params.get("status"), first(params, "q"),
				first(params, "operation"), first(params, "sort"), first(params, "page"), first(params, "size")));
	}

	private static String first(Map<String, List<String>> params, String name) {
		List<String> values = params.get(name);
		return values == null ? null : values.get(values.size() - 1);
	}

	private List<String> names(FugitiveFilter filter) {
		return all(filter).stream().map(FugitiveRow::name).toList();
	}

	private List<FugitiveRow> all(FugitiveFilter filter) {
		List<FugitiveRow> rows = new ArrayList<>();
		search.export(search.resolve(filter), rows::add);
		return rows;
	}

}
