package org.fugitivetracker.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fugitivetracker.HttpBrowser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The upload as a browser sends it, through Tomcat's own multipart parsing: the CSRF token in the
 * multipart body is checked, a photo over 5 MB in a body within 11 MB comes back as a field error
 * on the form, and a longer body is refused (413) before anything reads it. Never a 500, and
 * nothing stored by a refused upload.
 */
@IntegrationTest
class PhotoUploadOverHttpTest {

	private static final String BOUNDARY = "test-photo-boundary";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void aBrowsersUploadIsStoredAndAnOversizedOneIsAFieldErrorOrA413() {
		long person = records.fugitive("Test Photo Over Http", "AT_LARGE");
		HttpBrowser browser = new HttpBrowser();
		assertThat(TestLogin.logIn(browser, base(), TestLogin.ADMIN).statusCode()).isEqualTo(302);
		String form = browser.get(base() + "/fugitives/" + person + "/photos").body();
		String token = HttpBrowser.csrfToken(form).orElseThrow();
		assertThat(form).contains("enctype=\"multipart/form-data\"", "name=\"_csrf\"");

		HttpResponse<String> stored = upload(browser, person, token, TestImages.png(64, 48));
		assertThat(stored.statusCode()).isEqualTo(302);
		assertThat(stored.headers().firstValue("Location").orElseThrow()).endsWith("/fugitives/" + person + "/photos");
		assertThat(photos(person)).isEqualTo(1);

		HttpResponse<String> sixMegabytes = upload(browser, person, token,
				Arrays.copyOf(TestImages.png(64, 48), 6 * 1024 * 1024));
		assertThat(sixMegabytes.statusCode()).isEqualTo(400);
		assertThat(sixMegabytes.body()).contains("Photo file: The file is 6 MB; a photo may be at most 5 MB.",
				"id=\"error-summary\"");

		HttpResponse<String> twelveMegabytes = upload(browser, person, token, new byte[12 * 1024 * 1024]);
		assertThat(twelveMegabytes.statusCode()).isEqualTo(413);
		assertThat(twelveMegabytes.body()).contains("at most 11534336 bytes").doesNotContain("Exception", "Tomcat");

		HttpResponse<String> forged = upload(browser, person, "not-the-token", TestImages.png(8, 8));
		assertThat(forged.statusCode()).as("no valid CSRF token").isEqualTo(403);
		assertThat(photos(person)).as("only the first upload was stored").isEqualTo(1);
	}

	private HttpResponse<String> upload(HttpBrowser browser, long person, String token, byte[] file) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", token);
		fields.put("sourceId", String.valueOf(records.citableSource()));
		fields.put("quote", "Test quote");
		return browser.send(HttpRequest.newBuilder(URI.create(base() + "/fugitives/" + person + "/photos"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fields, file))));
	}

	private static byte[] multipart(Map<String, String> fields, byte[] file) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
				+ "filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private int photos(long person) {
		return jdbc.queryForObject("select count(*) from fugitive_photo where fugitive_id = ?", Integer.class, person);
	}

}
