package org.fugitivetracker.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.fugitive.FugitiveStatus;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class StatusFromEventsTest {

	@Test
	void withoutEventsAPersonIsAtLarge() {
		assertThat(StatusFromEvents.derive(List.of())).isEqualTo(FugitiveStatus.AT_LARGE);
	}

	@Test
	void yangXiuzhuUndatedDetentionThenHerDatedSurrenderLeavesHerReturned() {
		Event detention = event(1, EventType.DETENTION, null);
		Event surrender = event(9, EventType.SURRENDER, PartialDate.ofDay(LocalDate.of(2016, 11, 16)));
		assertThat(StatusFromEvents.derive(List.of(surrender, detention))).isEqualTo(FugitiveStatus.RETURNED);
		assertThat(StatusFromEvents.derive(List.of(detention))).isEqualTo(FugitiveStatus.IN_CUSTODY);
	}

	@Test
	void huangYurongFledThenSurrendered() {
		assertThat(StatusFromEvents.derive(List.of(event(3, EventType.FLIGHT, PartialDate.ofMonth(2002, 8)),
				event(4, EventType.SURRENDER, PartialDate.ofDay(LocalDate.of(2015, 12, 5))))))
			.isEqualTo(FugitiveStatus.RETURNED);
	}

	@Test
	void theLatestDatedEventWinsWhateverTheOrderRecorded() {
		Event laterDetention = event(1, EventType.DETENTION, PartialDate.ofYear(2019));
		Event earlierReturn = event(2, EventType.REPATRIATION, PartialDate.ofMonth(2018, 3));
		assertThat(StatusFromEvents.derive(List.of(laterDetention, earlierReturn))).isEqualTo(FugitiveStatus.IN_CUSTODY);
	}

	@Test
	void onTheSameDateTheOneRecordedLastWinsAndEventsAboutNoPersonAreIgnored() {
		PartialDate day = PartialDate.ofDay(LocalDate.of(2020, 1, 1));
		assertThat(StatusFromEvents.derive(List.of(event(8, EventType.DETENTION, day), event(7, EventType.DEPORTATION, day),
				event(9, EventType.MEETING, PartialDate.ofYear(2021)))))
			.isEqualTo(FugitiveStatus.IN_CUSTODY);
	}

	@Test
	void deriveWithoutIgnoresTheEventBeingCorrected() {
		Event detention = event(1, EventType.DETENTION, PartialDate.ofYear(2015));
		Event surrender = event(2, EventType.SURRENDER, PartialDate.ofYear(2016));
		assertThat(StatusFromEvents.deriveWithout(List.of(detention, surrender), surrender))
			.isEqualTo(FugitiveStatus.IN_CUSTODY);
	}

	private static Event event(long id, EventType type, PartialDate occurred) {
		Event event = new Event(type, occurred, "US", null, "Test");
		ReflectionTestUtils.setField(event, "id", id);
		return event;
	}

}
