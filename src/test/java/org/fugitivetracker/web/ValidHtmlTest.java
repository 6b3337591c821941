package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.PageBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What the Nu Html Checker found on the rendered pages and must not come back: the charts' SVG
 * titles copied into the head, {@code datetime} values with microseconds, skipped heading levels.
 */
@IntegrationTest
@WithMockUser(roles = "ADMIN")
class ValidHtmlTest {

	static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

	static final Pattern DATETIME = Pattern.compile("\\sdatetime=\"([^\"]*)\"");

	static final Pattern HEADING = Pattern.compile("<h([1-6])[\\s>]");

	@Autowired
	MockMvcTester mvc;

	@Test
	void theDashboardHasOneTitleInItsHeadAndNoDuplicateIds() {
		for (String lang : List.of("en", "zh-CN")) {
			String page = PageBodies.html(mvc, "/?lang=" + lang);
			String head = page.substring(page.indexOf("<head>"), page.indexOf("</head>"));
			assertThat(head.split("<title", -1)).as(lang).hasSize(2);
			assertThat(head).contains(lang.equals("en") ? "<title>Dashboard</title>" : "<title>总览</title>");
			assertThat(page).contains("<title id=\"status-chart-title\"");
			assertThat(duplicateIds(page)).as(lang).isEmpty();
		}
	}

	@Test
	void everyPageOfTheLayoutHasExactlyOneTitleInItsHead() {
		for (String uri : List.of("/fugitives", "/fugitives/1", "/cases/1", "/operations/1", "/figures", "/sources/1",
				"/audit", "/admin", "/fugitives/1/edit", "/cases/new", "/admin/users")) {
			String page = PageBodies.html(mvc, uri);
			String head = page.substring(page.indexOf("<head>"), page.indexOf("</head>"));
			assertThat(head.split("<title", -1)).as(uri).hasSize(2);
		}
	}

	@Test
	void datetimeAttributesOfTheAuditAndHistoryPagesHaveNoFractionOfASecond() {
		for (String uri : List.of("/audit", "/fugitives/1/history", "/cases/1/history")) {
			List<String> values = new ArrayList<>();
			Matcher matcher = DATETIME.matcher(PageBodies.html(mvc, uri));
			while (matcher.find()) {
				values.add(matcher.group(1));
			}
			assertThat(values).as(uri)
				.isNotEmpty()
				.allSatisfy(value -> assertThat(value).matches("\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}:\\d{2}Z)?)?)?"));
		}
	}

	@Test
	void headingLevelsNeverSkipOnTheAuditAndHistoryPages() {
		for (String uri : List.of("/audit", "/fugitives/1/history", "/cases/1/history", "/")) {
			Matcher matcher = HEADING.matcher(PageBodies.html(mvc, uri));
			int previous = 0;
			while (matcher.find()) {
				int level = Integer.parseInt(matcher.group(1));
				assertThat(level).as(uri + ": h" + level + " after h" + previous).isLessThanOrEqualTo(previous + 1);
				previous = level;
			}
		}
	}

	private static Set<String> duplicateIds(String page) {
		Set<String> seen = new HashSet<>();
		Set<String> duplicates = new HashSet<>();
		Matcher matcher = ID.matcher(page);
		while (matcher.find()) {
			if (!seen.add(matcher.group(1))) {
				duplicates.add(matcher.group(1));
			}
		}
		return duplicates;
	}

}
