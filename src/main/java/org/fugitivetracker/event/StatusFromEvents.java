package org.fugitivetracker.event;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

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

	/** Where a person stands before any status-changing event. */
	public static final FugitiveStatus WITHOUT_EVENTS = FugitiveStatus.AT_LARGE;

	private StatusFromEvents() {
	}

	public static FugitiveStatus derive(Collection<Event> events) {
		return decidingEvent(events).map(event -> event.getType().resultingStatus()).orElse(WITHOUT_EVENTS);
	}

	/**
	 * The event that set the status {@link #derive} gives: the latest that changes a status; empty
	 * when none does (the person stands {@link #WITHOUT_EVENTS}).
	 */
	public static Optional<Event> decidingEvent(Collection<Event> events) {
		return events.stream().filter(event -> event.getType().resultingStatus() != null).max(CHRONOLOGICAL);
	}

	/**
	 * Where a person stands after an event of this type, given where they stood before it: the
	 * status the type leaves, or, for a type that changes no status (a meeting), as before. Replaying
	 * a person's events in {@link #CHRONOLOGICAL} order from {@link #WITHOUT_EVENTS} gives their status.
	 */
	public static FugitiveStatus after(FugitiveStatus before, EventType type) {
		FugitiveStatus left = type.resultingStatus();
		return (left != null) ? left : before;
	}

	/** The status the other events leave, ignoring {@code excluded} (the event being corrected). */
	public static FugitiveStatus deriveWithout(Collection<Event> events, Event excluded) {
		return derive(events.stream().filter(event -> !Objects.equals(event.getId(), excluded.getId())).toList());
	}

}
