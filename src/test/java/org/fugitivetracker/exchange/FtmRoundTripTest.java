package org.fugitivetracker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.fugitivetracker.AppInstance;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export, import into an empty database, export again: the same FollowTheMoney entities, ids
 * aside. The second application runs on a database of its own, created for the test and holding
 * only what the migrations put there.
 */
@IntegrationTest
@SlowTest
class FtmRoundTripTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String QUERY = "Test Roundtrip";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	TestRecords records;

	@Test
	void anExportImportedIntoAnEmptyDatabaseExportsAsTheSameEntities() throws Exception {
		long source = records.citableSource();
		long person = records.person("Test Roundtrip Person", "IN_CUSTODY")
			.nativeName("往返测试")
			.aliases("Test Roundtrip Alias")
			.destinations("US", "CA")
			.position("Test deputy director")
			.fled("2001-03")
			.id();
		jdbc.update("UPDATE fugitive SET birth_year = 1960, sex = 'M' WHERE id = ?", person);
		records.offence(person, "Test bribery");
		records.citation(source, "fugitive_id", person, "name", "Test Roundtrip Person", "Test quote");
		records.identifier(person, "PASSPORT", "TRT0001", "CN").identifier(person, "INTERPOL_RED_NOTICE", null, null);
		records.membership(person, 1, 977);
		long detention = records.sourcedEvent("DETENTION", "2014-05", "US", person, null, null);
		records.citation(source, "event_id", detention, "occurred", "Test claim", "Test quote");
		long transfer = jdbc.queryForObject("""
				INSERT INTO asset_transfer (amount, currency, qualifier, amount_as_reported, fugitive_id,
				  destination_country, description)
				VALUES (2500000, 'CNY', 'EXACT', '2.5 million yuan', ?, 'US', 'Test transfer') RETURNING id""",
				Long.class, person);
		records.citation(source, "asset_transfer_id", transfer, "amount", "2.5 million yuan", "Test quote");

		String exported = mvc.get()
			.uri("/api/v1/export.ftm.json?q={q}", QUERY)
			.with(TestLogin.ANALYST)
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> before = normalised(exported);
		assertThat(before).as("a person with each kind of fact").hasSize(7);

		String database = "roundtrip_" + UUID.randomUUID().toString().replace("-", "");
		jdbc.execute("CREATE DATABASE " + database);
		AppInstance.Database ours = AppInstance.Database.of(dataSource);
		try (AppInstance empty = AppInstance.start(ours.withUrl(ours.url().replaceFirst("/[^/?]+(\\?|$)",
				"/" + database + "$1")), List.of())) {
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> imported = http.send(importRequest(empty, exported),
					HttpResponse.BodyHandlers.ofString());
			assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
			JsonNode report = JSON.readTree(imported.body());
			assertThat(report.get("created").asInt()).isEqualTo(1);
			assertThat(report.get("warnings").asInt()).as(imported.body()).isZero();

			HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(empty.url(
					"/api/v1/export.ftm.json?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8))))
				.header("Authorization", TestLogin.ANALYST.basicAuthorization())
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(normalised(again.body())).containsExactlyInAnyOrderElementsOf(before);
		}
		finally {
			jdbc.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	private static HttpRequest importRequest(AppInstance app, String file) {
		String boundary = "roundtrip" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\nfalse\r\n"
				+ "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.ftm.json\"\r\n"
				+ "Content-Type: application/x-ndjson\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(app.url("/api/v1/imports")))
			.header("Authorization", TestLogin.ADMIN.basicAuthorization())
			.header("X-Requested-With", "test")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
	}

	/**
	 * Each entity as its schema and properties, the values of each property in order, ids replaced
	 * by what they name: a reference to a person by the person's name, a fact's own id by its schema.
	 */
	private static List<String> normalised(String lines) {
		List<JsonNode> entities = new ArrayList<>();
		Map<String, String> names = new HashMap<>();
		for (String line : lines.split("\n")) {
			if (!line.isBlank()) {
				JsonNode entity = JSON.readTree(line);
				entities.add(entity);
				if ("Person".equals(entity.get("schema").asString())) {
					names.put(entity.get("id").asString(), entity.get("properties").get("name").get(0).asString());
				}
			}
		}
		List<String> shown = new ArrayList<>();
		for (JsonNode entity : entities) {
			Map<String, List<String>> properties = new TreeMap<>();
			for (String property : entity.get("properties").propertyNames()) {
				List<String> values = new ArrayList<>();
				entity.get("properties").get(property).forEach(value -> {
					String text = value.asString();
					values.add(names.containsKey(text) ? "person " + names.get(text) : text);
				});
				values.sort(null);
				properties.put(property, values);
			}
			shown.add(entity.get("schema").asString() + " " + properties);
		}
		return shown;
	}

}
