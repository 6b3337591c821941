package org.fugitivetracker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A refused admin form says what is wrong with each field, by the field's name, all at once: the
 * summary at the top lists one message per field, each linking to its field; the message under
 * each field names it too; Bean Validation's errors and the domain's rules (a record without a
 * source) come on the same submit; in English and Chinese.
 */
@IntegrationTest
class FormErrorSummaryTest {

	/** The summary: a region with role="alert" that takes the focus, and its links. */
	private static final Pattern SUMMARY = Pattern.compile("<div class=\"alert error error-summary\" role=\"alert\""
			+ "\\s+id=\"error-summary\" tabindex=\"-1\" autofocus>(.*?)</div>", Pattern.DOTALL);

	private static final Pattern LINK = Pattern.compile("<a href=\"#([^\"]+)\">([^<]+)</a>");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anEmptyEventFormNamesEveryFieldAndTheMissingSourceOnTheFirstSubmit(TestRecords records) {
		long person = records.fugitive("Test Form Errors Person", "AT_LARGE");
		String english = refused("/fugitives/" + person + "/events?lang=en", "version", "0");
		assertThat(summary(english)).containsExactly(entry("type", "What happened: Choose one."),
				entry("date", "Date: Fill this in."), entry("country", "Country: Choose one."),
				entry("sourceId",
						"Source: A record without a source is refused: choose a source or give a new one."),
				entry("quote", "Quote: Fill this in."));
		assertThat(english).contains("<h2>There is a problem</h2>")
			.containsPattern(fieldError("type", "What happened: Choose one."))
			.containsPattern(fieldError("date", "Date: Fill this in."))
			.containsPattern(fieldError("sourceId", "Source: A record without a source is refused"))
			.containsPattern(control("date", "date-hint date-error"))
			.containsPattern(control("type", "type-error"))
			.containsPattern(control("sourceId", "sourceId-error"))
			.doesNotContain("Required.");
		assertThat(labelOf(english, "type")).isEqualTo("What happened");
		assertThat(labelOf(english, "date")).isEqualTo("Date");

		String chinese = refused("/fugitives/" + person + "/events?lang=zh-CN", "version", "0");
		assertThat(summary(chinese)).containsExactly(entry("type", labelOf(chinese, "type") + "：请选择。"),
				entry("date", labelOf(chinese, "date") + "：请填写。"),
				entry("country", labelOf(chinese, "country") + "：请选择。"),
				entry("sourceId", "来源：没有来源的记录不予接受：请选择来源或填写新来源。"),
				entry("quote", "引文：请填写。"));
		assertThat(chinese).doesNotContain("必填。");
	}

	@Test
	void beanValidationAndTheDomainsRulesShowTogetherOnePerField(TestRecords records) {
		long person = records.fugitive("Test Form Errors Together", "AT_LARGE");
		// An unknown country (the domain's rule) beside a malformed date (Bean Validation), and no
		// second message for the date from the rule that also reads it.
		String page = refused("/fugitives/" + person + "/events", "type", "SURRENDER", "date", "16 Nov 2016",
				"country", "XX", "sourceId", "999999", "quote", "Test quote", "version", "0");
		assertThat(summary(page)).containsExactly(
				entry("date", "Date: Write the date as yyyy, yyyy-MM or yyyy-MM-dd."),
				entry("country", "Country: Unknown country code: XX."),
				entry("sourceId", "Source: There is no source number 999999."));
	}

