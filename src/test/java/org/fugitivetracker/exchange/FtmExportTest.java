package org.fugitivetracker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FollowTheMoney export is valid against the FtM schema as the schema files give it
 * ({@code ftm/schema.json}, derived from followthemoney's YAML schemata): every property belongs
 * to its schema, dates, countries and topics have FtM's form, references point to entities of the
 * export of the right schema, and required properties are there but where documented below.
 */
@IntegrationTest
class FtmExportTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Required properties the records cannot give, so left out rather than invented: a transfer's
	 * recipient is not recorded (only where the money went).
	 */
	static final Map<String, Set<String>> NOT_RECORDED = Map.of("Payment", Set.of("beneficiary"));

	static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

	static final Pattern COUNTRY = Pattern.compile("[a-z]{2}");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	TestRecords records;

	@Test
	void everyLineOfTheExportIsValidAgainstTheFtmSchema() throws IOException {
		long person = records.person("Ftm Testperson", "AT_LARGE").aliases("Ftm Alias").destinations("US", "CA")
			.position("Deputy director").fled("2001-03").id();
		records.identifier(person, "PASSPORT", "G12345678", "CN");
		records.identifier(person, "INTERPOL_RED_NOTICE", null, null);
		records.membership(person, records.wantedList("Ftm test list", records.operation("Ftm test operation", 10)),
				7);
		records.citedEvent(person, "DETENTION", "2014-05");
		records.transfer(person, null, "2000000");

		List<JsonNode> lines = export("/api/v1/export.ftm.json", TestLogin.ANALYST);
		JsonNode schema = schema();
		Map<String, String> schemaOf = new HashMap<>();
		lines.forEach(line -> schemaOf.put(line.get("id").asString(), line.get("schema").asString()));
		assertThat(schemaOf).hasSameSizeAs(lines).as("ids are unique");
		Set<String> topics = new HashSet<>();
		schema.get("topics").forEach(topic -> topics.add(topic.asString()));

		for (JsonNode line : lines) {
			String name = line.get("schema").asString();
			JsonNode definition = schema.get("schemata").get(name);
			assertThat(definition).as("schema %s is in the FtM model", name).isNotNull();
			assertThat(definition.get("abstract").asBoolean()).as("%s is not abstract", name).isFalse();
			JsonNode properties = line.get("properties");
			for (String property : properties.propertyNames()) {
				JsonNode type = definition.get("properties").get(property);
				assertThat(type).as("%s.%s exists", name, property).isNotNull();
				for (JsonNode value : properties.get(property)) {
					assertThat(value.isString()).as("%s.%s values are strings", name, property).isTrue();
					checkValue(name + "." + property, type, value.asString(), schemaOf, schema, topics);
				}
			}
			for (JsonNode required : definition.get("required")) {
				if (!NOT_RECORDED.getOrDefault(name, Set.of()).contains(required.asString())) {
					assertThat(properties.has(required.asString())).as("%s %s has %s", name, line.get("id"), required)
						.isTrue();
				}
			}
		}

		String id = "ft-person-" + person;
		JsonNode ours = lines.stream().filter(line -> line.get("id").asString().equals(id)).findFirst().orElseThrow();
		assertThat(texts(ours.get("properties").get("country"))).containsExactlyInAnyOrder("us", "ca");
		assertThat(texts(ours.get("properties").get("topics"))).contains("wanted", "role.pep");
		assertThat(texts(ours.get("properties").get("alias"))).contains("Ftm Alias");
		assertThat(lines).as("the person's passport, notice, place, events and transfer").anySatisfy(line -> {
			assertThat(line.get("schema").asString()).isEqualTo("Passport");
			assertThat(texts(line.get("properties").get("number"))).containsExactly("G12345678");
			assertThat(texts(line.get("properties").get("holder"))).containsExactly(id);
		});
		assertThat(lines).anySatisfy(line -> {
			assertThat(line.get("schema").asString()).isEqualTo("Sanction");
			assertThat(texts(line.get("properties").get("program"))).containsExactly("Ftm test list");
		});
		assertThat(lines).anySatisfy(line -> {
			assertThat(line.get("schema").asString()).isEqualTo("Event");
			assertThat(texts(line.get("properties").get("name"))).containsExactly("DETENTION");
			assertThat(texts(line.get("properties").get("date"))).containsExactly("2014-05");
			assertThat(texts(line.get("properties").get("involved"))).containsExactly(id);
		});
		assertThat(lines).anySatisfy(line -> {
			assertThat(line.get("schema").asString()).isEqualTo("Event");
			assertThat(texts(line.get("properties").get("name"))).containsExactly("FLIGHT");
			assertThat(texts(line.get("properties").get("date"))).containsExactly("2001-03");
		});
		assertThat(lines).as("an amount the source gives as 'about' stays in the source's words").anySatisfy(line -> {
			assertThat(line.get("schema").asString()).isEqualTo("Payment");
			assertThat(texts(line.get("properties").get("payer"))).containsExactly(id);
			assertThat(texts(line.get("properties").get("summary"))).containsExactly("Test amount");
			assertThat(line.get("properties").has("amount")).isFalse();
		});
	}

	@Test
	void theSeedsPeopleCiteTheirSourcesAndAnOffenceIsNoCrimeTopic() throws IOException {
		List<JsonNode> lines = export("/api/v1/export.ftm.json", TestLogin.ANALYST);
		JsonNode huang = lines.stream()
			.filter(line -> line.get("schema").asString().equals("Person")
					&& texts(line.get("properties").get("name")).contains("Huang Yurong"))
			.findFirst()
			.orElseThrow();
		assertThat(texts(huang.get("properties").get("publisher"))).contains("Associated Press");
		assertThat(texts(huang.get("properties").get("sourceUrl"))).isNotEmpty();
		JsonNode yang = lines.stream()
			.filter(line -> texts(line.get("properties").get("name")).contains("Yang Xiuzhu"))
			.findFirst()
			.orElseThrow();
		assertThat(texts(yang.get("properties").get("notes"))).contains("Illegal immigration (in the U.S.)");
		assertThat(texts(yang.get("properties").get("topics"))).as("an offence does not say which crime")
			.noneMatch(topic -> topic.startsWith("crime"));
	}

	@Test
	void theFilterChoosesThePeopleAndTheirFactsFollowThem() throws IOException {
		long inUs = records.person("Ftm Usperson", "AT_LARGE").destinations("US").id();
		long inAu = records.person("Ftm Auperson", "AT_LARGE").destinations("AU").id();
		records.citedEvent(inAu, "DETENTION", "2014-05");
		List<JsonNode> lines = export("/api/v1/export.ftm.json?country=US&q=ftm", TestLogin.ANALYST);
		assertThat(lines).extracting(line -> line.get("id").asString())
			.contains("ft-person-" + inUs)
			.doesNotContain("ft-person-" + inAu);
		assertThat(lines).allSatisfy(line -> assertThat(line.toString()).doesNotContain("ft-person-" + inAu));
	}

	@Test
	void investigatorsMayNotExportAndABadFilterIsAProblemDetail() {
		assertThat(mvc.get().uri("/api/v1/export.ftm.json").with(TestLogin.INVESTIGATOR.httpBasic()))
			.hasStatus(403);
		MvcTestResult bad = mvc.get().uri("/api/v1/export.ftm.json?country=XXX").with(TestLogin.ANALYST.httpBasic())
			.exchange();
		assertThat(bad).hasStatus(400);
		assertThat(bad.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(mvc.get().uri("/api/v1/export.ftm.json").with(TestLogin.ADMIN.httpBasic())).hasStatusOk();
	}

	private void checkValue(String what, JsonNode type, String value, Map<String, String> schemaOf, JsonNode schema,
			Set<String> topics) {
		switch (type.get("type").asString()) {
			case "date" -> assertThat(value).as(what).matches(DATE);
			case "country" -> assertThat(value).as(what).matches(COUNTRY);
			case "topic" -> assertThat(topics).as(what).contains(value);
			case "gender" -> assertThat(value).as(what).isIn("male", "female", "other");
			case "number" -> assertThat(value).as(what).matches("-?\\d+(\\.\\d+)?");
			case "entity" -> {
				assertThat(schemaOf).as("%s points to an exported entity", what).containsKey(value);
				assertThat(extendsOrIs(schemaOf.get(value), type.get("range").asString(), schema))
					.as("%s points to a %s", what, type.get("range").asString())
					.isTrue();
			}
			default -> assertThat(value).as(what).isNotBlank();
		}
	}

	private static boolean extendsOrIs(String name, String range, JsonNode schema) {
		if (name.equals(range)) {
			return true;
		}
		JsonNode definition = schema.get("schemata").get(name);
		if (definition == null) {
			return false;
		}
		for (JsonNode parent : definition.get("extends")) {
			if (extendsOrIs(parent.asString(), range, schema)) {
				return true;
			}
		}
		return false;
	}

	private List<JsonNode> export(String uri, TestLogin.Account account) throws IOException {
		MvcTestResult result = mvc.get().uri(uri).with(account.httpBasic()).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("application/x-ndjson");
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<JsonNode> lines = new ArrayList<>();
		for (String line : body.split("\n")) {
			JsonNode node = JSON.readTree(line);
			assertThat(node.isObject()).as(line).isTrue();
			lines.add(node);
		}
		return lines;
	}

	private static JsonNode schema() throws IOException {
		try (InputStream in = FtmExportTest.class.getResourceAsStream("/ftm/schema.json")) {
			return JSON.readTree(in);
		}
	}

	private static List<String> texts(JsonNode values) {
		List<String> texts = new ArrayList<>();
		if (values != null) {
			values.forEach(value -> texts.add(value.asString()));
		}
		return texts;
	}

}
