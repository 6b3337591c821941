package org.fugitivetracker.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fugitivetracker.api.ApiViews.CaseDetail;
import org.fugitivetracker.api.ApiViews.CaseItem;
import org.fugitivetracker.api.ApiViews.CaseRole;
import org.fugitivetracker.api.ApiViews.EventItem;
import org.fugitivetracker.api.ApiViews.FigureItem;
import org.fugitivetracker.api.ApiViews.FugitiveDetail;
import org.fugitivetracker.api.ApiViews.Participant;
import org.fugitivetracker.api.ApiViews.SourceRef;
import org.fugitivetracker.api.ApiViews.Step;
import org.fugitivetracker.api.ApiViews.WantedListEntry;
import org.fugitivetracker.agency.Agency;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.casefile.CaseFileRepository;
import org.fugitivetracker.casefile.CaseParticipant;
import org.fugitivetracker.casefile.CooperationStep;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.event.EventRepository;
import org.fugitivetracker.figure.ReportedFigure;
import org.fugitivetracker.figure.ReportedFigureRepository;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.fugitive.FugitiveRepository;
import org.fugitivetracker.fugitive.FugitiveStatus;
import org.fugitivetracker.fugitive.IdentifierRegistry;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.CitationRepository;
import org.fugitivetracker.web.RecordNotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads what the API's detail endpoints return, inside one read-only transaction each (open
 * session in view is off): fetch joins and entity graphs for the to-one parts, batch fetching
 * (size 64) for collections, and one citation query per kind of subject, never one per row.
 */
@Service
@Transactional(readOnly = true)
class ApiReader {

	private final FugitiveRepository fugitives;

	private final EventRepository events;

	private final CitationRepository citations;

	private final CaseFileRepository cases;

	private final ReportedFigureRepository figures;

	private final IdentifierRegistry identifiers;

	ApiReader(FugitiveRepository fugitives, EventRepository events, CitationRepository citations,
			CaseFileRepository cases, ReportedFigureRepository figures, IdentifierRegistry identifiers) {
		this.identifiers = identifiers;
		this.fugitives = fugitives;
		this.events = events;
		this.citations = citations;
		this.cases = cases;
		this.figures = figures;
	}

	FugitiveDetail fugitive(long id) {
		Fugitive f = fugitives.findProfile(id).orElseThrow(() -> new RecordNotFoundException("fugitive", id));
		List<Event> timeline = events.findTimeline(id);
		List<CaseRole> caseRoles = cases.findByParticipant(id)
			.stream()
			.flatMap(c -> c.getParticipants()
				.stream()
				.filter(p -> p.getFugitive().getId() == id)
				.map(p -> new CaseRole(c.getId(), c.getTitle(), c.getStatus(), p.getRole())))
			.toList();
		PartialDate returned = f.getStatus() != FugitiveStatus.RETURNED ? null
				: timeline.stream()
					.filter(e -> e.getType().isReturn() && e.getOccurred() != null)
					.map(Event::getOccurred)
					.max(Comparator.naturalOrder())
					.orElse(null);
		Integer years = f.getStatus() == FugitiveStatus.RETURNED && returned == null ? null
				: f.yearsOnTheRun(returned, LocalDate.now());
		return new FugitiveDetail(f.getId(), f.getName(), f.getNativeName(), List.copyOf(f.getAliases()), f.getSex(),
				f.getBirthYear(), f.getReportedAge(), ApiViews.iso(f.getReportedAgeOn()),
				ApiViews.precision(f.getReportedAgeOn()), f.getFormerPosition(), f.getFormerPositionZh(),
				f.getFormerOrganisation(), f.getProvince(), f.getProvinceZh(), f.getCity(), f.getCityZh(),
				f.getStatus(), ApiViews.iso(f.getFled()),
				ApiViews.precision(f.getFled()), years, List.copyOf(f.getDestinationCountries()),
				List.copyOf(f.getOffences()),
				f.getListMemberships().stream().map(WantedListEntry::of).toList(), identifiers.of(id),
				eventItems(timeline), caseRoles, sources(citations.findForFugitive(id)));
	}

	ApiPage<CaseItem> cases(int page, int size) {
		Page<CaseFile> result = cases.findAll(PageRequest.of(page, size, Sort.by("id")));
		return ApiPage.of(result.getContent()
			.stream()
			.map(c -> new CaseItem(c.getId(), c.getTitle(), c.getStatus(), c.getCounterpartCountry(),
					participants(c)))
			.toList(), page, size, result.getTotalElements());
	}