	@Test
	void everyAdminFormNamesTheFieldsOfItsErrorsAndLinksToThem(TestRecords records) {
		long person = records.fugitive("Test Form Errors Every Form", "AT_LARGE");
		long event = records.citedEvent(person, "DETENTION", "2017");
		long adminAccount = jdbc.queryForObject("select id from user_account where username = 'admin'", Long.class);
		Map<String, String[]> forms = new LinkedHashMap<>();
		forms.put("/fugitives", new String[0]);
		forms.put("/fugitives/" + person + "/edit", new String[] { "version", "0", "fled", "soon" });
		forms.put("/events/" + event + "/edit", new String[] { "version", "0", "type", "ESCAPE" });
		forms.put("/events/" + event + "/delete", new String[] { "version", "0" });
		forms.put("/cases", new String[] { "counterpartCountry", "XX" });
		forms.put("/cases/1/status", new String[] { "status", "SETTLED", "reason", "x".repeat(1001) });
		forms.put("/cases/1/participants", new String[] { "role", "" });
		forms.put("/asset-transfers", new String[] { "currency", "", "channels", "NONSENSE" });
		forms.put("/sources", new String[] { "url", "javascript:alert(1)" });
		forms.put("/admin/users", new String[] { "username", "admin" });
		forms.put("/admin/users/" + adminAccount + "/password", new String[0]);
		forms.put("/account/password", new String[0]);
		for (Map.Entry<String, String[]> form : forms.entrySet()) {
			for (String lang : List.of("en", "zh-CN")) {
				String page = refused(form.getKey() + "?lang=" + lang, form.getValue());
				List<Entry> entries = summary(page);
				assertThat(entries).as(form.getKey() + " in " + lang).isNotEmpty();
				for (Entry entry : entries) {
					String id = entry.id();
					assertThat(page).as(form.getKey() + ": the field " + id + " the summary links to")
						.containsPattern("<(input|select|textarea|fieldset)[^>]*id=\"" + id + "\"");
					String separator = lang.equals("en") ? ": " : "：";
					assertThat(entry.message()).as(form.getKey() + " in " + lang + ": the error of " + id)
						.contains(separator);
					String label = entry.message().substring(0, entry.message().indexOf(separator));
					assertThat(labelOrLegendOf(page, id)).as(form.getKey() + ": the label of " + id)
						.isEqualTo(label);
					assertThat(page).as(form.getKey() + ": the message beside " + id)
						.containsPattern("id=\"" + id + "-error\">(\\s*<span>[^<]*</span>(<br>)?)*?\\s*<span>"
								+ Pattern.quote(entry.message()) + "</span>");
				}
				assertThat(entries.stream().map(Entry::id))
					.as(form.getKey() + ": one message per field")
					.doesNotHaveDuplicates();
			}
		}
		assertThat(summary(refused("/admin/users", "username", "admin")))
			.as("a taken user name is said with the other errors")
			.contains(entry("username", "User name: This user name is already taken."));
	}

	private String refused(String uri, String... fields) {
		var request = mvc.post().uri(uri).with(TestLogin.ADMIN).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		MvcTestResult result = request.exchange();
		assertThat(result).as(uri).hasStatus(400);
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The summary's links: (the id linked to, the message). */
	private static List<Entry> summary(String page) {
		Matcher summary = SUMMARY.matcher(page);
		assertThat(summary.find()).as("an error summary with role=alert that takes the focus").isTrue();
		List<Entry> entries = new ArrayList<>();
		Matcher link = LINK.matcher(summary.group(1));
		while (link.find()) {
			entries.add(new Entry(link.group(1), link.group(2)));
		}
		return entries;
	}

	private static Entry entry(String id, String message) {
		return new Entry(id, message);
	}

	/** A control marked invalid and described by its error (and hint). */
	private static String control(String id, String describedBy) {
		return "<(input|select|textarea)[^>]*aria-describedby=\"" + describedBy + "\"\\s+aria-invalid=\"true\"[^>]*id=\""
				+ id + "\"";
	}

	/** The message under a field, the start of it. */
	private static String fieldError(String id, String message) {
		return "<p class=\"field-error\" id=\"" + id + "-error\">\\s*<span>" + Pattern.quote(message);
	}

	/** A line of the summary: the id it links to and its message. */
	private record Entry(String id, String message) {
	}

	/** The text of the label of the control with this id. */
	private static String labelOf(String page, String id) {
		Matcher label = Pattern.compile("<label for=\"" + id + "\">(?:<span>)?([^<]+)<").matcher(page);
		return label.find() ? label.group(1).strip() : null;
	}

	/** The field's label, or the legend of its group where the group names it (a source, channels). */
	private static String labelOrLegendOf(String page, String id) {
		if (id.equals("sourceId")) {
			Matcher legend = Pattern.compile("<legend><span>([^<]+)</span>").matcher(page);
			return legend.find() ? legend.group(1) : null;
		}
		if (id.equals("channels")) {
			Matcher legend = Pattern.compile("id=\"channels\"[^>]*>\\s*<legend>([^<]+)</legend>").matcher(page);
			return legend.find() ? legend.group(1) : null;
		}
		return labelOf(page, id);
	}

}
