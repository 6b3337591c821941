package org.fugitivetracker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * The rest of the admin's forms: add a fugitive, edit a profile, add a case and change it, add an
 * asset transfer, add a source, correct and delete an event. Same validation, CSRF and audit.
 */
@IntegrationTest
class AdminFormsTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void everyAdminPageRendersInBothLanguagesWithoutMissingLabels() {
		long fugitive = testFugitive("Test Forms Render");
		long event = records.citedEvent(fugitive, "DETENTION", "2017");
		for (String page : List.of("/admin", "/fugitives/new", "/fugitives/" + fugitive + "/edit",
				"/fugitives/" + fugitive + "/manage", "/fugitives/" + fugitive + "/events/new", "/events/" + event + "/edit",
				"/cases/new", "/cases/1/manage", "/asset-transfers/new?fugitiveId=" + fugitive, "/sources/new",
				"/fugitives/" + fugitive + "/history", "/audit")) {
			for (String lang : List.of("en", "zh-CN")) {
				assertThat(mvc.get().uri(page + (page.contains("?") ? "&" : "?") + "lang=" + lang).with(TestLogin.ADMIN))
					.as(page + " in " + lang)
					.hasStatusOk()
					.bodyText()
					.doesNotContain("??", "style=\"", "<script", " onclick=");
			}
		}
		for (String page : List.of("/admin", "/fugitives/new", "/cases/new", "/sources/new", "/asset-transfers/new",
				"/fugitives/" + fugitive + "/manage", "/events/" + event + "/edit", "/cases/1/manage")) {
			assertThat(mvc.get().uri(page).with(TestLogin.someone("ANALYST"))).as(page).hasStatus(403);
		}
	}

	@Test
	void anAdminAddsAFugitiveWithItsSourceAndItStartsAtLarge() {
		assertThat(post("/fugitives", "name", "Test Added Person", "nativeName", "测试人", "sex", "F", "birthYear", "1950",
				"fled", "2003-04", "destinationCountries", "US", "aliases", "Test Alias One\nTest Alias Two",
				"offences", "Test offence", "sourceId", source(), "quote", "Test quote"))
			.hasStatus3xxRedirection()
			.flash()
			.containsEntry("confirmation", "Test Added Person added.");
		long id = jdbc.queryForObject("select id from fugitive where name = 'Test Added Person'", Long.class);
		assertThat(jdbc.queryForObject("select status from fugitive where id = ?", String.class, id)).isEqualTo("AT_LARGE");
		assertThat(jdbc.queryForList("select alias from fugitive_alias where fugitive_id = ? order by 1", String.class, id))
			.containsExactly("Test Alias One", "Test Alias Two");
		assertThat(jdbc.queryForObject("select count(*) from citation where fugitive_id = ?", Integer.class, id)).isOne();
		assertThat(jdbc.queryForObject("select r.username from fugitive_aud a join audit_revision r on r.id = a.rev "
				+ "where a.id = ? and a.revtype = 0", String.class, id))
			.isEqualTo("admin");
	}

	@Test
	void aFugitiveWithoutSourceOrWithBadFieldsIsRefusedAndNothingStored() {
		long before = count("fugitive");
		assertThat(post("/fugitives", "name", "Test Unsourced")).hasStatus(400)
			.bodyText()
			.contains("A record without a source is refused");
		assertThat(post("/fugitives", "name", "", "sourceId", source(), "quote", "q")).hasStatus(400).bodyText().contains("Name (Latin script): Fill this in.");
		assertThat(post("/fugitives", "name", "Test Bad Year", "birthYear", "nineteen", "sourceId", source(), "quote", "q"))
			.hasStatus(400)
			.bodyText()
			.contains("Not a valid value.");
		assertThat(post("/fugitives", "name", "Test Bad Country", "destinationCountries", "XX", "sourceId", source(), "quote", "q"))
			.hasStatus(400)
			.bodyText()
			.contains("Unknown country code: XX.");
		assertThat(post("/fugitives", "name", "Test Future Flight", "fled", "2999", "sourceId", source(), "quote", "q"))
			.hasStatus(400)
			.bodyText()
			.contains("2999 is in the future.");
		assertThat(post("/fugitives", "name", "Test No Csrf", "sourceId", source(), "quote", "q").with(csrf().useInvalidToken()))
			.hasStatus(403);
		assertThat(count("fugitive")).isEqualTo(before);
	}

	@Test
	void anAdminEditsAProfileButNeverTheStatusAndAStaleFormIsAConflict() {
		long id = testFugitive("Test Edit Person");
		records.citedEvent(id, "DETENTION", "2015-06");
		jdbc.update("update fugitive set status = 'IN_CUSTODY' where id = ?", id);
		assertThat(post("/fugitives/" + id + "/edit", "name", "Test Edit Person", "formerPosition", "Test mayor",
				"status", "RETURNED", "version", "0"))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/fugitives/" + id);
		assertThat(jdbc.queryForMap("select former_position, status, version from fugitive where id = ?", id))
			.containsEntry("former_position", "Test mayor")
			.containsEntry("status", "IN_CUSTODY")
			.containsEntry("version", 1L);
		assertThat(post("/fugitives/" + id + "/edit", "name", "Test Edit Person Renamed", "version", "0")).hasStatus(409)
			.bodyText()
			.contains("Test Edit Person was changed by admin at");
		assertThat(post("/fugitives/" + id + "/edit", "name", "Test Edit Person", "fled", "2016", "version", "1"))
			.hasStatus(400)
			.bodyText()
			.contains("The flight (2016) cannot be after a recorded detention or return (2015-06).");
		assertThat(jdbc.queryForObject("select name from fugitive where id = ?", String.class, id)).isEqualTo("Test Edit Person");
	}

	@Test
	void anAdminAddsACaseChangesItsStatusAndAddsAPerson() {
		assertThat(post("/cases", "title", "Test Case Forms", "status", "OPEN", "counterpartCountry", "CA", "agencyIds", "1",
				"sourceId", source(), "quote", "Test quote"))
			.hasStatus3xxRedirection();
		long id = jdbc.queryForObject("select id from case_file where title = 'Test Case Forms'", Long.class);
		assertThat(post("/cases/" + id + "/status", "status", "JOINT_INVESTIGATION", "reason", "Test reason", "version", "0"))
			.hasStatus3xxRedirection()
			.flash()
			.containsEntry("confirmation", "Case “Test Case Forms” is now: Joint investigation.");
		long person = testFugitive("Test Case Person");
		assertThat(post("/cases/" + id + "/participants", "fugitiveId", String.valueOf(person), "role", "ACCOMPLICE",
				"version", "1"))
			.hasStatus3xxRedirection();
		assertThat(post("/cases/" + id + "/participants", "fugitiveId", String.valueOf(person), "role", "WITNESS",
				"version", "1"))
			.as("against the version before the person was added")
			.hasStatus(409)
			.bodyText()
			.contains("Test Case Forms was changed by admin at");
		assertThat(post("/cases/" + id + "/participants", "fugitiveId", "999999", "role", "WITNESS", "version", "2"))
			.hasStatus(400)
			.bodyText()
			.contains("There is no fugitive number 999999.");
		assertThat(post("/cases/" + id + "/status", "status", "SETTLED", "version", "2")).hasStatus(400)
			.bodyText()
			.contains("Unknown value: SETTLED.");
		assertThat(jdbc.queryForObject("select count(*) from case_participant_aud where case_id = ? and revtype = 0",
				Integer.class, id))
			.isOne();
		assertThat(jdbc.queryForObject("select reason from audit_revision r join case_file_aud a on a.rev = r.id "
				+ "where a.id = ? and a.status = 'JOINT_INVESTIGATION' order by r.id limit 1", String.class, id))
			.isEqualTo("Test reason");
	}

	@Test
	void anAdminAddsAnAssetTransferAndTheQualifierMustMatchTheAmount() {
		long person = testFugitive("Test Transfer Person");
		assertThat(post("/asset-transfers", "amountAsReported", "Test: billions of yuan", "currency", "CNY", "qualifier",
				"UNSPECIFIED", "fugitiveId", String.valueOf(person), "channels", "UNDERGROUND_BANK", "channels",
				"MONEY_LAUNDERING", "sourceId", source(), "quote", "Test quote"))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/fugitives/" + person);
		assertThat(jdbc.queryForList("select channel from asset_transfer_channel c join asset_transfer t "
				+ "on t.id = c.asset_transfer_id where t.fugitive_id = ? order by 1", String.class, person))
			.containsExactly("MONEY_LAUNDERING", "UNDERGROUND_BANK");
		long before = count("asset_transfer");
		assertThat(post("/asset-transfers", "amountAsReported", "Test: 5 yuan", "amount", "5", "currency", "CNY",
				"qualifier", "UNSPECIFIED", "sourceId", source(), "quote", "q"))
			.hasStatus(400)
			.bodyText()
			.contains("“No number given” cannot go with an amount.");
		assertThat(post("/asset-transfers", "amountAsReported", "Test", "amount", "-5", "currency", "CNY", "qualifier",
				"EXACT", "sourceId", source(), "quote", "q"))
			.hasStatus(400)
			.bodyText()
			.contains("Must not be negative.");
		assertThat(post("/asset-transfers", "amountAsReported", "Test", "amount", "lots", "currency", "CNY",
				"qualifier", "EXACT", "sourceId", source(), "quote", "q"))
			.hasStatus(400)
			.bodyText()
			.contains("Not a valid value.");
		assertThat(post("/asset-transfers", "amountAsReported", "Test", "amount", "5", "currency", "yuan",
				"qualifier", "EXACT", "sourceId", source(), "quote", "q"))
			.hasStatus(400)
			.bodyText()
			.contains("three capital letters");
		assertThat(count("asset_transfer")).isEqualTo(before);
	}

	@Test
	void anAdminAddsASource() {
		assertThat(post("/sources", "title", "Test Source Form", "publisher", "Test Publisher", "url",
				"https://example.org/test", "published", "2016-11-17"))
			.hasStatus3xxRedirection()
			.flash()
			.containsEntry("confirmation", "Source “Test Source Form” added.");
		assertThat(jdbc.queryForObject("select published_precision from source where title = 'Test Source Form'",
				String.class))
			.isEqualTo("DAY");
		assertThat(post("/sources", "title", "Test Bad Source", "publisher", "P", "url", "javascript:alert(1)"))
			.hasStatus(400)
			.bodyText()
			.contains("Give a full web address");
		assertThat(jdbc.queryForObject("select count(*) from source where title = 'Test Bad Source'", Integer.class))
			.isZero();
	}

	@Test
	void anAdminCorrectsAndDeletesAnEventWithARequiredReason() {
		long id = testFugitive("Test Correction Person");
		assertThat(post("/fugitives/" + id + "/events", "type", "DETENTION", "date", "2016", "country", "US", "sourceId",
				"1", "quote", "Test quote", "version", "0"))
			.hasStatus3xxRedirection();
		long event = jdbc.queryForObject("select id from event where fugitive_id = ?", Long.class, id);
		assertThat(mvc.get().uri("/events/{id}/edit", event).with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("Correct or delete an event of Test Correction Person", "value=\"2016\"", "id=\"delete\"");

		assertThat(post("/events/" + event + "/edit", "type", "EXTRADITION", "date", "2016-05", "country", "US",
				"version", "1"))
			.hasStatus(400)
			.bodyText()
			.contains("id=\"reason-error\"");
		assertThat(post("/events/" + event + "/edit", "type", "EXTRADITION", "date", "2016-05", "country", "US",
				"reason", "Test: it was an extradition", "version", "1"))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/fugitives/" + id);
		assertThat(jdbc.queryForObject("select status from fugitive where id = ?", String.class, id)).isEqualTo("RETURNED");

		assertThat(post("/events/" + event + "/delete", "reason", "", "version", "2")).hasStatus(400);
		assertThat(post("/events/" + event + "/delete", "reason", "Test: wrong person", "version", "1")).hasStatus(409);
		assertThat(post("/events/" + event + "/delete", "reason", "Test: wrong person", "version", "2"))
			.hasStatus3xxRedirection();
		assertThat(jdbc.queryForObject("select status from fugitive where id = ?", String.class, id)).isEqualTo("AT_LARGE");
		assertThat(jdbc.queryForList("select r.reason from event_aud a join audit_revision r on r.id = a.rev "
				+ "where a.id = ? order by a.rev", String.class, event))
			.containsExactly(null, "Test: it was an extradition", "Test: wrong person");
	}

	private MockMvcRequestBuilder post(String uri, String... fields) {
		MockMvcRequestBuilder request = mvc.post().uri(uri).with(TestLogin.ADMIN).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request;
	}

	private long testFugitive(String name) {
		return records.fugitive(name, "AT_LARGE");
	}

	private String source() {
		return String.valueOf(records.citableSource());
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
