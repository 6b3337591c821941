package org.fugitivetracker.fugitive;

import java.util.Collection;
import java.util.List;

import org.fugitivetracker.common.PartialDate;

/**
 * What the events recorded about a person tell this module: when their flight ended, and which
 * kinds of event bring a person back. The event module provides it, so that this module can check
 * a profile and list return dates without depending on the events that depend on it.
 */
public interface FlightEvents {

	/** The dates of the person's recorded events that ended their flight (custody or return), oldest first. */
	List<PartialDate> flightEndings(long fugitiveId);

	/** The codes (as stored in {@code event.type}) of the events that return a person to China. */
	Collection<String> returnTypeCodes();

}
