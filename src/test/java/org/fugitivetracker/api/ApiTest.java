package org.fugitivetracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@WithMockUser(roles = "INVESTIGATOR")
class ApiTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Test
	void fugitivePageHasExactlyContentAndPage() {
		JsonNode body = get("/api/v1/fugitives?country=US&size=50");
		assertThat(names(body)).containsExactly("content", "page");
		assertThat(names(body.get("page"))).containsExactly("number", "size", "totalElements", "totalPages");
		assertThat(body.get("page").get("number").asInt()).isZero();
		assertThat(body.get("page").get("size").asInt()).isEqualTo(50);
		assertThat(body.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
		JsonNode huang = item(body, "Huang Yurong");
		assertThat(huang.get("status").asString()).isEqualTo("RETURNED");
		assertThat(huang.get("destinationCountries").get(0).asString()).isEqualTo("US");
		assertThat(huang.get("formerPosition").asString()).isEqualTo("Party chief");
		assertThat(huang.get("formerOrganisation").asString()).isEqualTo("Henan province's Highway Department");
		assertThat(huang.get("fled").asString()).isEqualTo("2002-08");
		assertThat(huang.get("fledPrecision").asString()).isEqualTo("MONTH");
		assertThat(huang.get("yearsOnTheRun").asInt()).isEqualTo(13);
		assertThat(huang.has("nativeName")).isTrue();
		assertThat(names(item(body, "Yang Xiuzhu"))).contains("id", "name", "nativeName", "status",
				"destinationCountries", "formerPosition", "formerOrganisation", "yearsOnTheRun");
	}

	@Test
	void countryUsAtLargeReturnsNeitherSeededPerson() {
		JsonNode body = get("/api/v1/fugitives?country=US&status=AT_LARGE");
		List<String> names = new ArrayList<>();
		body.get("content").forEach(n -> names.add(n.get("name").asString()));
		assertThat(names).doesNotContain("Yang Xiuzhu", "Huang Yurong");
	}

	@Test
	void pagesThroughTheResult() {
		JsonNode first = get("/api/v1/fugitives?country=US&size=1&page=0");
		JsonNode second = get("/api/v1/fugitives?country=US&size=1&page=1");
		assertThat(first.get("page").get("totalPages").asInt())
			.isEqualTo(first.get("page").get("totalElements").asInt());
		assertThat(first.get("content").get(0).get("id").asLong())
			.isNotEqualTo(second.get("content").get(0).get("id").asLong());
	}

	@Test
	void fugitiveDetailHasEventsWithDatesAsGivenTheirSourcesAndCases() {
		JsonNode huang = get("/api/v1/fugitives/2");
		assertThat(huang.get("name").asString()).isEqualTo("Huang Yurong");
		assertThat(huang.get("yearsOnTheRun").asInt()).isEqualTo(13);
		JsonNode surrender = event(huang, "SURRENDER");
		assertThat(surrender.get("date").asString()).isEqualTo("2015-12-05");
		assertThat(surrender.get("precision").asString()).isEqualTo("DAY");
		assertThat(surrender.get("country").asString()).isEqualTo("US");
		List<String> claims = new ArrayList<>();
		surrender.get("sources").forEach(s -> claims.add(s.get("claim").asString()));
		assertThat(claims).as("both claims on the day are kept").contains("on Sunday", "Saturday 5 December 2015");
		JsonNode articleSource = surrender.get("sources").get(0);
		assertThat(names(articleSource)).contains("sourceId", "title", "claim", "quote");
		assertThat(articleSource.get("quote").asString()).contains("surrendered to police on Sunday");
		JsonNode flight = event(huang, "FLIGHT");
		assertThat(flight.get("date").asString()).isEqualTo("2002-08");
		assertThat(flight.get("precision").asString()).isEqualTo("MONTH");
		assertThat(huang.get("wantedLists").get(0).get("rank").asInt()).isEqualTo(4);

		JsonNode yang = get("/api/v1/fugitives/1");
		assertThat(yang.get("cases")).hasSize(1);
		assertThat(yang.get("cases").get(0).get("id").asLong()).isEqualTo(1);
		assertThat(yang.get("cases").get(0).get("role").asString()).isEqualTo("PRINCIPAL");
		assertThat(yang.get("cases").get(0).get("status").asString()).isEqualTo("NEGOTIATING");
		JsonNode detention = event(yang, "DETENTION");
		assertThat(detention.get("date").isNull()).as("the detention is not dated").isTrue();
		assertThat(yang.get("offences").get(0).asString()).isEqualTo("Illegal immigration (in the U.S.)");
	}

	@Test
	void casesAndCaseDetail() {
		JsonNode cases = get("/api/v1/cases");
		assertThat(names(cases)).containsExactly("content", "page");
		JsonNode first = cases.get("content").get(0);
		assertThat(first.get("title").asString()).isEqualTo("Five most-wanted corrupt officials living in the U.S.");
		assertThat(first.get("participants").get(0).get("name").asString()).isEqualTo("Yang Xiuzhu");

		JsonNode detail = get("/api/v1/cases/1");
		assertThat(detail.get("cooperationSteps")).hasSize(6);
		JsonNode agreement = detail.get("cooperationSteps").get(5);
		assertThat(agreement.get("kind").asString()).isEqualTo("AGREEMENT");
		assertThat(agreement.get("date").asString()).isEqualTo("2014-12");
		assertThat(agreement.get("sources")).isNotEmpty();
		assertThat(detail.get("figures")).hasSize(2);
		assertThat(detail.get("events").get(0).get("type").asString()).isEqualTo("MEETING");
		List<String> agencies = new ArrayList<>();
		detail.get("agencies").forEach(a -> agencies.add(a.asString()));
		assertThat(agencies).contains("U.S. judicial authorities");
	}

	@Test
	void figuresWithQualifierUnitPeriodCountriesAndSources() {
		JsonNode figures = get("/api/v1/figures");
		assertThat(figures.isArray()).isTrue();
		JsonNode money = null;
		for (JsonNode figure : figures) {
			if (figure.get("metric").asString().equals("MONEY_INVOLVED") && figure.get("unit").asString().equals("CNY")) {
				money = figure;
			}
		}
		assertThat(money).isNotNull();
		assertThat(money.get("value").decimalValue()).isEqualByComparingTo("800000000000");
		assertThat(money.get("qualifier").asString()).isEqualTo("UP_TO");
		assertThat(money.get("periodFrom").asString()).isEqualTo("2015-04");
		assertThat(money.get("periodTo").asString()).isEqualTo("2015-11");
		assertThat(money.get("sources").get(0).get("quote").asString()).contains("up to 800 billion yuan");
		JsonNode share = null;
		for (JsonNode figure : figures) {
			if (figure.get("unit").asString().equals("PERCENT")) {
				share = figure;
			}
		}
		assertThat(share.get("countries")).hasSize(4);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/v1/fugitives?country=XX     | country | country: 'XX' is not an ISO 3166-1 alpha-2 country code
			/api/v1/fugitives?status=FOO     | status  | status: 'FOO' is not a status
			/api/v1/fugitives?size=500       | size    | size: '500' is not a page size
			/api/v1/fugitives?page=x         | page    | page: 'x' is not a page number
			/api/v1/fugitives?page=60&size=200 | page  | page: page 60 (200 rows a page) starts beyond row 10,000
			/api/v1/fugitives?sort=age       | sort    | sort: 'age' is not a sort order
			/api/v1/fugitives?operation=999999 | operation | operation: there is no operation with id 999999
			/api/v1/cases?size=0             | size    | size: '0' is not a page size
			""")
	void badParametersAreProblemDetailsNamingTheParameter(String uri, String parameter, String detail) {
		MvcTestResult result = mvc.get().uri(URI.create(uri)).exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = body(result);
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).startsWith(detail);
		assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
		assertThat(problem.get("instance").asString()).isEqualTo(URI.create(uri).getPath());
	}

	@Test
	void unknownIdsAre404ProblemDetails() {
		for (String uri : List.of("/api/v1/fugitives/999999", "/api/v1/cases/999999")) {
			MvcTestResult result = mvc.get().uri(uri).exchange();
			assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(body(result).get("detail").asString()).contains("999999");
		}
	}

	@Test
	void aNonNumericIdIsA400ProblemDetail() {
		MvcTestResult result = mvc.get().uri("/api/v1/fugitives/abc").exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(body(result).get("status").asInt()).isEqualTo(400);
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void analystsReadTheApiToo() {
		assertThat(mvc.get().uri("/api/v1/figures")).hasStatusOk();
	}

	@Test
	void scriptsUseHttpBasicWithTheSameAccounts() {
		assertThat(mvc.get()
			.uri("/api/v1/fugitives")
			.with(TestLogin.INVESTIGATOR.httpBasic())).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/fugitives").with(httpBasic("investigator", "wrong"))).hasStatus(401);
	}

	private JsonNode get(String uri) {
		MvcTestResult result = mvc.get().uri(URI.create(uri)).exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		return body(result);
	}

	private JsonNode body(MvcTestResult result) {
		try {
			return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private static JsonNode item(JsonNode page, String name) {
		for (JsonNode item : page.get("content")) {
			if (item.get("name").asString().equals(name)) {
				return item;
			}
		}
		throw new AssertionError("no " + name);
	}

	private static JsonNode event(JsonNode fugitive, String type) {
		for (JsonNode event : fugitive.get("events")) {
			if (event.get("type").asString().equals(type)) {
				return event;
			}
		}
		throw new AssertionError("no " + type);
	}

}
