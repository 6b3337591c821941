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
import org.fugitivetracker.fugitive.FugitiveFacets.CountryCount;
import org.fugitivetracker.fugitive.FugitiveFacets.StatusCount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The search on real PostgreSQL, against the seed plus test people created here; every test runs
 * in a transaction that is rolled back, so the shared database is left as it was.
 */
@IntegrationTest
@Transactional
class FugitiveSearchTest {

	@Autowired
	FugitiveSearch search;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	FlightEvents flightEvents;

	TestFugitives people;

	@BeforeEach
	void setUp() {
		people = new TestFugitives(jdbc);
	}

	@Test
	void countryUsReturnsYangXiuzhuAndHuangYurong() {
		assertThat(names(filter("country=US"))).contains("Yang Xiuzhu", "Huang Yurong");
	}

	@Test
	void countryUsAtLargeReturnsNeitherOfThem() {
		assertThat(names(filter("country=US&status=AT_LARGE"))).doesNotContain("Yang Xiuzhu", "Huang Yurong");
	}

	@Test
	void countryNzReturnsNobodyWhoWentOnlyToTheUs() {
		people.create("Test Nz And Us", null, FugitiveStatus.AT_LARGE, null, List.of("NZ", "US"), List.of());
		people.create("Test Nz Only", null, FugitiveStatus.AT_LARGE, null, List.of("NZ"), List.of());
		people.create("Test Us Only", null, FugitiveStatus.AT_LARGE, null, List.of("US"), List.of());
		List<FugitiveRow> rows = all(filter("country=NZ"));
		assertThat(rows).extracting(FugitiveRow::name).contains("Test Nz And Us", "Test Nz Only")
			.doesNotContain("Test Us Only", "Yang Xiuzhu", "Huang Yurong");
		assertThat(rows).allSatisfy(row -> assertThat(row.destinationCountries()).contains("NZ"));
	}

	@Test
	void severalCountriesMatchAnyOfThem() {
		people.create("Test Canada", null, FugitiveStatus.AT_LARGE, null, List.of("CA"), List.of());
		assertThat(names(filter("country=US&country=CA"))).contains("Yang Xiuzhu", "Huang Yurong", "Test Canada");
	}

	@Test
	void textFindsAChineseNameBySubstring() {
		people.create("Test Zhang Wei", "庚辛张伟", FugitiveStatus.AT_LARGE, null, List.of("CA"), List.of());
		people.create("Test Li Na", "庚辛李娜", FugitiveStatus.AT_LARGE, null, List.of("CA"), List.of());
		assertThat(names(filter("q=张伟"))).containsExactly("Test Zhang Wei");
		assertThat(names(filter("q=庚辛张"))).containsExactly("Test Zhang Wei");
		assertThat(names(filter("q=庚辛"))).containsExactlyInAnyOrder("Test Zhang Wei", "Test Li Na");
	}

	@Test
	void textFindsALowercaseLatinFragmentOfASeededName() {
		assertThat(names(filter("q=xiuz"))).containsExactly("Yang Xiuzhu");
		assertThat(names(filter("q=yurong"))).containsExactly("Huang Yurong");
	}

	@Test
	void textIgnoresCaseAndAccentsOnBothSides() {
		people.create("Test Zhāng Wěi", null, FugitiveStatus.AT_LARGE, null, List.of(), List.of());
		assertThat(names(filter("q=zhang+wei"))).contains("Test Zhāng Wěi");
		assertThat(names(filter("q=ZHĀNG"))).contains("Test Zhāng Wěi");
		assertThat(names(filter("q=wěi+test"))).as("words in any order").contains("Test Zhāng Wěi");
	}

