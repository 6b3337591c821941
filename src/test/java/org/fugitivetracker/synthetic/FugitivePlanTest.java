package org.fugitivetracker.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fugitivetracker.common.DatePrecision;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.event.EventType;
import org.fugitivetracker.event.StatusFromEvents;
import org.fugitivetracker.fugitive.FugitiveStatus;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The story of every synthetic fugitive is one the schema and the status rule accept. */
class FugitivePlanTest {

	@Test
	void everyStoryStartsWithAFlightAndEndsInTheStatusItsLastStatusEventLeaves() {
		FugitivePlan plan = new FugitivePlan(42, 20_000, 20);
		Map<FugitiveStatus, Integer> statuses = new HashMap<>();
		long events = 0;
		long transfers = 0;
		for (long i = 0; i < 20_000; i++) {
			plan.fill(i);
			assertThat(plan.eventType[0]).isEqualTo(EventType.FLIGHT);
			assertThat(plan.eventDate[0]).isEqualTo(plan.fledDate);
			int lastStatusYear = 0;
			for (int e = 0; e < plan.eventCount; e++) {
				assertThat(validDate(plan.eventDate[e], plan.eventPrecision[e])).isTrue();
				if (e > 0) {
					assertThat(plan.eventDate[e]).isGreaterThanOrEqualTo(plan.eventDate[e - 1]);
				}
				if (plan.eventType[e].resultingStatus() != null) {
					int year = plan.eventDate[e] / 10000;
					assertThat(year).as("status events in strictly later years").isGreaterThan(lastStatusYear);
					lastStatusYear = year;
				}
			}
			assertThat(plan.status).as("what the application derives from the events as they are stored")
				.isEqualTo(StatusFromEvents.derive(storedEvents(plan)));
			assertThat(lastStatusYear).isLessThanOrEqualTo(FugitivePlan.LAST_YEAR);
			if (plan.reportedAge >= 0) {
				assertThat(plan.reportedAge).isBetween(0, 130);
			}
			statuses.merge(plan.status, 1, Integer::sum);
			events += plan.eventCount;
			transfers += plan.transferCount;
		}
		assertThat(events / 20_000.0).as("events per fugitive").isBetween(4.5, 5.5);
		assertThat(transfers / 20_000.0).as("transfers per fugitive").isBetween(0.9, 1.1);
		assertThat(statuses.get(FugitiveStatus.AT_LARGE)).as("mostly at large").isGreaterThan(12_000);
		assertThat(statuses).containsKeys(FugitiveStatus.IN_CUSTODY, FugitiveStatus.RETURNED);
	}

	@Test
	void aFugitiveIsDrawnTheSameEveryTime() {
		FugitivePlan one = new FugitivePlan(42, 1000, 1);
		FugitivePlan other = new FugitivePlan(42, 1000, 1);
		other.fill(999);
		assertThat(one.fill(17).latinName()).isEqualTo(other.fill(17).latinName());
		assertThat(one.eventCount).isEqualTo(other.eventCount);
		assertThat(one.status).isEqualTo(other.status);
		assertThat(new FugitivePlan(43, 1000, 1).fill(17).latinName()).isNotNull();
	}

	@Test
	void theFirstFugitiveOfEachBlockIsThePrincipalOfItsCase() {
		FugitivePlan plan = new FugitivePlan(42, 45, 1);
		for (long block = 0; block < FugitivePlan.caseCount(45); block++) {
			plan.fill(block * FugitivePlan.CASE_BLOCK);
			assertThat(plan.caseIndex).isEqualTo(block);
			assertThat(Vocabulary.PARTICIPANT_ROLES[plan.caseRole]).isEqualTo("PRINCIPAL");
		}
		assertThat(plan.participantsOfCase(2)).as("the last block holds only 5 fugitives").isBetween(1, 5);
	}

	/** The plan's events as the loader stores them: in the plan's order, which is the order of their ids. */
	private static List<Event> storedEvents(FugitivePlan plan) {
		List<Event> events = new ArrayList<>();
		for (int e = 0; e < plan.eventCount; e++) {
			int packed = plan.eventDate[e];
			LocalDate date = LocalDate.of(packed / 10000, packed / 100 % 100, packed % 100);
			Event event = new Event(plan.eventType[e], new PartialDate(date, DatePrecision.valueOf(Vocabulary.PRECISIONS[plan.eventPrecision[e]])), null,
					null, null);
			ReflectionTestUtils.setField(event, "id", (long) e);
			events.add(event);
		}
		return events;
	}

	private static boolean validDate(int packed, int precision) {
		int month = packed / 100 % 100;
		int day = packed % 100;
		return switch (precision) {
			case FugitivePlan.PRECISION_YEAR -> month == 1 && day == 1;
			case FugitivePlan.PRECISION_MONTH -> month >= 1 && month <= 12 && day == 1;
			default -> month >= 1 && month <= 12 && day >= 1 && day <= 28;
		};
	}

}