	CaseDetail caseFile(long id) {
		CaseFile c = cases.findWithParticipants(id).orElseThrow(() -> new RecordNotFoundException("case", id));
		List<CooperationStep> steps = c.getCooperationSteps();
		Map<Long, List<SourceRef>> stepSources = steps.isEmpty() ? Map.of()
				: bySubject(citations.findForCooperationSteps(ids(steps, CooperationStep::getId)),
						Citation::getCooperationStepId);
		List<ReportedFigure> caseFigures = figures.findByCaseFileIdOrderById(id);
		return new CaseDetail(c.getId(), c.getTitle(), c.getStatus(), c.getCounterpartCountry(), c.getDescription(),
				c.getAgencies().stream().map(Agency::getName).toList(), participants(c),
				steps.stream()
					.map(s -> new Step(s.getId(), s.getPosition(), s.getKind(), ApiViews.iso(s.getOccurred()),
							ApiViews.precision(s.getOccurred()),
							s.getRequestedBy() == null ? null : s.getRequestedBy().getName(), s.getDescription(),
							stepSources.getOrDefault(s.getId(), List.of())))
					.toList(),
				eventItems(events.findForCase(id)), figureItems(caseFigures), sources(citations.findForCase(id)));
	}

	List<FigureItem> figures() {
		return figureItems(figures.findAllForDisplay());
	}

	private static List<Participant> participants(CaseFile c) {
		return c.getParticipants()
			.stream()
			.map((CaseParticipant p) -> new Participant(p.getFugitive().getId(), p.getFugitive().getName(),
					p.getRole()))
			.toList();
	}

	private List<EventItem> eventItems(List<Event> list) {
		Map<Long, List<SourceRef>> sources = list.isEmpty() ? Map.of()
				: bySubject(citations.findForEvents(ids(list, Event::getId)), Citation::getEventId);
		return list.stream()
			.map(e -> new EventItem(e.getId(), e.getType(), ApiViews.iso(e.getOccurred()),
					ApiViews.precision(e.getOccurred()), e.getCountryCode(), e.getPlace(),
					e.getFugitive() == null ? null : e.getFugitive().getId(),
					e.getCaseFile() == null ? null : e.getCaseFile().getId(),
					e.getOperation() == null ? null : e.getOperation().getId(), e.getDescription(),
					sources.getOrDefault(e.getId(), List.of())))
			.toList();
	}

	private List<FigureItem> figureItems(List<ReportedFigure> list) {
		Map<Long, List<SourceRef>> sources = list.isEmpty() ? Map.of()
				: bySubject(citations.findForFigures(ids(list, ReportedFigure::getId)),
						Citation::getReportedFigureId);
		return list.stream()
			.map(f -> new FigureItem(f.getId(), f.getMetric(), f.getValue(), f.getQualifier(), f.getUnit(),
					ApiViews.iso(f.getPeriodFrom()), ApiViews.precision(f.getPeriodFrom()),
					ApiViews.iso(f.getPeriodTo()), ApiViews.precision(f.getPeriodTo()), List.copyOf(f.getCountries()),
					f.getOperation() == null ? null : f.getOperation().getId(),
					f.getCaseFile() == null ? null : f.getCaseFile().getId(),
					f.getPartOf() == null ? null : f.getPartOf().getId(),
					f.getEquivalentOf() == null ? null : f.getEquivalentOf().getId(),
					f.getStatedByAgency() == null ? null : f.getStatedByAgency().getName(),
					f.getStatedByOfficial() == null ? null : f.getStatedByOfficial().getName(),
					sources.getOrDefault(f.getId(), List.of())))
			.toList();
	}

	private static List<SourceRef> sources(List<Citation> list) {
		return list.stream().map(SourceRef::of).toList();
	}

	private static Map<Long, List<SourceRef>> bySubject(List<Citation> list, Function<Citation, Long> subject) {
		return list.stream()
			.collect(Collectors.groupingBy(subject, Collectors.mapping(SourceRef::of, Collectors.toList())));
	}

	private static <T> Collection<Long> ids(List<T> list, Function<T, Long> id) {
		return list.stream().map(id).toList();
	}

}