	@Test
	void textSearchesAliasesPositionsAndOrganisationsAndFollowsAliasChanges() {
		long id = people.create("Test Alias Holder", null, FugitiveStatus.AT_LARGE, "Test Harbour Commissioner",
				List.of(), List.of("Test Qiánmíng"));
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
	void likeWildcardsInTheTextMatchOnlyThemselves() {
		people.create("Test 100% Percent", null, FugitiveStatus.AT_LARGE, null, List.of(), List.of());
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
	void facetCountsEqualTheRowsReturned() {
		people.create("Test Facet One", null, FugitiveStatus.AT_LARGE, null, List.of("CA", "US"), List.of());
		people.create("Test Facet Two", null, FugitiveStatus.RETURNED, null, List.of("CA"), List.of());
		people.create("Test Facet Three", null, FugitiveStatus.IN_CUSTODY, null, List.of("AU"), List.of());
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
	void pagesAreStableAndSortedWithTieBreakById() {
		for (int i = 0; i < 5; i++) {
			people.create("Test Same Name", null, FugitiveStatus.AT_LARGE, null, List.of(), List.of());
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
	void sortsByFledWithUndatedPeopleLastInBothDirections() {
		people.create("Test Fled 1990", null, FugitiveStatus.AT_LARGE, null, List.of(), List.of(), LocalDate.of(1990, 5, 1));
		people.create("Test Fled 2010", null, FugitiveStatus.AT_LARGE, null, List.of(), List.of(), LocalDate.of(2010, 5, 1));
		people.create("Test Fled Unknown", null, FugitiveStatus.AT_LARGE, null, List.of(), List.of());
		assertThat(names(filter("q=test+fled&sort=fled,asc"))).containsExactly("Test Fled 1990", "Test Fled 2010",
				"Test Fled Unknown");
		assertThat(names(filter("q=test+fled&sort=fled,desc"))).containsExactly("Test Fled 2010", "Test Fled 1990",
				"Test Fled Unknown");
		assertThat(names(filter("q=test+fled&sort=status,asc")).get(0)).startsWith("Test Fled");
	}

	@Test
	void yearsOnTheRunRunToTheReturnOrToToday() {
		FugitiveRow huang = search.page(filter("q=huang+yurong")).rows().get(0);
		assertThat(huang.fled().iso()).isEqualTo("2002-08");
		assertThat(huang.yearsOnTheRun()).as("August 2002 to 5 December 2015").isEqualTo(13);
		assertThat(huang.destinationCountries()).containsExactly("US");
		FugitiveRow yang = search.page(filter("q=yang+xiuzhu")).rows().get(0);
		assertThat(yang.yearsOnTheRun()).as("flight not dated").isNull();
		people.create("Test Still Abroad", null, FugitiveStatus.AT_LARGE, null, List.of(), List.of(),
				LocalDate.of(2000, 1, 1));
		assertThat(search.page(filter("q=test+still+abroad")).rows().get(0).yearsOnTheRun())
			.as("January 2000 to this month")
			.isEqualTo(LocalDate.now().getYear() - 2000);
	}

	/**
	 * The page costs a fixed number of SQL statements whatever its size: 4 (operations, rows with
	 * destinations and return dates, status counts, country counts); the API list 2 (rows, count).
	 * Counted by a test-only data source wrapper around the service's queries (see
	 * {@link CountingDataSource}); security and the view add none (session login, no lazy loading).
	 */
	@Test
	void statementsPerPageDoNotGrowWithPageSize() {
		for (int i = 0; i < 60; i++) {
			people.create("Test Bulk " + i, null, FugitiveStatus.values()[i % 3], "Test position " + i,
					List.of(i % 2 == 0 ? "US" : "CA", "AU"), List.of("Test alias " + i));
		}
		CountingDataSource counting = new CountingDataSource(dataSource);
		FugitiveSearch counted = new FugitiveSearch(counting, flightEvents);
		for (String query : List.of("q=test+bulk", "q=test+bulk&country=US&status=AT_LARGE", "", "operation=1")) {
			counting.reset();
			assertThat(counted.page(filter(query + "&size=1")).rows()).hasSizeLessThanOrEqualTo(1);
			int small = counting.executed().size();
			counting.reset();
			FugitiveSearchPage big = counted.page(filter(query + "&size=200"));
			assertThat(counting.executed()).as("page statements for %s", query).hasSize(small).hasSize(4);
			assertThat(big.rows().size()).isEqualTo((int) Math.min(200, big.total()));
			counting.reset();
			counted.list(filter(query + "&size=200"));
			assertThat(counting.executed()).as("API statements for %s", query)
				.hasSize(query.contains("operation") ? 3 : 2);
		}
		counting.reset();
		List<FugitiveRow> exported = new ArrayList<>();
		counted.export(counted.resolve(filter("q=test+bulk")), exported::add);
		assertThat(exported).hasSize(60);
		// the export's own statement timeout (issue 16), then its one query
		assertThat(counting.executed()).as("CSV statements").hasSize(2);
		assertThat(counting.executed().get(0)).startsWith("SET LOCAL statement_timeout");
	}

	/**
	 * PostgreSQL's driver reads a result through a cursor (fetch size rows at a time) only inside
	 * a transaction; the export opens a read-only one itself, so the CSV streams.
	 */
	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
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
	void exportReturnsTheWholeResultInThePagesOrder() {
		for (int i = 0; i < 7; i++) {
			people.create("Test Export " + i, null, FugitiveStatus.AT_LARGE, null, List.of("CA"), List.of());
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
