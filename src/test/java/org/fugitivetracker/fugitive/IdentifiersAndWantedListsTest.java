package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Map;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * Admins add and remove a person's external identifiers and places on wanted lists, each with its
 * source; a number or a rank belongs to one person, and the second admin to try is told who holds
 * it; the profile shows them with their sources; the audit trail says what was added and removed.
 */
@IntegrationTest
class IdentifiersAndWantedListsTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void anAdminAddsAPassportWithItsSourceSeesItOnTheProfileAndRemovesIt() {
		long person = records.fugitive("Test Passport Holder", "AT_LARGE");
		long source = records.citableSource();
		assertThat(mvc.get().uri("/fugitives/{id}/identifiers", person).with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("External identifiers of Test Passport Holder", "No identifier recorded.", "id=\"identifier-form\"");

		assertThat(addIdentifier(person, "PASSPORT", "E1234567", "US", "Test: holds passport E1234567"))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/fugitives/" + person + "/identifiers")
			.flash()
			.containsEntry("confirmation", "Passport: E1234567 added to Test Passport Holder.");
		Map<String, Object> stored = jdbc.queryForMap("select * from external_identifier where fugitive_id = ?", person);
		assertThat(stored).containsEntry("scheme", "PASSPORT")
			.containsEntry("value", "E1234567")
			.containsEntry("issuing_country", "US")
			.containsEntry("source_id", source)
			.containsEntry("quote", "Test: holds passport E1234567");
		long identifier = ((Number) stored.get("id")).longValue();

		assertThat(page(TestLogin.INVESTIGATOR, "/fugitives/" + person))
			.containsPattern("(?s)id=\"identifiers\".*id=\"identifier-" + identifier + "\".*Passport: E1234567.*"
					+ "\\(issued by United States\\).*href=\"/sources/" + source + "\"[^>]*>Test publisher</a>");
		assertThat(mvc.get().uri("/fugitives/{id}/identifiers", person).with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("<th scope=\"row\">Passport: E1234567</th>", "aria-label=\"Remove Passport: E1234567\"",
					"action=\"/identifiers/" + identifier + "/remove\"", "name=\"_csrf\"");

		assertThat(mvc.post().uri("/identifiers/{id}/remove", identifier).with(TestLogin.ADMIN).with(csrf()))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/fugitives/" + person + "/identifiers")
			.flash()
			.containsEntry("confirmation", "Passport: E1234567 removed.");
		assertThat(count("external_identifier where fugitive_id = " + person)).isZero();
		assertThat(mvc.post().uri("/identifiers/{id}/remove", identifier).with(TestLogin.ADMIN).with(csrf()))
			.as("removed twice")
			.hasStatus(404);

		assertThat(jdbc.queryForList("select a.revtype || ' ' || r.username || ' ' || a.value from external_identifier_aud a "
				+ "join audit_revision r on r.id = a.rev where a.id = ? order by a.rev", String.class, identifier))
			.containsExactly("0 admin E1234567", "2 admin E1234567");
		String trail = page(TestLogin.ADMIN, "/audit?entity=ExternalIdentifier");
		assertThat(trail).containsPattern("(?s)Deleted</span>\\s*<span class=\"record-type\">External identifier</span>\\s*"
				+ "<span class=\"record-name\">Passport: E1234567 \\(Test Passport Holder\\)</span>")
			.containsPattern("(?s)Added</span>\\s*<span class=\"record-type\">External identifier</span>\\s*"
					+ "<a class=\"record-name\" href=\"/fugitives/" + person + "#identifiers\">Passport: E1234567 "
					+ "\\(Test Passport Holder\\)</a>")
			.containsPattern("<dt>Issuing country</dt>\\s*<dd><ins class=\"after\">United States</ins>")
			.containsPattern("<dt>Source</dt>\\s*<dd><ins class=\"after\"><a href=\"/sources/" + source + "\">");
		assertThat(page(TestLogin.ADMIN, "/audit?entity=ExternalIdentifier&lang=zh-CN"))
			.contains("外部编号", "护照：E1234567", "签发国家", "美国");
		assertThat(page(TestLogin.ADMIN, "/fugitives/" + person + "/history"))
			.contains("Passport: E1234567 (Test Passport Holder)");
	}

	@Test
	void aNumberBelongsToOnePersonTheSecondIsToldWhoHoldsItWithALink() {
		long holder = records.fugitive("Test Number Holder", "AT_LARGE");
		long other = records.fugitive("Test Number Seeker", "AT_LARGE");
		assertThat(addIdentifier(holder, "NATIONAL_ID", "33010219600101001X", "CN", "Test quote"))
			.hasStatus3xxRedirection();

		String refused = html(addIdentifier(other, "NATIONAL_ID", "33010219600101001x", "CN", "Test quote"), 400);
		assertThat(refused).as("the same number in another case is the same number")
			.contains("Number: This number is already recorded for Test Number Holder: an identifier belongs to one "
					+ "person only.")
			.containsPattern("<p id=\"value-holder\" class=\"holder\"><a href=\"/fugitives/" + holder
					+ "\">See the profile of Test Number Holder</a></p>")
			.containsPattern("<input type=\"text\" aria-describedby=\"value-hint value-error value-holder\"[^>]*"
					+ "id=\"value\" name=\"value\" value=\"33010219600101001x\"")
			.contains("<a href=\"#value\">Number: This number is already recorded for Test Number Holder");
		assertThat(html(addIdentifier(other, "NATIONAL_ID", "33010219600101001X", "CN", "Test quote", "zh-CN"), 400))
			.contains("号码：该号码已记录在Test Number Holder名下", "查看Test Number Holder的档案");
		assertThat(count("external_identifier where fugitive_id = " + other)).isZero();

		assertThat(html(addIdentifier(holder, "NATIONAL_ID", "33010219600101001X", "CN", "Test quote"), 400))
			.contains("This person has this identifier already.")
			.doesNotContain("value-holder");
		assertThat(count("external_identifier where fugitive_id = " + holder)).isOne();
	}

	@Test
	void eachSchemeAsksForWhatItNeedsAndEveryFactNamesItsSource() {
		long person = records.fugitive("Test Scheme Rules", "AT_LARGE");
		assertThat(html(addIdentifier(person, "PASSPORT", "", "", "Test quote"), 400))
			.contains("Number: Give the number: a passport or an identity card is recorded with its number.",
					"Issuing country: Choose the country that issued it.");
		assertThat(html(addIdentifier(person, "DRIVING_LICENCE", "D1", "US", "Test quote"), 400))
			.contains("Kind of identifier: Unknown value: DRIVING_LICENCE.");
		assertThat(html(addIdentifier(person, "PASSPORT", "P1", "XX", "Test quote"), 400))
			.contains("Issuing country: Unknown country code: XX.");
		assertThat(html(post("/fugitives/" + person + "/identifiers", "scheme", "PASSPORT", "value", "P1",
				"issuingCountry", "US"), 400))
			.contains("A record without a source is refused");
		assertThat(count("external_identifier where fugitive_id = " + person)).isZero();

		assertThat(addIdentifier(person, "INTERPOL_RED_NOTICE", "", "", "Test: subject to a red notice"))
			.as("a red notice whose number is not published, as the seed's")
			.hasStatus3xxRedirection();
		assertThat(html(addIdentifier(person, "INTERPOL_RED_NOTICE", "", "", "Test quote"), 400))
			.contains("This person has a notice of this kind and country without a number already.");
		assertThat(post("/fugitives/" + person + "/identifiers", "scheme", "NATIONAL_WANTED_NOTICE", "value",
				"Test-W-1", "issuingCountry", "CN", "sourceTitle", "Test new source of a notice", "sourceUrl",
				"https://example.org/test-notice", "quote", "Test: wanted notice W-1"))
			.as("a new source named on the form")
			.hasStatus3xxRedirection();
		assertThat(jdbc.queryForObject("select s.publisher from external_identifier x join source s on s.id = x.source_id "
				+ "where x.value = 'Test-W-1'", String.class)).isEqualTo("example.org");
		assertThat(post("/fugitives/999999999/identifiers", "scheme", "PASSPORT")).hasStatus(404);
		assertThat(post("/fugitives/" + person + "/identifiers", "scheme", "PASSPORT", "value", "P2", "issuingCountry",
				"US", "sourceId", String.valueOf(records.citableSource()), "quote", "q").with(csrf().useInvalidToken()))
			.hasStatus(403);
	}

	@Test
	void theDatabaseKeepsANumberToOnePersonEvenIfTheCodeForgets() {
		long one = records.fugitive("Test Index One", "AT_LARGE");
		long two = records.fugitive("Test Index Two", "AT_LARGE");
		records.identifier(one, "PASSPORT", "Test-DB-1", "US");
		assertThatThrownBy(() -> records.identifier(two, "PASSPORT", "test-db-1", "CA"))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining(ExternalIdentifier.VALUE_TAKEN);
		records.identifier(one, "INTERPOL_RED_NOTICE", null, null).identifier(two, "INTERPOL_RED_NOTICE", null, null);
		assertThatThrownBy(() -> records.identifier(one, "INTERPOL_RED_NOTICE", null, null))
			.hasMessageContaining(ExternalIdentifier.UNNUMBERED_TWICE);
		assertThatThrownBy(() -> records.identifier(one, "PASSPORT", null, "US"))
			.as("a passport is nothing without its number")
			.hasMessageContaining("external_identifier_number_ck");
		assertThatThrownBy(() -> records.identifier(one, "NATIONAL_ID", "Test-DB-2", null))
			.hasMessageContaining("external_identifier_country_ck");
		assertThatThrownBy(() -> jdbc.update("insert into external_identifier (fugitive_id, scheme, value, "
				+ "issuing_country) values (?, 'PASSPORT', 'Test-DB-3', 'US')", one))
			.as("every identifier names its source")
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void theSeedsIdentifierAndPlaceCiteTheSourcesThatGaveThem() {
		long huang = jdbc.queryForObject("select id from fugitive where name = 'Huang Yurong'", Long.class);
		assertThat(jdbc.queryForMap("select scheme, value, issuing_country, source_id, quote from external_identifier "
				+ "where fugitive_id = ?", huang))
			.containsEntry("scheme", "INTERPOL_RED_NOTICE")
			.containsEntry("value", null)
			.containsEntry("issuing_country", null)
			.containsEntry("source_id", 3L)
			.containsEntry("quote", null);
		Map<String, Object> place = jdbc.queryForMap("select rank, added_date::text as added, added_precision, source_id "
				+ "from list_membership where fugitive_id = ?", huang);
		assertThat(place).containsEntry("rank", 4)
			.containsEntry("added", "2015-04-01")
			.containsEntry("added_precision", "MONTH")
			.containsEntry("source_id", 3L);
		assertThat(page(TestLogin.INVESTIGATOR, "/fugitives/" + huang))
			.containsPattern("(?s)id=\"wanted-lists\".*No. 4 on.*Sky Net 100 most-wanted list.*\\(on it since April 2015\\)"
					+ ".*href=\"/sources/3\"[^>]*>Associated Press</a>")
			.containsPattern("(?s)id=\"identifiers\".*Interpol red notice: number not published.*"
					+ "href=\"/sources/3\"[^>]*>Associated Press</a>");
		assertThat(page(TestLogin.INVESTIGATOR, "/fugitives/" + huang + "?lang=zh-CN"))
			.contains("（自2015年4月起列入）", "国际刑警组织红色通缉令：编号未公布");
		String source = page(TestLogin.INVESTIGATOR, "/sources/3");
		assertThat(source.substring(source.indexOf("id=\"records-heading\"")))
			.as("the source's page lists what it gives")
			.containsPattern("(?s)<a href=\"/fugitives/" + huang + "#identifiers\">Huang Yurong</a>:\\s*"
					+ "<span>Interpol red notice: number not published</span>")
			.containsPattern("(?s)<a href=\"/fugitives/" + huang + "#wanted-lists\">Huang Yurong</a>:\\s*"
					+ "<span>No. 4 on</span>\\s*<span>Sky Net 100 most-wanted list \\(April 2015\\)</span>");
	}

	@Test
	void anAdminPutsAPersonOnAWantedListAtARankAndTakesThemOff() {
		long person = records.fugitive("Test Listed Person", "AT_LARGE");
		long other = records.fugitive("Test Rank Holder", "AT_LARGE");
		long list = records.wantedList("Test Most-Wanted List", records.operation("Test List Operation", 10));
		records.membership(other, list, 2);
		assertThat(mvc.get().uri("/fugitives/{id}/wanted-lists", person).with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("Wanted lists of Test Listed Person", "On no wanted list.",
					"<option value=\"" + list + "\">Test Most-Wanted List</option>");

		String taken = html(addPlace(person, list, "2", "2015-04"), 400);
		assertThat(taken).contains("Rank: No. 2 on this list is Test Rank Holder already: a rank is one person’s.")
			.containsPattern("<p id=\"rank-holder\" class=\"holder\"><a href=\"/fugitives/" + other
					+ "\">See the profile of Test Rank Holder</a></p>");
		assertThat(html(addPlace(person, list, "0", "2999"), 400)).contains("Rank: Give a whole number from 1.",
				"On the list since: 2999 is in the future.");
		assertThat(html(addPlace(person, list, "x", ""), 400)).contains("Not a valid value.");
		assertThat(html(addPlace(person, list, "5", "April 2015"), 400))
			.contains("On the list since: Write the date as yyyy, yyyy-MM or yyyy-MM-dd.");
		assertThat(html(addPlace(person, list, "5", "2015-13"), 400))
			.contains("On the list since: Not a real date: 2015-13.");
		assertThat(count("list_membership where fugitive_id = " + person)).isZero();

		assertThat(addPlace(person, list, "3", "2015-04")).hasStatus3xxRedirection()
			.hasRedirectedUrl("/fugitives/" + person + "/wanted-lists")
			.flash()
			.containsEntry("confirmation", "Test Listed Person put on Test Most-Wanted List.");
		assertThat(html(addPlace(person, list, "", ""), 400)).contains("This person is on this list already.");
		Map<String, Object> stored = jdbc.queryForMap("select id, rank, added_date::text as added, added_precision "
				+ "from list_membership where fugitive_id = ?", person);
		assertThat(stored).containsEntry("rank", 3).containsEntry("added", "2015-04-01").containsEntry("added_precision",
				"MONTH");
		long place = ((Number) stored.get("id")).longValue();
		assertThat(page(TestLogin.INVESTIGATOR, "/fugitives/" + person))
			.containsPattern("(?s)id=\"list-membership-" + place + "\">.*No. 3 on.*Test Most-Wanted List.*"
					+ "\\(on it since April 2015\\).*Test publisher</a>");

		assertThat(mvc.post().uri("/list-memberships/{id}/remove", place).with(TestLogin.ADMIN).with(csrf()))
			.hasStatus3xxRedirection()
			.flash()
			.containsEntry("confirmation", "Test Listed Person taken off Test Most-Wanted List.");
		assertThat(count("list_membership where fugitive_id = " + person)).isZero();
		assertThat(jdbc.queryForList("select revtype from list_membership_aud where id = ? order by rev", Integer.class,
				place))
			.containsExactly(0, 2);
		String trail = page(TestLogin.ADMIN, "/audit?entity=ListMembership");
		assertThat(trail).contains("Place on a wanted list", "No. 3 on Test Most-Wanted List (Test Listed Person)")
			.containsPattern("<dt>On the list since</dt>\\s*<dd><ins class=\"after\">April 2015</ins>");
		assertThat(page(TestLogin.ADMIN, "/audit?entity=ListMembership&lang=zh-CN"))
			.contains("通缉名单位置", "Test Listed Person：Test Most-Wanted List第3号", "2015年4月");
		assertThat(jdbc.queryForList("select entity_name from audit_revision_entity e join audit_revision r "
				+ "on r.id = e.revision_id where r.id in (select rev from list_membership_aud where id = ?)", String.class,
				place))
			.as("a place changes on its own, not the person's row")
			.containsOnly(ListMembership.class.getName());
	}

	@Test
	void theManagePageLeadsToBothAndTheyRenderInBothLanguages() {
		long person = records.fugitive("Test Manage Links", "AT_LARGE");
		records.identifier(person, "PASSPORT", "Test-M-1", "US");
		records.membership(person, records.wantedList("Test Manage List", records.operation("Test Manage Op", 5)), 1);
		assertThat(mvc.get().uri("/fugitives/{id}/manage", person).with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("href=\"/fugitives/" + person + "/identifiers\"", "href=\"/fugitives/" + person + "/wanted-lists\"");
		for (String page : List.of("/fugitives/" + person + "/identifiers", "/fugitives/" + person + "/wanted-lists")) {
			for (String lang : List.of("en", "zh-CN")) {
				assertThat(mvc.get().uri(page + "?lang=" + lang).with(TestLogin.ADMIN)).as(page + " in " + lang)
					.hasStatusOk()
					.bodyText()
					.doesNotContain("??", "style=\"", "<script");
			}
			assertThat(mvc.get().uri(page).with(TestLogin.ANALYST)).as(page).hasStatus(403);
		}
		assertThat(mvc.get().uri("/fugitives/999999999/identifiers").with(TestLogin.ADMIN)).hasStatus(404);
	}

	private MockMvcRequestBuilder addIdentifier(long person, String scheme, String value, String country,
			String quote) {
		return addIdentifier(person, scheme, value, country, quote, "en");
	}

	private MockMvcRequestBuilder addIdentifier(long person, String scheme, String value, String country, String quote,
			String lang) {
		return post("/fugitives/" + person + "/identifiers?lang=" + lang, "scheme", scheme, "value", value,
				"issuingCountry", country, "sourceId", String.valueOf(records.citableSource()), "quote", quote);
	}

	private MockMvcRequestBuilder addPlace(long person, long list, String rank, String added) {
		return post("/fugitives/" + person + "/wanted-lists", "wantedListId", String.valueOf(list), "rank", rank, "added",
				added, "sourceId", String.valueOf(records.citableSource()), "quote", "Test: on the list");
	}

	private MockMvcRequestBuilder post(String uri, String... fields) {
		MockMvcRequestBuilder request = mvc.post().uri(uri).with(TestLogin.ADMIN).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request;
	}

	private static String html(MockMvcRequestBuilder request, int status) {
		var result = request.exchange();
		assertThat(result).hasStatus(status);
		try {
			return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String page(TestLogin.Account account, String uri) {
		return html(mvc.get().uri(uri).with(account), 200);
	}

	private long count(String tableAndWhere) {
		return jdbc.queryForObject("select count(*) from " + tableAndWhere, Long.class);
	}

}
