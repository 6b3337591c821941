package org.fugitivetracker.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fugitivetracker.country.CountryCatalog;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.event.EventRepository;
import org.fugitivetracker.figure.FigureGroup;
import org.fugitivetracker.figure.FigureView;
import org.fugitivetracker.figure.FigureViews;
import org.fugitivetracker.fugitive.FugitiveStatus;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DashboardService {

	static final int RECENT_EVENTS = 10;

	static final int TOP_DESTINATIONS = 12;

	private final DashboardQueries queries;

	private final FigureViews figures;

	private final EventRepository events;

	private final CountryCatalog countries;

	DashboardService(DashboardQueries queries, FigureViews figures, EventRepository events,
			CountryCatalog countries) {
		this.queries = queries;
		this.figures = figures;
		this.events = events;
		this.countries = countries;
	}

	@Transactional(readOnly = true)
	Dashboard load() {
		// Headline: every figure reported for a period; a figure restating another in a second unit
		// ($123.5 billion for 800 billion yuan) is shown beside it, not on its own.
		List<FigureView> all = figures.allAsReported();
		Map<Long, FigureView> equivalents = all.stream()
			.filter(view -> view.figure().getEquivalentOf() != null)
			.collect(Collectors.toMap(view -> view.figure().getEquivalentOf().getId(), view -> view,
					(first, second) -> first));
		List<FigureView> headline = all.stream()
			.filter(view -> view.figure().getPeriodFrom() != null && view.figure().getEquivalentOf() == null)
			.toList();

		Map<FugitiveStatus, Long> byStatus = new EnumMap<>(FugitiveStatus.class);
		for (FugitiveStatus status : FugitiveStatus.values()) {
			byStatus.put(status, 0L);
		}
		List<String> countryCodes = new ArrayList<>();
		List<Long> countryCounts = new ArrayList<>();
		for (DashboardQueries.FacetCount row : queries.countByStatusAndTopDestinations(TOP_DESTINATIONS)) {
			if ("STATUS".equals(row.kind())) {
				byStatus.put(FugitiveStatus.valueOf(row.code()), row.fugitives());
			}
			else {
				countryCodes.add(row.code());
				countryCounts.add(row.fugitives());
			}
		}

		// The events with their person, case and operation in one statement (the table names whichever is set).
		List<Event> recent = events.findRecent(Limit.of(RECENT_EVENTS));

		// Operations' figures first, then the most recent periods.
		List<FigureGroup> groups = FigureGroup.of(headline)
			.stream()
			.sorted(Comparator.comparing((FigureGroup group) -> group.operation() == null)
				.thenComparing(FigureGroup::periodTo, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
		return new Dashboard(groups, equivalents,
				byStatus.values().stream().mapToLong(Long::longValue).sum(),
				Bar.scaled(byStatus.keySet().stream().map(Enum::name).toList(), List.copyOf(byStatus.values())),
				Bar.scaled(countryCodes, countryCounts), recent, countries.names());
	}

}
