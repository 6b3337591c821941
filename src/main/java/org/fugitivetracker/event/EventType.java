package org.fugitivetracker.event;

import java.util.EnumSet;
import java.util.Set;

import org.fugitivetracker.fugitive.FugitiveStatus;

/** What happened. The status a person is left in follows from the type. */
public enum EventType {

	FLIGHT(FugitiveStatus.AT_LARGE), DETENTION(FugitiveStatus.IN_CUSTODY), SURRENDER(FugitiveStatus.RETURNED),
	REPATRIATION(FugitiveStatus.RETURNED), FORCED_REPATRIATION(FugitiveStatus.RETURNED),
	DEPORTATION(FugitiveStatus.RETURNED), EXTRADITION(FugitiveStatus.RETURNED),
	/** A meeting between agencies, about a case. */
	MEETING(null),
	/** The start of an operation. */
	OPERATION_LAUNCH(null);

	/** The kinds of return to China. */
	public static final Set<EventType> RETURNS = EnumSet.of(SURRENDER, REPATRIATION, FORCED_REPATRIATION,
			DEPORTATION, EXTRADITION);

	private final FugitiveStatus resultingStatus;

	EventType(FugitiveStatus resultingStatus) {
		this.resultingStatus = resultingStatus;
	}

	/** The status this event leaves its person in; null for events that are not about a person. */
	public FugitiveStatus resultingStatus() {
		return resultingStatus;
	}

	public boolean isReturn() {
		return RETURNS.contains(this);
	}

}
