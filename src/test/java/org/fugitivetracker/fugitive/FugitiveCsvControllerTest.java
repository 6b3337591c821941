package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@WithMockUser(roles = "ANALYST")
class FugitiveCsvControllerTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Test
	@WithMockUser(roles = "INVESTIGATOR")
	void csvIsForbiddenToInvestigators() {
		// MockMvc stops at the 403; the servlet container renders it with the product's error page.
		assertThat(mvc.get().uri(URI.create("/fugitives.csv?country=US"))).hasStatus(403)
			.bodyText()
			.doesNotContain("Huang Yurong");
	}

	@Test
	void csvIsForbiddenToAnInvestigatorLoggedInWithHttpBasic() {
		assertThat(mvc.get()
			.uri("/fugitives.csv")
			.with(TestLogin.INVESTIGATOR.httpBasic())).hasStatus(403);
		assertThat(mvc.get().uri(URI.create("/fugitives.csv")).with(TestLogin.ANALYST.httpBasic()))
			.hasStatusOk();
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void adminsMayExport() {
		assertThat(mvc.get().uri(URI.create("/fugitives.csv"))).hasStatusOk();
	}

	@Test
	void csvIsRfc4180Utf8WithABomAHeaderAndChineseText(TestRecords records) throws IOException {
		records.person("Test Zhang Wei", "AT_LARGE")
			.nativeName("测试张伟")
			.position("Test deputy, \"acting\" director")
			.destinations("CA", "US");
		MvcTestResult result = mvc.get().uri(URI.create("/fugitives.csv?q=%E6%B5%8B%E8%AF%95%E5%BC%A0")).exchange();
		assertThat(result).hasStatusOk()
			.hasHeader("Content-Disposition", "attachment; filename=\"fugitives.csv\"")
			.hasContentType("text/csv;charset=UTF-8");
		byte[] bytes = result.getResponse().getContentAsByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
		assertThat(text).startsWith(
				"id,name,native_name,status,destination_countries,former_position,former_organisation,fled,years_on_the_run\r\n")
			.contains("\"Test deputy, \"\"acting\"\" director\"");
		assertThat(parse(text)).singleElement().satisfies(record -> {
			assertThat(record.get("name")).isEqualTo("Test Zhang Wei");
			assertThat(record.get("native_name")).isEqualTo("测试张伟");
			assertThat(record.get("status")).isEqualTo("AT_LARGE");
			assertThat(record.get("destination_countries")).isEqualTo("CA US");
			assertThat(record.get("former_position")).isEqualTo("Test deputy, \"acting\" director");
		});
	}

	@Test
	void csvHasTheSeededFactsWithDatesAsGiven() throws IOException {
		List<CSVRecord> records = parse(csv("/fugitives.csv?country=US&q=huang"));
		assertThat(records).singleElement().satisfies(record -> {
			assertThat(record.get("name")).isEqualTo("Huang Yurong");
			assertThat(record.get("fled")).isEqualTo("2002-08");
			assertThat(record.get("years_on_the_run")).isEqualTo("13");
			assertThat(record.get("former_organisation")).isEqualTo("Henan province's Highway Department");
		});
	}

	@Test
	void textThatASpreadsheetWouldRunAsAFormulaIsDefused(TestRecords records) throws IOException {
		records.person("Test Formula", "AT_LARGE").position("=HYPERLINK(\"http://example.com\")");
		assertThat(parse(csv("/fugitives.csv?q=test%20formula")).get(0).get("former_position"))
			.isEqualTo("'=HYPERLINK(\"http://example.com\")");
	}

	@Test
	void aBadParameterGivesA400PageNotAFile() {
		assertThat(mvc.get().uri(URI.create("/fugitives.csv?country=XX"))).hasStatus(400)
			.hasContentTypeCompatibleWith("text/html")
			.bodyText()
			.contains("country: &#39;XX&#39; is not an ISO 3166-1 alpha-2 country code");
		assertThat(mvc.get().uri(URI.create("/fugitives.csv?operation=999999"))).hasStatus(400);
	}

	@Test
	void theWholeResultIsExportedWhateverThePageParameters(TestRecords records) throws IOException {
		for (int i = 0; i < 5; i++) {
			records.person("Test Whole " + i, "AT_LARGE").destinations("CA");
		}
		assertThat(parse(csv("/fugitives.csv?q=test%20whole&page=1&size=2"))).hasSize(5);
	}

	/** For one URL, the page, the CSV and the API return the same people in the same order. */
	@Test
	void csvAndApiAgreeWithThePageForTheSameUrl(TestRecords records) throws IOException {
		records.person("Test Agree Alpha", "AT_LARGE").nativeName("测试一致").destinations("US", "NZ");
		records.person("Test Agree Beta", "RETURNED").destinations("US");
		records.person("Test Agree Gamma", "IN_CUSTODY").destinations("NZ");
		for (String query : List.of("country=US", "country=US&status=AT_LARGE", "country=NZ&country=US&sort=name,desc",
				"q=agree&status=RETURNED&status=IN_CUSTODY", "q=%E6%B5%8B%E8%AF%95", "operation=1", "sort=status,asc",
				"sort=fled,desc&size=200")) {
			String html = mvc.get().uri(URI.create("/fugitives?" + query)).exchange().getResponse().getContentAsString(
					StandardCharsets.UTF_8);
			List<Long> pageIds = FugitiveListControllerTest.ids(html);
			long pageTotal = FugitiveListControllerTest.total(html);
			assertThat(pageTotal).as("rows of %s", query).isPositive();

			List<Long> csvIds = parse(csv("/fugitives.csv?" + query)).stream()
				.map(r -> Long.parseLong(r.get("id")))
				.toList();

			JsonNode api = json.readTree(mvc.get().uri(URI.create("/api/v1/fugitives?" + query)).exchange().getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
			List<Long> apiIds = new java.util.ArrayList<>();
			api.get("content").forEach(n -> apiIds.add(n.get("id").asLong()));

			assertThat(csvIds).as("CSV of %s", query).hasSize((int) pageTotal).startsWith(pageIds.toArray(Long[]::new));
			assertThat(apiIds).as("API of %s", query).isEqualTo(pageIds);
			assertThat(api.get("page").get("totalElements").asLong()).as("API total of %s", query).isEqualTo(pageTotal);
		}
	}

	private String csv(String uri) {
		MvcTestResult result = mvc.get().uri(URI.create(uri)).exchange();
		assertThat(result).hasStatusOk();
		String text = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return text.substring(1);
	}

	private static List<CSVRecord> parse(String text) throws IOException {
		return CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text))
			.getRecords();
	}

}
