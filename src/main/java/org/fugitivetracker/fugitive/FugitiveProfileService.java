package org.fugitivetracker.fugitive;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.asset.AssetTransferRepository;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.casefile.CaseFileRepository;
import org.fugitivetracker.casefile.CaseParticipant;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.country.CountryNames;
import org.fugitivetracker.country.CountryRepository;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.event.EventRepository;
import org.fugitivetracker.fugitive.FugitiveProfile.CaseMembership;
import org.fugitivetracker.fugitive.FugitiveProfile.TimelineEntry;
import org.fugitivetracker.fugitive.FugitiveProfile.Transfer;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.CitationGroup;
import org.fugitivetracker.source.CitationRepository;
import org.fugitivetracker.source.Source;
import org.fugitivetracker.web.RecordNotFoundException;
import org.hibernate.Hibernate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a profile in a fixed number of statements, however long the timeline or the list of
 * citations: each kind of row is read by one query (or one batch), never one per row.
 */
@Service
public class FugitiveProfileService {

	private final FugitiveRepository fugitives;

	private final EventRepository events;

	private final CaseFileRepository cases;

	private final AssetTransferRepository transfers;

	private final CitationRepository citations;

	private final CountryRepository countries;

	private final Clock clock;

	FugitiveProfileService(FugitiveRepository fugitives, EventRepository events, CaseFileRepository cases,
			AssetTransferRepository transfers, CitationRepository citations, CountryRepository countries,
			ObjectProvider<Clock> clock) {
		this.fugitives = fugitives;
		this.events = events;
		this.cases = cases;
		this.transfers = transfers;
		this.citations = citations;
		this.countries = countries;
		this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
	}

	@Transactional(readOnly = true)
	public FugitiveProfile load(long id) {
		Fugitive fugitive = fugitives.findProfile(id).orElseThrow(() -> new RecordNotFoundException("fugitive", id));
		Hibernate.initialize(fugitive.getAliases());
		Hibernate.initialize(fugitive.getExternalIdentifiers());
		fugitive.getListMemberships().forEach(membership -> Hibernate.initialize(membership.getWantedList()));

		List<Event> timeline = events.findTimeline(id);
		timeline.forEach(event -> {
			Hibernate.initialize(event.getCaseFile());
			Hibernate.initialize(event.getOperation());
		});
		List<AssetTransfer> moved = transfers.findForFugitive(id);
		moved.forEach(transfer -> Hibernate.initialize(transfer.getChannels()));

		List<Citation> aboutPerson = citations.findForFugitive(id);
		List<Citation> aboutEvents = timeline.isEmpty() ? List.of()
				: citations.findForEvents(ids(timeline, Event::getId));
		List<Citation> aboutTransfers = moved.isEmpty() ? List.of()
				: citations.findForAssetTransfers(ids(moved, AssetTransfer::getId));
		Map<Long, List<CitationGroup>> byEvent = CitationGroup.bySubject(aboutEvents, Citation::getEventId);
		Map<Long, List<CitationGroup>> byTransfer = CitationGroup.bySubject(aboutTransfers,
				Citation::getAssetTransferId);

		Map<String, CitationGroup> claims = new LinkedHashMap<>();
		CitationGroup.byAttribute(aboutPerson).forEach(group -> claims.put(group.attribute(), group));

		Optional<Event> firstReturn = timeline.stream().filter(event -> event.getType().isReturn()).findFirst();
		PartialDate returned = firstReturn.map(Event::getOccurred).orElse(null);
		Integer years = firstReturn.isPresent() && returned == null ? null
				: fugitive.yearsOnTheRun(returned, LocalDate.now(clock));

		List<Source> sources = Stream.of(aboutPerson, aboutEvents, aboutTransfers)
			.flatMap(List::stream)
			.map(Citation::getSource)
			.collect(Collectors.toMap(Source::getId, Function.identity(), (first, second) -> first, LinkedHashMap::new))
			.values()
			.stream()
			.toList();

		return new FugitiveProfile(fugitive, claims,
				timeline.stream()
					.map(event -> new TimelineEntry(event, byEvent.getOrDefault(event.getId(), List.of())))
					.toList(),
				returned, years, memberships(id), moved.stream()
					.map(transfer -> new Transfer(transfer, byTransfer.getOrDefault(transfer.getId(), List.of())))
					.toList(),
				sources, CountryNames.load(countries));
	}

	private List<CaseMembership> memberships(long fugitiveId) {
		List<CaseMembership> memberships = new ArrayList<>();
		for (CaseFile caseFile : cases.findByParticipant(fugitiveId)) {
			caseFile.getParticipants()
				.stream()
				.filter(participant -> participant.getFugitive().getId() == fugitiveId)
				.map(CaseParticipant::getRole)
				.findFirst()
				.ifPresent(role -> memberships.add(new CaseMembership(caseFile, role)));
		}
		return memberships;
	}

	private static <T> List<Long> ids(Collection<T> rows, Function<T, Long> id) {
		return rows.stream().map(id).toList();
	}

}
