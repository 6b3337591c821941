package org.fugitivetracker.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestAccounts;
import org.fugitivetracker.common.DatePrecision;
import org.fugitivetracker.source.CitationRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * The admin's third journey on real PostgreSQL: recording a surrender or repatriation through the
 * form, with its source, the derived status and the audit trail; and every way it is refused.
 */
@IntegrationTest
class RecordEventTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventRepository events;

	@Autowired
	CitationRepository citations;

	@Autowired
	EventRecorder recorder;

	@Test
	void adminRecordsYangXiuzhusSurrenderWithItsSourceAndTheAuditTrailKeepsIt() {
		long yang = idOf("Yang Xiuzhu");
		assertThat(status(yang)).isEqualTo("IN_CUSTODY");
		long version = version(yang);
		Long eventId = null;
		try {
			assertThat(asAdmin(mvc.post().uri("/fugitives/{id}/events", yang)
				.param("type", "SURRENDER")
				.param("date", "2016-11-16")
				.param("country", "US")
				.param("description", "Test: surrendered and returned to China.")
				.param("sourceTitle", "Test source: China Daily report of 25 January 2019")
				.param("sourceUrl", "https://www.chinadaily.com.cn/test-yang-xiuzhu")
				.param("quote", "Test quote: Yang Xiuzhu surrendered and returned to China on 16 November 2016")
				.param("version", String.valueOf(version))))
				.hasStatus3xxRedirection()
				.hasRedirectedUrl("/fugitives/" + yang)
				.flash()
				.hasEntrySatisfying("confirmation",
						message -> assertThat((String) message).contains("Surrender", "Yang Xiuzhu", "Returned"));

			assertThat(status(yang)).isEqualTo("RETURNED");
			assertThat(version(yang)).isGreaterThan(version);
			List<Event> timeline = events.findTimeline(yang);
			Event surrender = timeline.stream().filter(e -> e.getType() == EventType.SURRENDER).findFirst().orElseThrow();
			eventId = surrender.getId();
			assertThat(surrender.getOccurred().date()).isEqualTo(LocalDate.of(2016, 11, 16));
			assertThat(surrender.getOccurred().precision()).isEqualTo(DatePrecision.DAY);
			assertThat(surrender.getCountryCode()).isEqualTo("US");
			assertThat(citations.findForEvents(List.of(eventId))).singleElement().satisfies(citation -> {
				assertThat(citation.getSource().getTitle()).isEqualTo("Test source: China Daily report of 25 January 2019");
				assertThat(citation.getSource().getPublisher()).isEqualTo("www.chinadaily.com.cn");
				assertThat(citation.getQuote()).startsWith("Test quote: Yang Xiuzhu surrendered");
			});

			Map<String, Object> revision = jdbc.queryForMap("select r.id, r.username from audit_revision r "
					+ "join event_aud a on a.rev = r.id where a.id = ? and a.revtype = 0", eventId);
			assertThat(revision).containsEntry("username", "admin");
			assertThat(jdbc.queryForObject("select status from fugitive_aud where id = ? and rev = ?", String.class, yang,
					revision.get("id")))
				.isEqualTo("RETURNED");
			assertThat(jdbc.queryForObject("select count(*) from citation_aud where event_id = ? and rev = ?",
					Integer.class, eventId, revision.get("id")))
				.isOne();
		}
		finally {
			if (eventId != null) {
				recorder.delete(eventId, new EventDeletionForm("Test clean-up", version(yang)), "admin");
				jdbc.update("delete from source where title = 'Test source: China Daily report of 25 January 2019'");
			}
		}
		assertThat(status(yang)).isEqualTo("IN_CUSTODY");
	}

	private MockMvcRequestBuilder asAdmin(MockMvcRequestBuilder request) {
		return request.with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD)).with(csrf());
	}

	private long idOf(String name) {
		return jdbc.queryForObject("select id from fugitive where name = ?", Long.class, name);
	}

	private String status(long id) {
		return jdbc.queryForObject("select status from fugitive where id = ?", String.class, id);
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from fugitive where id = ?", Long.class, id);
	}

}
