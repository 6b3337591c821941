package org.fugitivetracker.synthetic;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fugitivetracker.common.DatePrecision;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.event.EventType;
import org.fugitivetracker.event.StatusFromEvents;
import org.fugitivetracker.fugitive.FugitiveStatus;
import org.fugitivetracker.fugitive.NameRomaniser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

/** Checks of loaded synthetic rows against the one definition of each derived field. */
final class SyntheticChecks {

	/** Synthetic fugitives whose search text or destinations differ from what the database's own functions make of the rows. */
	static final String DERIVED_MISMATCHES = """
			fugitive f
			WHERE f.synthetic AND (
			    f.search_text IS DISTINCT FROM fugitive_search_text(f.id, f.name, f.native_name, f.former_position,
			                                                        f.former_organisation, f.romanised_names)
			    OR f.destinations IS DISTINCT FROM fugitive_destinations_of(ARRAY(
			        SELECT d.country_code::text FROM fugitive_destination d WHERE d.fugitive_id = f.id)))""";

	private SyntheticChecks() {
	}

	/** How many synthetic fugitives have romanised names other than the application writes with their native name. */
	static long romanisedNamesNotAsTheApplicationWritesThem(JdbcTemplate jdbc) {
		long[] mismatches = { 0 };
		jdbc.query("SELECT native_name, romanised_names FROM fugitive WHERE synthetic", row -> {
			List<String> stored = Arrays.asList((String[]) row.getArray(2).getArray());
			if (!stored.equals(NameRomaniser.romanisedNames(row.getString(1), List.of()))) {
				mismatches[0]++;
			}
		});
		return mismatches[0];
	}

	/**
	 * How many synthetic fugitives have a status other than the one {@link StatusFromEvents} derives
	 * from their events as they are stored.
	 */
	static long statusesNotDerivedFromTheirEvents(JdbcTemplate jdbc) {
		Map<Long, List<Event>> events = new HashMap<>();
		jdbc.query("""
				SELECT e.fugitive_id, e.id, e.type, e.occurred_date, e.occurred_precision
				FROM event e JOIN fugitive f ON f.id = e.fugitive_id WHERE f.synthetic""", row -> {
			Date date = row.getDate(4);
			PartialDate occurred = (date == null) ? null
					: new PartialDate(date.toLocalDate(), DatePrecision.valueOf(row.getString(5)));
			Event event = new Event(EventType.valueOf(row.getString(3)), occurred, null, null, null);
			ReflectionTestUtils.setField(event, "id", row.getLong(2));
			events.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(event);
		});
		long[] mismatches = { 0 };
		jdbc.query("SELECT id, status FROM fugitive WHERE synthetic", row -> {
			FugitiveStatus derived = StatusFromEvents.derive(events.getOrDefault(row.getLong(1), List.of()));
			if (FugitiveStatus.valueOf(row.getString(2)) != derived) {
				mismatches[0]++;
			}
		});
		return mismatches[0];
	}

}
