package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugitivetracker.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What the one layout gives every page: the menu, the favicon and the footer's promise. */
@IntegrationTest
class LayoutTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theFaviconIsAnSvgEveryoneMayLoad() {
		assertThat(mvc.get().uri("/favicon.svg")).hasStatusOk()
			.hasContentType("image/svg+xml")
			.bodyText()
			.startsWith("<svg");
		assertThat(mvc.get().uri("/login")).bodyText()
			.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void adminHasItsOwnMenuEntryWhichTheAdminPageHighlights() {
		assertThat(mvc.get().uri("/admin")).hasStatusOk()
			.bodyText()
			.contains("<a href=\"/admin\" aria-current=\"page\" class=\"active\">Admin</a>",
					"<a href=\"/audit\">Audit trail</a>");
		assertThat(mvc.get().uri("/audit")).bodyText()
			.contains("<a href=\"/admin\">Admin</a>", "<a href=\"/audit\" aria-current=\"page\" class=\"active\">");
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void othersHaveNoAdminEntry() {
		assertThat(mvc.get().uri("/")).hasStatusOk().bodyText().doesNotContain("href=\"/admin\"");
	}

	@Test
	@WithMockUser(roles = "INVESTIGATOR")
	void pagesWithFactsKeepThePromiseInTheirFooter() {
		assertThat(mvc.get().uri("/fugitives")).bodyText()
			.contains("<footer class=\"site-footer\"><p>Every fact shown here cites its source.</p></footer>");
	}

}
