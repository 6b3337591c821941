package org.fugitivetracker.browse;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.asset.AssetTransferRepository;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.casefile.CaseFileRepository;
import org.fugitivetracker.casefile.CooperationStep;
import org.fugitivetracker.country.CountryCatalog;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.event.EventRepository;
import org.fugitivetracker.figure.FigureViews;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.CitationGroup;
import org.fugitivetracker.source.CitationRepository;
import org.fugitivetracker.web.RecordNotFoundException;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a case page in a fixed number of statements, however many people, steps and events it has. */
@Service
public class CasePageService {

	private final CaseFileRepository cases;

	private final EventRepository events;

	private final AssetTransferRepository transfers;

	private final CitationRepository citations;

	private final CountryCatalog countries;

	private final FigureViews figures;

	CasePageService(CaseFileRepository cases, EventRepository events, AssetTransferRepository transfers,
			CitationRepository citations, CountryCatalog countries, FigureViews figures) {
		this.cases = cases;
		this.events = events;
		this.transfers = transfers;
		this.citations = citations;
		this.countries = countries;
		this.figures = figures;
	}

	@Transactional(readOnly = true)
	public CasePage load(long id) {
		CaseFile caseFile = cases.findWithParticipants(id).orElseThrow(() -> new RecordNotFoundException("case", id));
		// The entity graph fetches the participants but leaves their people as proxies (an element
		// collection's association); without this a case with people but no events or transfers
		// (whose loading happened to initialise them in one batch) failed to render.
		caseFile.getParticipants().forEach(participant -> Hibernate.initialize(participant.getFugitive()));
		Hibernate.initialize(caseFile.getAgencies());
		List<CooperationStep> steps = caseFile.getCooperationSteps();
		steps.forEach(step -> Hibernate.initialize(step.getRequestedBy()));
		List<Event> happenings = events.findForCase(id);
		happenings.forEach(event -> Hibernate.initialize(event.getFugitive()));
		List<AssetTransfer> moved = transfers.findForCase(id);
		moved.forEach(transfer -> {
			Hibernate.initialize(transfer.getChannels());
			Hibernate.initialize(transfer.getFugitive());
		});

		Map<Long, List<CitationGroup>> byStep = CitationGroup.bySubject(
				steps.isEmpty() ? List.of() : citations.findForCooperationSteps(ids(steps, CooperationStep::getId)),
				Citation::getCooperationStepId);
		Map<Long, List<CitationGroup>> byEvent = CitationGroup.bySubject(
				happenings.isEmpty() ? List.of() : citations.findForEvents(ids(happenings, Event::getId)),
				Citation::getEventId);
		Map<Long, List<CitationGroup>> byTransfer = CitationGroup.bySubject(
				moved.isEmpty() ? List.of() : citations.findForAssetTransfers(ids(moved, AssetTransfer::getId)),
				Citation::getAssetTransferId);

		return new CasePage(caseFile, CitationGroup.byAttribute(citations.findForCase(id)), figures.forCase(id),
				steps.stream()
					.map(step -> new CasePage.Step(step, byStep.getOrDefault(step.getId(), List.of())))
					.toList(),
				happenings.stream()
					.map(event -> new CasePage.Happening(event, byEvent.getOrDefault(event.getId(), List.of())))
					.toList(),
				moved.stream()
					.map(transfer -> new CasePage.Transfer(transfer,
							byTransfer.getOrDefault(transfer.getId(), List.of())))
					.toList(),
				countries.names());
	}

	private static <T> List<Long> ids(Collection<T> rows, Function<T, Long> id) {
		return rows.stream().map(id).toList();
	}

}
