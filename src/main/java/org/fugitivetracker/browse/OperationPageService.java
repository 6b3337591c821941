package org.fugitivetracker.browse;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fugitivetracker.country.CountryCatalog;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.event.EventRepository;
import org.fugitivetracker.figure.FigureViews;
import org.fugitivetracker.fugitive.FugitiveRepository;
import org.fugitivetracker.fugitive.ListProgress;
import org.fugitivetracker.operation.Operation;
import org.fugitivetracker.operation.OperationRepository;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.CitationGroup;
import org.fugitivetracker.source.CitationRepository;
import org.fugitivetracker.web.RecordNotFoundException;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads the operation pages in a fixed number of statements. */
@Service
public class OperationPageService {

	private final OperationRepository operations;

	private final FugitiveRepository fugitives;

	private final EventRepository events;

	private final CitationRepository citations;

	private final CountryCatalog countries;

	private final FigureViews figures;

	OperationPageService(OperationRepository operations, FugitiveRepository fugitives, EventRepository events,
			CitationRepository citations, CountryCatalog countries, FigureViews figures) {
		this.operations = operations;
		this.fugitives = fugitives;
		this.events = events;
		this.citations = citations;
		this.countries = countries;
		this.figures = figures;
	}

	/** Every operation with its progress against its target. */
	@Transactional(readOnly = true)
	public List<OperationRow> list() {
		List<Operation> all = operations.findAllByOrderByStartedDateAscIdAsc();
		if (all.isEmpty()) {
			return List.of();
		}
		Map<Long, ListProgress> progress = fugitives.findListProgress(all.stream().map(Operation::getId).toList())
			.stream()
			.collect(Collectors.toMap(ListProgress::getOperationId, Function.identity()));
		return all.stream()
			.map(operation -> new OperationRow(operation,
					OperationPage.Progress.of(operation, progress.get(operation.getId()))))
			.toList();
	}

	@Transactional(readOnly = true)
	public OperationPage load(long id) {
		Operation operation = operations.findWithAgency(id)
			.orElseThrow(() -> new RecordNotFoundException("operation", id));
		ListProgress counts = fugitives.findListProgress(List.of(id)).stream().findFirst().orElse(null);
		List<Event> happenings = events.findForOperation(id);
		happenings.forEach(event -> Hibernate.initialize(event.getFugitive()));
		Map<Long, List<CitationGroup>> byEvent = CitationGroup.bySubject(happenings.isEmpty() ? List.of()
				: citations.findForEvents(happenings.stream().map(Event::getId).toList()), Citation::getEventId);
		return new OperationPage(operation, CitationGroup.byAttribute(citations.findForOperation(id)),
				OperationPage.Progress.of(operation, counts), figures.forOperation(id), fugitives.findListed(id),
				happenings.stream()
					.map(event -> new OperationPage.Happening(event, byEvent.getOrDefault(event.getId(), List.of())))
					.toList(),
				countries.names());
	}

	/** A row of the operation list. */
	public record OperationRow(Operation operation, OperationPage.Progress progress) {
	}

}
