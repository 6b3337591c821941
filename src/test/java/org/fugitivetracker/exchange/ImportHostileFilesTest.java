package org.fugitivetracker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.fugitivetracker.HttpBrowser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files an admin might upload by mistake or an attacker on purpose, sent over real HTTP (so through
 * Tomcat's own multipart parsing) to {@code POST /api/v1/imports} and to the {@code /admin/import}
 * form. Each gets a clear 4xx or a preview that refuses the right line for the right reason: never
 * a 500, never a stack trace, and never a stored person.
 */
@IntegrationTest
class ImportHostileFilesTest {

	static final String SOURCE = "https://example.org/test-hostile-files";

	static final String HEADER = "name,destination_countries,source_url,source_title\n";

	/** Stack traces and exception names must never reach an answer. */
	private static final Pattern LEAK = Pattern.compile(
			"\\tat [a-z]+\\.|(java|jakarta|org\\.springframework|org\\.hibernate|org\\.postgresql|tools\\.jackson)"
					+ "\\.[\\w.]*(Exception|Error)\\b");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BOUNDARY = "test-hostile-files-boundary";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private long peopleBefore;

	/** The browser of the last form upload, logged in as the admin. */
	private HttpBrowser formBrowser;

	@BeforeEach
	void countPeople() {
		peopleBefore = people();
	}

	@AfterEach
	void noPersonStored() {
		assertThat(people()).as("no hostile file stores a person").isEqualTo(peopleBefore);
	}

	@Test
	void aByteOrderMarkIsReadAsNoPartOfTheFirstColumnsName() {
		JsonNode preview = preview("bom.csv", utf8("\uFEFF" + HEADER + row("Test Hostile Bom")));
		assertThat(preview.path("toCreate").asInt()).isEqualTo(1);
		assertThat(preview.path("newRows").get(0).path("name").asString()).isEqualTo("Test Hostile Bom");
		assertThat(preview.path("newRows").get(0).path("line").asInt()).isEqualTo(2);
		assertThat(preview.path("warnings").asInt()).as("no column named \"\\uFEFFname\" left out").isZero();
	}

	@Test
	void crOnlyLineEndingsAreReadWithTheirLineNumbers() {
		String csv = (HEADER + row("Test Hostile Cr One") + row("") + row("Test Hostile Cr Three")).replace('\n',
				'\r');
		JsonNode preview = preview("old-mac.csv", utf8(csv));
		assertThat(lines(preview.path("newRows"))).containsExactly(2, 4);
		assertThat(lines(preview.path("refusedRows"))).containsExactly(3);
	}

	@Test
	void aRowOfTenThousandColumnsIsRefusedAtItsLineAndAHeaderOfThemAsAFile() {
		String wide = "Test Hostile Wide" + ",x".repeat(9_999) + "\n";
		JsonNode preview = preview("wide-row.csv", utf8(HEADER + wide + row("Test Hostile After")));
		assertThat(preview.path("refusedRows").get(0).path("line").asInt()).isEqualTo(2);
		assertThat(reasons(preview.path("refusedRows").get(0)))
			.containsExactly("10000 cells where the header names 4 columns.");
		assertThat(lines(preview.path("newRows"))).containsExactly(3);

		HttpResponse<String> header = api("wide-header.csv", utf8("name" + ",x".repeat(9_999) + "\n"), Map.of());
		assertRefusedFile(header, "More than 200 columns.");
	}

	@Test
	void gbkAndLatin1FilesAreRefusedWholeAsNotUtf8() {
		String csv = HEADER + row("杨秀珠 José");
		for (Charset charset : List.of(Charset.forName("GBK"), StandardCharsets.ISO_8859_1)) {
			assertRefusedFile(api("legacy.csv", (csv).getBytes(charset), Map.of()), "The file is not UTF-8 text");
		}
	}

	@Test
	void pngBytesAreRefusedAsAFile() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1,
				0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5c, 0x72, (byte) 0xa8, 0x66 };
		assertRefusedFile(api("photo.png", png, Map.of()), "The file is not UTF-8 text");

		HttpResponse<String> asFtm = api("photo.png", png, Map.of("format", "ftm"));
		assertThat(asFtm.statusCode()).as("read as JSON lines, each line is refused").isEqualTo(200);
		JsonNode preview = json(asFtm);
		assertThat(preview.path("toCreate").asInt()).isZero();
		assertThat(lines(preview.path("refusedRows"))).containsExactly(1, 2, 3, 4);
		assertThat(reasons(preview.path("refusedRows").get(0))).containsExactly(
				"The file is not UTF-8 text: save it as UTF-8 encoded JSON lines (one FollowTheMoney entity a line) "
						+ "and upload it again.");
	}

	@Test
	void aFormulaCellIsKeptAsTextWithItsWarning() {
		JsonNode preview = preview("formula.csv",
				utf8(HEADER + row("\"=HYPERLINK(\"\"https://evil.example\"\",\"\"Test Hostile\"\")\"")));
		assertThat(preview.path("newRows").get(0).path("name").asString())
			.isEqualTo("=HYPERLINK(\"https://evil.example\",\"Test Hostile\")");
		assertThat(preview.path("warningRows").get(0).path("text").asString())
			.isEqualTo("The cell in column “name” looks like a spreadsheet formula; it is kept as plain text.");
		assertThat(preview.path("warningRows").get(0).path("line").asInt()).isEqualTo(2);
	}

	@Test
	void aStrayQuoteRefusesTheFileFromTheLineItBreaks() {
		HttpResponse<String> answer = api("quotes.csv",
				utf8(HEADER + row("Test Hostile One") + row("\"Test Hostile\" Two") + row("Test Hostile Three")),
				Map.of());
		assertRefusedFile(answer, "Line 3: From this line on, quotes do not pair up");
		assertThat(json(answer).path("line").asInt()).isEqualTo(3);
	}

	@Test
	void aNineMegabyteFtmLineIsRefusedAndTheNextLineIsRead() {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(utf8("{\"id\":\"big\",\"schema\":\"Person\",\"properties\":{\"name\":[\""));
		file.writeBytes(utf8("x".repeat(9 * 1024 * 1024)));
		file.writeBytes(utf8("\"]}}\n"));
		file.writeBytes(utf8(ftmPerson("p2", "Test Hostile Ftm") + "\n"));
		JsonNode preview = preview("big-line.jsonl", file.toByteArray());
		assertThat(preview.path("format").asString()).isEqualTo("ftm");
		assertThat(lines(preview.path("refusedRows"))).containsExactly(1);
		assertThat(reasons(preview.path("refusedRows").get(0)))
			.containsExactly("A line longer than 1024 KB is not read.");
		assertThat(preview.path("newRows").get(0).path("name").asString()).isEqualTo("Test Hostile Ftm");
		assertThat(preview.path("newRows").get(0).path("line").asInt()).isEqualTo(2);
	}

	@Test
	void aFileOverTheImportsLimitIsATooLargeFileOnTheApiAndTheForm() {
		byte[] tenAndAHalf = padded(HEADER + row("Test Hostile Large"), 10 * 1024 * 1024 + 512 * 1024);
		HttpResponse<String> api = api("large.csv", tenAndAHalf, Map.of());
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(json(api).path("errors").get(0).path("field").asString()).isEqualTo("file");
		assertThat(json(api).path("errors").get(0).path("message").asString())
			.isEqualTo("The file is too large: at most 10 MB.");

		HttpResponse<String> form = form("large.csv", tenAndAHalf, Map.of());
		assertThat(form.statusCode()).isEqualTo(400);
		assertThat(form.body()).contains("The file is too large: at most 10 MB.");
		assertNoLeak(form);
	}

	@Test
	void aBodyOverTheMultipartLimitIsRefusedBeforeItIsRead() {
		byte[] elevenAndAHalf = padded(HEADER + row("Test Hostile Larger"), 11 * 1024 * 1024 + 512 * 1024);
		HttpResponse<String> api = api("larger.csv", elevenAndAHalf, Map.of());
		assertThat(api.statusCode()).isEqualTo(413);
		assertThat(json(api).path("detail").asString()).contains("at most");
		assertNoLeak(api);

		HttpResponse<String> form = form("larger.csv", elevenAndAHalf, Map.of());
		assertThat(form.statusCode()).isEqualTo(413);
		assertThat(form.body()).contains("at most");
		assertNoLeak(form);

		HttpResponse<String> chunked = apiSending(HttpRequest.BodyPublishers.ofInputStream(
				() -> new java.io.ByteArrayInputStream(multipart(Map.of(), fileNameParameter("larger.csv"),
						elevenAndAHalf))));
		assertThat(chunked.statusCode()).as("a body without a declared length: %s", chunked.body()).isEqualTo(413);
		assertNoLeak(chunked);
	}

	@Test
	void aPathInTheFileNameIsDropped() {
		assertThat(preview("../../etc/passwd.csv", utf8(HEADER + row("Test Hostile Path"))).path("fileName")
			.asString()).isEqualTo("passwd.csv");
		assertThat(preview("..\\..\\windows\\list.csv", utf8(HEADER + row("Test Hostile Path"))).path("fileName")
			.asString()).isEqualTo("list.csv");
	}

	/** Tomcat refuses to read a multipart body naming a file with a NUL: nothing of it reaches the import. */
	@Test
	void aNulInTheFileNameIsABadRequestOnTheApiAndTheForm() {
		byte[] csv = utf8(HEADER + row("Test Hostile Nul Name"));
		HttpResponse<String> api = api("list\u0000.csv", csv, Map.of());
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(json(api).path("detail").asString())
			.isEqualTo("A file name may not contain control characters: rename the file and upload it again.");
		assertNoLeak(api);

		HttpResponse<String> encoded = apiSending(HttpRequest.BodyPublishers.ofByteArray(
				multipart(Map.of(), "filename*=UTF-8''list%00.csv".getBytes(StandardCharsets.US_ASCII), csv)));
		assertThat(encoded.statusCode()).as("the name percent-encoded (RFC 5987)").isEqualTo(400);

		HttpResponse<String> form = form("list\u0000.csv", csv, Map.of());
		assertThat(form.statusCode()).isEqualTo(400);
		assertThat(form.body()).contains("A file name may not contain control characters");
		assertNoLeak(form);
		assertThat(uploads("list%")).as("nothing of the body kept").isZero();
	}

	@Test
	void aNulInACsvCellRefusesItsRowAsControlCharacters() {
		String csv = HEADER + row("Test Hostile\u0000Nul") + row("Test Hostile Fine")
				+ "Test Hostile Nul Title,US," + SOURCE + ",Title\u0000\n";
		JsonNode preview = preview("nul-cell.csv", utf8(csv));
		assertThat(lines(preview.path("refusedRows"))).containsExactly(2, 4);
		assertThat(reasons(preview.path("refusedRows").get(0)))
			.containsExactly("name: Contains control characters; type plain text.");
		assertThat(reasons(preview.path("refusedRows").get(1)))
			.containsExactly("source_title: Contains control characters; type plain text.");
		assertThat(lines(preview.path("newRows"))).containsExactly(3);

		HttpResponse<String> form = form("nul-cell.csv", utf8(csv), Map.of());
		assertThat(form.statusCode()).isEqualTo(302);
		HttpResponse<String> page = formPreview(form);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("name: Contains control characters; type plain text.")
			.doesNotContain("\u0000");
	}

	@Test
	void aNulInAnFtmFactRefusesItsLineAsControlCharacters() {
		String file = ftmPerson("p1", "Test Hostile\\u0000Ftm") + "\n" + ftmPerson("p2", "Test Hostile Fine") + "\n"
				+ "{\"id\":\"d2\",\"schema\":\"Passport\",\"properties\":{\"holder\":[\"p2\"],"
				+ "\"number\":[\"G\\u0000\"],\"type\":[\"PASSPORT\"]}}\n"
				+ "{\"id\":\"p3\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Test Hostile Alias\"],"
				+ "\"alias\":[\"\\u0000\"],\"sourceUrl\":[\"" + SOURCE + "\"]}}\n";
		JsonNode preview = preview("nul-fact.jsonl", utf8(file));
		assertThat(lines(preview.path("refusedRows"))).containsExactly(1, 3, 4);
		assertThat(reasons(preview.path("refusedRows").get(0)))
			.containsExactly("name: Contains control characters; type plain text.");
		assertThat(reasons(preview.path("refusedRows").get(1)))
			.containsExactly("number: Contains control characters; type plain text.");
		assertThat(reasons(preview.path("refusedRows").get(2)))
			.containsExactly("alias: Contains control characters; type plain text.");
		assertThat(lines(preview.path("newRows"))).containsExactly(2);
	}

	@Test
	void aFormatSourceOrDryRunThatIsNoneIsAProblemNamingItsField() {
		byte[] csv = utf8(HEADER + row("Test Hostile Fields"));
		assertProblemNaming(api("fields.csv", csv, Map.of("format", "xml")), "format");
		assertProblemNaming(api("fields.csv", csv, Map.of("sourceId", "abc")), "sourceId");
		assertProblemNaming(api("fields.csv", csv, Map.of("sourceId", "999999999")), "sourceId");
		assertProblemNaming(api("fields.csv", csv, Map.of("dryRun", "maybe")), "dryRun");
		assertProblemNaming(api("fields.csv", csv, Map.of("dryRun", "false", "createDuplicates", "perhaps")),
				"createDuplicates");
	}

	private void assertProblemNaming(HttpResponse<String> answer, String field) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode errors = json(answer).path("errors");
		assertThat(errors.isArray()).as(answer.body()).isTrue();
		assertThat(errors.get(0).path("field").asString()).isEqualTo(field);
		assertThat(errors.get(0).path("message").asString()).isNotBlank();
		assertNoLeak(answer);
	}

	/** A whole file refused: 422 with the reason, or 400 where it is refused on upload. */
	private void assertRefusedFile(HttpResponse<String> answer, String reason) {
		assertThat(answer.statusCode()).as(answer.body()).isIn(400, 422);
		JsonNode problem = json(answer);
		if (answer.statusCode() == 422) {
			assertThat(problem.path("type").asString()).isEqualTo("urn:fugitive-tracker:problem:import-refused");
		}
		if (reason != null) {
			assertThat(answer.body()).contains(reason);
		}
		assertNoLeak(answer);
	}

	private static void assertNoLeak(HttpResponse<String> answer) {
		assertThat(LEAK.matcher(answer.body()).find()).as(answer.body()).isFalse();
	}

	private JsonNode preview(String fileName, byte[] content) {
		HttpResponse<String> answer = api(fileName, content, Map.of());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode preview = json(answer);
		assertThat(preview.path("dryRun").asBoolean()).isTrue();
		return preview;
	}

	/** {@code POST /api/v1/imports} as a script sends it: HTTP Basic and the header no cross-site form can set. */
	private HttpResponse<String> api(String fileName, byte[] content, Map<String, String> fields) {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		fields.forEach((name, value) -> parts.put(name, utf8(value)));
		return apiSending(
				HttpRequest.BodyPublishers.ofByteArray(multipart(parts, fileNameParameter(fileName), content)));
	}

	/** {@code POST /api/v1/imports} with a multipart body built by hand. */
	private HttpResponse<String> apiSending(HttpRequest.BodyPublisher body) {
		return send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/imports"))
			.header("Authorization", TestLogin.ADMIN.basicAuthorization())
			.header("X-Requested-With", "test")
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(body));
	}

	/** The upload form as a browser sends it: logged in, with the page's CSRF token. */
	private HttpResponse<String> form(String fileName, byte[] content, Map<String, String> fields) {
		HttpBrowser browser = new HttpBrowser(Duration.ofSeconds(60));
		TestLogin.logIn(browser, base(), TestLogin.ADMIN);
		String token = HttpBrowser.csrfToken(browser.get(base() + "/admin/import").body()).orElseThrow();
		Map<String, byte[]> parts = new LinkedHashMap<>();
		parts.put("_csrf", utf8(token));
		fields.forEach((name, value) -> parts.put(name, utf8(value)));
		formBrowser = browser;
		return browser.send(HttpRequest.newBuilder(URI.create(base() + "/admin/import"))
			.header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(parts, fileNameParameter(fileName), content))));
	}

	/** The preview page the form's upload redirected to, as the same browser opens it. */
	private HttpResponse<String> formPreview(HttpResponse<String> uploaded) {
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		return formBrowser.get(location.startsWith("http") ? location : base() + location);
	}

	private static byte[] fileNameParameter(String fileName) {
		return ("filename=\"" + fileName + "\"").getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] multipart(Map<String, byte[]> fields, byte[] fileNameParameter, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> {
			body.writeBytes(
					utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"));
			body.writeBytes(value);
			body.writeBytes(utf8("\r\n"));
		});
		body.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "));
		body.writeBytes(fileNameParameter);
		body.writeBytes(utf8("\r\nContent-Type: application/octet-stream\r\n\r\n"));
		body.writeBytes(content);
		body.writeBytes(utf8("\r\n--" + BOUNDARY + "--\r\n"));
		return body.toByteArray();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> answer = client.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
			return answer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static JsonNode json(HttpResponse<String> answer) {
		return JSON.readTree(answer.body());
	}

	private static List<Integer> lines(JsonNode rows) {
		List<Integer> lines = new ArrayList<>();
		rows.forEach(row -> lines.add(row.path("line").asInt()));
		return lines;
	}

	private static List<String> reasons(JsonNode row) {
		List<String> reasons = new ArrayList<>();
		row.path("reasons").forEach(reason -> reasons.add(reason.path("field").isNull() ? reason.path("text").asString()
				: reason.path("field").asString() + ": " + reason.path("text").asString()));
		return reasons;
	}

	private static String row(String name) {
		return name + ",US," + SOURCE + ",Test hostile list\n";
	}

	private static String ftmPerson(String id, String name) {
		return "{\"id\":\"" + id + "\",\"schema\":\"Person\",\"properties\":{\"name\":[\"" + name
				+ "\"],\"sourceUrl\":[\"" + SOURCE + "\"]}}";
	}

	/** The CSV, then blank lines up to the size: a file of that size whose rows are the CSV's. */
	private static byte[] padded(String csv, int size) {
		byte[] file = Arrays.copyOf(utf8(csv), size);
		Arrays.fill(file, csv.length(), size, (byte) '\n');
		return file;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private long uploads(String fileNamePattern) {
		return jdbc.queryForObject("SELECT count(*) FROM import_upload WHERE file_name LIKE ?", Long.class,
				fileNamePattern);
	}

	private long people() {
		return jdbc.queryForObject("SELECT count(*) FROM fugitive", Long.class);
	}

}
