package org.fugitivetracker.dashboard;

import java.util.List;
import java.util.Map;

import org.fugitivetracker.country.CountryNames;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.figure.FigureGroup;
import org.fugitivetracker.figure.FigureView;

/**
 * The dashboard: the reported headline figures (each with its source), how the recorded fugitives
 * stand, where they went, and the latest events.
 *
 * @param equivalents the same amount in another unit, by the id of the figure it restates
 */
public record Dashboard(List<FigureGroup> headline, Map<Long, FigureView> equivalents, long fugitives,
		List<Bar> statuses, List<Bar> destinations, List<Event> recentEvents, CountryNames countries) {

	public FigureView equivalentOf(FigureView figure) {
		return equivalents.get(figure.figure().getId());
	}

}
