package org.fugitivetracker.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The story of every synthetic fugitive is one the schema and the status rule accept. */
class FugitivePlanTest {

	private static final Set<String> STATUS_CHANGING = Set.of("FLIGHT", "DETENTION", "SURRENDER", "REPATRIATION",
			"FORCED_REPATRIATION", "DEPORTATION", "EXTRADITION");

	@Test
	void everyStoryStartsWithAFlightAndEndsInTheStatusItsLastStatusEventLeaves() {
		FugitivePlan plan = new FugitivePlan(42, 20_000, 20);
		Map<String, Integer> statuses = new HashMap<>();
		long events = 0;
		long transfers = 0;
		for (long i = 0; i < 20_000; i++) {
			plan.fill(i);
			assertThat(plan.eventType[0]).isEqualTo("FLIGHT");
			assertThat(plan.eventDate[0]).isEqualTo(plan.fledDate);
			String status = null;
			int lastStatusYear = 0;
			for (int e = 0; e < plan.eventCount; e++) {
				assertThat(validDate(plan.eventDate[e], plan.eventPrecision[e])).isTrue();
				if (e > 0) {
					assertThat(plan.eventDate[e]).isGreaterThanOrEqualTo(plan.eventDate[e - 1]);
				}
				if (STATUS_CHANGING.contains(plan.eventType[e])) {
					int year = plan.eventDate[e] / 10000;
					assertThat(year).as("status events in strictly later years").isGreaterThan(lastStatusYear);
					lastStatusYear = year;
					status = switch (plan.eventType[e]) {
						case "FLIGHT" -> "AT_LARGE";
						case "DETENTION" -> "IN_CUSTODY";
						default -> "RETURNED";
					};
				}
			}
			assertThat(plan.status).isEqualTo(status);
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
		assertThat(statuses.get("AT_LARGE")).as("mostly at large").isGreaterThan(12_000);
		assertThat(statuses).containsKeys("IN_CUSTODY", "RETURNED");
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
