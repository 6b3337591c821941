package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
@WithMockUser(roles = "INVESTIGATOR")
class FugitiveListControllerTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void showsTheFormFacetsTotalAndRowsForCountryUs() {
		String html = page("/fugitives?country=US");
		assertThat(html).contains("<form id=\"filters\"", "method=\"get\"", "id=\"facet-country\"",
				"id=\"facet-status\"", "<table id=\"results\"", "<th scope=\"col\">Name</th>");
		assertThat(html).contains("<a href=\"/fugitives/1\">Yang Xiuzhu</a>", "<a href=\"/fugitives/2\">Huang Yurong</a>",
				"<span class=\"badge IN_CUSTODY\">In custody</span>", "<span class=\"badge RETURNED\">Returned</span>",
				"Deputy mayor of Wenzhou", "United States");
		long total = total(html);
		assertThat(total).isEqualTo(jdbc.queryForObject(
				"SELECT count(*) FROM fugitive_destination WHERE country_code = 'US'", Long.class));
		assertThat(facetCount(html, "country", "US")).isEqualTo(total);
		assertThat(facetCount(html, "status", "IN_CUSTODY") + facetCount(html, "status", "RETURNED")
				+ facetCount(html, "status", "AT_LARGE"))
			.isEqualTo(total);
		assertThat(html).containsPattern("id=\"country-US\" value=\"US\" checked=\"checked\"");
		assertThat(html).doesNotContain("id=\"csv-link\"");
	}

	@Test
	void keepsTheFilterInTheFormAfterSubmitting() {
		String html = page("/fugitives?country=US&status=IN_CUSTODY&q=yang&operation=1&sort=fled,desc&size=20");
		assertThat(html).contains("id=\"q\" name=\"q\" value=\"yang\"",
				"id=\"status-IN_CUSTODY\" value=\"IN_CUSTODY\" checked=\"checked\"",
				"<option value=\"1\" selected=\"selected\">Sky Net</option>",
				"<option value=\"fled,desc\" selected=\"selected\">", "<option value=\"20\" selected=\"selected\">20</option>");
		assertThat(total(html)).as("Yang is not on Sky Net's list").isZero();
	}

	@Test
	void aFormSubmissionWithEmptyFieldsIsSentOnWithoutThem() {
		assertThat(mvc.get().uri(URI.create("/fugitives?q=&country=US&operation=&status=IN_CUSTODY&sort=name%2Casc&size=50")))
			.hasStatus(302)
			.hasHeader("Location", "/fugitives?country=US&status=IN_CUSTODY&sort=name%2Casc&size=50");
		assertThat(mvc.get().uri(URI.create("/fugitives?q=&operation=")))
			.hasStatus(302)
			.hasHeader("Location", "/fugitives");
		assertThat(mvc.get().uri(URI.create("/fugitives?q=%E6%9D%A8%20%E7%A7%80&operation=%20")))
			.as("text kept as typed, encoded as a form encodes it")
			.hasStatus(302)
			.hasHeader("Location", "/fugitives?q=%E6%9D%A8+%E7%A7%80");
		assertThat(mvc.get().uri(URI.create("/fugitives?country=US&sort=name%2Casc"))).hasStatusOk();
	}

	@Test
	void theNativeNameColumnShowsOnlyWhenARowOfThePageHasOne(TestRecords records) {
		String without = page("/fugitives?q=Huang%20Yurong");
		assertThat(without).as("the seed records no native name for him")
			.doesNotContain("<th scope=\"col\">Native name</th>");
		records.person("Test Native Name", "AT_LARGE").nativeName("测试中文名").destinations("CA");
		assertThat(page("/fugitives?q=%E6%B5%8B%E8%AF%95%E4%B8%AD%E6%96%87%E5%90%8D"))
			.contains("<th scope=\"col\">Native name</th>", "<td lang=\"zh-CN\" data-label=\"Native name\">测试中文名</td>");
	}

	@Test
	void countriesWithoutAMatchComeAfterTheOthersFoldedAwayUnlessChosen(TestRecords records) {
		records.person("Test Fold Canada", "AT_LARGE").destinations("CA");
		String html = page("/fugitives?q=Test%20Fold%20Canada&country=NZ");
		String offered = html.substring(html.indexOf("id=\"facet-country\""), html.indexOf("class=\"facet-rest\""));
		assertThat(offered).as("a match, and a chosen country without one")
			.contains("id=\"country-CA\"", "id=\"country-NZ\" value=\"NZ\" checked=\"checked\"")
			.doesNotContain("id=\"country-US\"");
		assertThat(html.substring(html.indexOf("class=\"facet-rest\""))).contains("id=\"country-US\"");
		assertThat(html).contains("<summary>Country, status, wanted list and order (1 chosen)</summary>");
	}

	@Test
	void showsAnEmptyStateWhenNothingMatches() {
		String html = page("/fugitives?q=no%20such%20person%20anywhere");
		assertThat(total(html)).isZero();
		assertThat(html).contains("No fugitive matches these filters.", "Clear every filter")
			.doesNotContain("<table id=\"results\"");
	}

	@Test
	void paginationLinksKeepEveryParameter(TestRecords records) {
		for (int i = 0; i < 3; i++) {
			records.person("Test Paging " + i, "AT_LARGE").nativeName("测试翻页" + i).destinations("CA");
		}
		String html = page("/fugitives?country=CA&status=AT_LARGE&q=%E6%B5%8B%E8%AF%95%E7%BF%BB%E9%A1%B5&size=1&page=1");
		assertThat(total(html)).isEqualTo(3);
		assertThat(html).contains("Page 2 of 3", "Test Paging 1")
			.contains("href=\"/fugitives?country=CA&amp;status=AT_LARGE&amp;q=%E6%B5%8B%E8%AF%95%E7%BF%BB%E9%A1%B5&amp;page=2&amp;size=1\" rel=\"next\"")
			.contains("href=\"/fugitives?country=CA&amp;status=AT_LARGE&amp;q=%E6%B5%8B%E8%AF%95%E7%BF%BB%E9%A1%B5&amp;page=0&amp;size=1\" rel=\"prev\"");
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void analystsSeeTheCsvLinkWithTheSameParameters() {
		String html = page("/fugitives?country=US&q=yang&sort=name,desc&page=0&size=20");
		assertThat(html).contains("id=\"csv-link\"")
			.contains("href=\"/fugitives.csv?country=US&amp;q=yang&amp;sort=name%2Cdesc\"");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void adminsSeeTheCsvLinkToo() {
		assertThat(page("/fugitives")).contains("id=\"csv-link\"", "href=\"/fugitives.csv\"");
	}

	@Test
	void labelsCountriesAndStatusesInChinese() {
		String html = page("/fugitives?country=US&lang=zh-CN");
		assertThat(html).contains("美国", "被羁押", "已归案", "外逃目的国", "应用筛选");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			country=XX                | country: 'XX' is not an ISO 3166-1 alpha-2 country code
			country=usa               | country: 'usa' is not
			status=FOO                | status: 'FOO' is not a status
			page=-1                   | page: '-1' is not a page number
			page=abc                  | page: 'abc' is not a page number
			size=0                    | size: '0' is not a page size; use a whole number from 1 to 200
			size=201                  | size: '201' is not a page size
			page=50&size=200          | page: page 50 (200 rows a page) starts beyond row 10,000; narrow the filter
			sort=age                  | sort: 'age' is not a sort order
			sort=name,up              | sort: 'name,up' is not a sort order
			operation=abc             | operation: 'abc' is not an operation id
			operation=999999          | operation: there is no operation with id 999999
			""")
	void everyBadParameterGivesA400PageSayingWhatWasWrong(String query, String message) {
		assertThat(mvc.get().uri(URI.create("/fugitives?" + query))).hasStatus(400)
			.bodyText()
			.contains("The request was not understood", message.replace("'", "&#39;"))
			.doesNotContain("Exception", "at org.");
	}

	@Test
	void aTooLongSearchTextGivesA400() {
		assertThat(mvc.get().uri(URI.create("/fugitives")).param("q", "x".repeat(101))).hasStatus(400)
			.bodyText()
			.contains("q: the search text may have at most 100 characters.");
	}

	@Test
	void theErrorIsInChineseForChineseReaders() {
		assertThat(mvc.get().uri(URI.create("/fugitives?status=FOO&lang=zh-CN"))).hasStatus(400)
			.bodyText()
			.contains("status: “FOO”不是有效状态");
	}

	static long total(String html) {
		Matcher matcher = Pattern.compile("<strong id=\"total\">(\\d+)</strong>").matcher(html);
		assertThat(matcher.find()).as("total element").isTrue();
		return Long.parseLong(matcher.group(1));
	}

	static long facetCount(String html, String family, String value) {
		Matcher matcher = Pattern
			.compile("<li id=\"facet-" + family + "-" + value + "\">.*?<span class=\"count\"[^>]*>(\\d+)</span>",
					Pattern.DOTALL)
			.matcher(html);
		assertThat(matcher.find()).as("facet %s %s", family, value).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	/** The fugitive ids of the results table, in order. */
	static List<Long> ids(String html) {
		return Pattern.compile("<th scope=\"row\"><a href=\"/fugitives/(\\d+)\">")
			.matcher(html)
			.results()
			.map(m -> Long.parseLong(m.group(1)))
			.toList();
	}

	private String page(String uri) {
		var result = mvc.get().uri(URI.create(uri)).exchange();
		assertThat(result).hasStatusOk().hasContentType("text/html;charset=UTF-8");
		try {
			return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
