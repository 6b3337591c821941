package org.fugitivetracker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The admin's way in: the admin page finds the person to manage (no address to type), the Manage
 * page writes countries and dates as every page does, the profile form's destinations are
 * checkboxes posting the same field, and the users table's links say what their names say.
 */
@IntegrationTest
class AdminPagesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theAdminPageFindsThePersonToManageWithLinksToEachWrite() {
		assertThat(mvc.get().uri("/admin").with(admin())).hasStatusOk()
			.bodyText()
			.contains("<form id=\"admin-search\"", "name=\"q\"", "href=\"/fugitives/1/manage\"",
					"href=\"/fugitives/1/events/new\"", "href=\"/fugitives/1/edit\"", "href=\"/cases\"")
			.doesNotContain("/fugitives/&lt;number&gt;/manage", "/fugitives/<number>/manage");
		assertThat(mvc.get().uri("/admin?q=Xiuzhu").with(admin())).hasStatusOk()
			.bodyText()
			.contains("1 person found:", ">Yang Xiuzhu</a>", "href=\"/fugitives/1/manage\"")
			.containsPattern("<span>Manage</span><span\\s+class=\"visually-hidden\">: Yang Xiuzhu</span>")
			.doesNotContain(">Huang Yurong</a>");
		assertThat(mvc.get().uri("/admin?q=nobody+at+all+by+this+name").with(admin())).bodyText()
			.contains("No one found.");
		assertThat(mvc.get().uri("/admin?q=" + "x".repeat(101)).with(admin())).as("a bad search is said, not a 500")
			.hasStatusOk()
			.bodyText()
			.contains("the search text may have at most 100 characters.");
		assertThat(mvc.get().uri("/admin?lang=zh-CN").with(admin())).bodyText().contains("管理外逃人员", "按姓名排列的");
	}

	@Test
	void theManageTableNamesCountriesAndMissingDatesAsEveryOtherPage() {
		assertThat(mvc.get().uri("/fugitives/1/manage").with(admin())).hasStatusOk()
			.bodyText()
			.as("Yang Xiuzhu's detention in the U.S., undated in the article")
			.contains(">United States</td>", ">date not reported</span>")
			.doesNotContain(">US</td>", ">undated<");
		assertThat(mvc.get().uri("/fugitives/1/manage?lang=zh-CN").with(admin())).bodyText()
			.contains(">美国</td>", ">日期未见报道</span>");
	}

	@Test
	void destinationsAreCheckboxesThatPostTheSameFieldAsBefore(TestRecords records) {
		assertThat(mvc.get().uri("/fugitives/new").with(admin())).hasStatusOk()
			.bodyText()
			.containsPattern("<fieldset id=\"destinationCountries\" class=\"checkboxes\"[^>]*>\\s*<legend>Destination countries</legend>")
			.containsPattern("<input type=\"checkbox\" value=\"US\" id=\"destinationCountries\\d+\" name=\"destinationCountries\">")
			.doesNotContain("<select multiple", "Hold Ctrl");
		long source = records.citableSource();
		assertThat(mvc.post()
			.uri("/fugitives")
			.with(admin())
			.with(csrf())
			.param("name", "Test Checkbox Destinations")
			.param("destinationCountries", "US", "CA")
			.param("sourceId", String.valueOf(source))
			.param("quote", "Test quote"))
			.hasStatus3xxRedirection();
		long id = jdbc.queryForObject("select id from fugitive where name = 'Test Checkbox Destinations'", Long.class);
		assertThat(jdbc.queryForList("select country_code from fugitive_destination where fugitive_id = ? order by 1",
				String.class, id))
			.containsExactly("CA", "US");
		assertThat(mvc.get().uri("/fugitives/" + id + "/edit").with(admin())).bodyText()
			.containsPattern("value=\"CA\" id=\"destinationCountries\\d+\" name=\"destinationCountries\" checked=\"checked\"")
			.containsPattern("value=\"US\" id=\"destinationCountries\\d+\" name=\"destinationCountries\" checked=\"checked\"");
		assertThat(mvc.get().uri("/cases/new").with(admin())).bodyText()
			.as("the case form's agencies alike")
			.contains("<fieldset id=\"agencyIds\" class=\"checkboxes\"", "type=\"checkbox\"");
	}

	@Test
	void eachResetPasswordLinkShowsTheWordsItIsNamedBy() throws Exception {
		String users = mvc.get().uri("/admin/users").with(admin()).exchange().getResponse().getContentAsString();
		for (String username : List.of("admin", "analyst", "investigator")) {
			assertThat(users).containsPattern("<a href=\"/admin/users/\\d+/password\"><span>Reset password</span><span"
					+ "\\s+class=\"visually-hidden\"> for " + username + "</span></a>");
		}
		assertThat(users).doesNotContain("aria-label=\"Reset the password of");
	}

	private static RequestPostProcessor admin() {
		return user("admin").roles("ADMIN");
	}

}
