package org.fugitivetracker.event;

import java.util.Collection;
import java.util.List;

import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.fugitive.FlightEvents;
import org.fugitivetracker.fugitive.FugitiveStatus;
import org.springframework.stereotype.Component;

/** The fugitive module's view of a person's events, read from the recorded events. */
@Component
class EventFlightRecord implements FlightEvents {

	private static final List<String> RETURN_TYPE_CODES = EventType.RETURNS.stream().map(Enum::name).sorted().toList();

	private final EventRepository events;

	EventFlightRecord(EventRepository events) {
		this.events = events;
	}

	@Override
	public List<PartialDate> flightEndings(long fugitiveId) {
		return events.findTimeline(fugitiveId)
			.stream()
			.filter(event -> event.getOccurred() != null && endsFlight(event.getType()))
			.map(Event::getOccurred)
			.toList();
	}

	@Override
	public Collection<String> returnTypeCodes() {
		return RETURN_TYPE_CODES;
	}

	private static boolean endsFlight(EventType type) {
		return type.resultingStatus() != null && type.resultingStatus() != FugitiveStatus.AT_LARGE;
	}

}
