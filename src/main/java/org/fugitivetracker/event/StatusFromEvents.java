package org.fugitivetracker.event;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.fugitive.FugitiveStatus;

/**
 * The one place that says where a fugitive stands: the status left by their latest
 * status-changing event ({@code FLIGHT} → at large, {@code DETENTION} → in custody, the five
 * kinds of return → returned); with no such event, at large. "Latest" orders by date (the first
 * day of the period, the coarser precision first), then by id; an <b>undated</b> event counts as
 * the earliest, so that a dated event recorded later (Yang Xiuzhu's surrender, after her detention
 * reported without a date) follows it.
 */
public final class StatusFromEvents {

	/** Oldest first: undated, then by date, then in the order recorded. */
	public static final Comparator<Event> CHRONOLOGICAL = Comparator
		.comparing(Event::getOccurred, Comparator.nullsFirst(Comparator.<PartialDate>naturalOrder()))
		.thenComparing(Event::getId, Comparator.nullsLast(Comparator.<Long>naturalOrder()));

	private StatusFromEvents() {
	}

	public static FugitiveStatus derive(Collection<Event> events) {
		return events.stream()
			.filter(event -> event.getType().resultingStatus() != null)
			.max(CHRONOLOGICAL)
			.map(event -> event.getType().resultingStatus())
			.orElse(FugitiveStatus.AT_LARGE);
	}

	/** The status the other events leave, ignoring {@code excluded} (the event being corrected). */
	public static FugitiveStatus deriveWithout(Collection<Event> events, Event excluded) {
		return derive(events.stream().filter(event -> !Objects.equals(event.getId(), excluded.getId())).toList());
	}

}
