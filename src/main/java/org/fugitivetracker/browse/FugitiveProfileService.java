package org.fugitivetracker.browse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.asset.AssetTransferRepository;
import org.fugitivetracker.browse.FugitiveProfile.CaseMembership;
import org.fugitivetracker.browse.FugitiveProfile.PrimaryPhoto;
import org.fugitivetracker.browse.FugitiveProfile.TimelineEntry;
import org.fugitivetracker.browse.FugitiveProfile.Transfer;
import org.fugitivetracker.casefile.CaseFileRepository;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.country.CountryCatalog;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.event.EventRepository;
import org.fugitivetracker.event.StatusFromEvents;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.fugitive.FugitiveParticulars;
import org.fugitivetracker.fugitive.FugitiveRepository;
import org.fugitivetracker.photo.FugitivePhoto;
import org.fugitivetracker.photo.PhotoRecorder;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.CitationGroup;
import org.fugitivetracker.source.CitationRepository;
import org.fugitivetracker.source.ClaimComparison;
import org.fugitivetracker.source.Source;
import org.fugitivetracker.web.RecordNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a profile in six statements, however long the timeline, the lists or the citations:
 * <ol>
 * <li>the person with their places on wanted lists and their primary photo (what it is, not its bytes);</li>
 * <li>their aliases, offences, destinations and identifiers, stacked in one result;</li>
 * <li>the timeline with each event's case and operation;</li>
 * <li>the asset transfers with their channels;</li>
 * <li>every citation of the person, the events and the transfers, with its source;</li>
 * <li>the cases the person is in, with their part in each.</li>
 * </ol>
 * No statement joins two independent lists of the person, so none returns their product. Country
 * names come from {@link CountryCatalog}, read once.
 */
@Service
public class FugitiveProfileService {

	private static final String STATUS = "status";

	/** The attribute an event's citation supports when it vouches for the event itself. */
	private static final String OCCURRED = "occurred";

	private final FugitiveRepository fugitives;

	private final EventRepository events;

	private final CaseFileRepository cases;

	private final AssetTransferRepository transfers;

	private final CitationRepository citations;

	private final CountryCatalog countries;

	private final EntityManager entityManager;

	private final Clock clock;

	FugitiveProfileService(FugitiveRepository fugitives, EventRepository events, CaseFileRepository cases,
			AssetTransferRepository transfers, CitationRepository citations, CountryCatalog countries,
			EntityManager entityManager, ObjectProvider<Clock> clock) {
		this.fugitives = fugitives;
		this.events = events;
		this.cases = cases;
		this.transfers = transfers;
		this.citations = citations;
		this.countries = countries;
		this.entityManager = entityManager;
		this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
	}

	@Transactional(readOnly = true)
	public FugitiveProfile load(long id) {
		List<Object[]> head = personWithPrimaryPhoto(id);
		if (head.isEmpty()) {
			throw new RecordNotFoundException("fugitive", id);
		}
		Fugitive fugitive = (Fugitive) head.get(0)[0];
		FugitivePhoto primaryPhoto = (FugitivePhoto) head.get(0)[1];
		FugitiveParticulars particulars = fugitives.findParticulars(id);
		List<Event> timeline = events.findTimelineWithCasesAndOperations(id);
		List<AssetTransfer> moved = transfers.findForFugitive(id);

		// One query for the three kinds of subject, split again in the order each list has when
		// read on its own: the person's by attribute, the events' and transfers' by id.
		List<Citation> cited = citationsOfPersonAndTheirs(id);
		// A photo's citation is shown with the photo (the primary one's on this page), not among the facts.
		List<Citation> aboutPerson = cited.stream()
			.filter(c -> c.getFugitiveId() != null && !PhotoRecorder.ATTRIBUTE.equals(c.getAttribute()))
			.toList();
		List<Citation> aboutPhoto = primaryPhoto == null ? List.of()
				: cited.stream().filter(c -> c.getId().equals(primaryPhoto.getCitationId())).toList();
		List<Citation> aboutEvents = byId(cited.stream().filter(c -> c.getEventId() != null));
		List<Citation> aboutTransfers = byId(cited.stream().filter(c -> c.getAssetTransferId() != null));
		Map<Long, List<CitationGroup>> byEvent = CitationGroup.bySubject(aboutEvents, Citation::getEventId);
		Map<Long, List<CitationGroup>> byTransfer = CitationGroup.bySubject(aboutTransfers,
				Citation::getAssetTransferId);

		Map<String, CitationGroup> claims = new LinkedHashMap<>();
		CitationGroup.byAttribute(aboutPerson).forEach(group -> claims.put(group.attribute(), group));

		Optional<Event> firstReturn = timeline.stream().filter(event -> event.getType().isReturn()).findFirst();
		PartialDate returned = firstReturn.map(Event::getOccurred).orElse(null);
		Integer years = firstReturn.isPresent() && returned == null ? null
				: fugitive.yearsOnTheRun(returned, LocalDate.now(clock));

		List<Source> sources = Stream.of(aboutPerson, aboutEvents, aboutTransfers, aboutPhoto)
			.flatMap(List::stream)
			.map(Citation::getSource)
			.collect(Collectors.toMap(Source::getId, Function.identity(), (first, second) -> first, LinkedHashMap::new))
			.values()
			.stream()
			.toList();

		return new FugitiveProfile(fugitive, particulars, claims,
				timeline.stream()
					.map(event -> new TimelineEntry(event, byEvent.getOrDefault(event.getId(), List.of())))
					.toList(),
				returned, years, memberships(id), moved.stream()
					.map(transfer -> new Transfer(transfer, byTransfer.getOrDefault(transfer.getId(), List.of())))
					.toList(),
				sources, countries.names(), statusBasis(timeline, claims.get(STATUS), byEvent),
				primaryPhoto == null ? null : new PrimaryPhoto(primaryPhoto,
						aboutPhoto.isEmpty() ? null : new CitationGroup(PhotoRecorder.ATTRIBUTE, aboutPhoto, false)));
	}

	/**
	 * The person with their places on wanted lists (with the lists and sources), and their primary
	 * photo or null, in one statement: one row per place, each holding the same two instances.
	 */
	private List<Object[]> personWithPrimaryPhoto(long id) {
		return entityManager.createQuery("""
				select f, p from Fugitive f left join fetch f.listMemberships m left join fetch m.wantedList
				left join fetch m.source left join FugitivePhoto p on p.fugitiveId = f.id and p.primary = true
				where f.id = :id""", Object[].class).setParameter("id", id).getResultList();
	}

	/**
	 * Every citation of the person, of their events and of their transfers, with its source, by
	 * attribute, then as recorded. One parameter, not the events' ids: Hibernate translates a query
	 * with a list-valued parameter anew on every call (13 % of this page's CPU). A union, not an OR
	 * of sub-selects, so that each part is an index lookup (an OR would filter every citation).
	 */
	private List<Citation> citationsOfPersonAndTheirs(long id) {
		return entityManager.createQuery("""
				select c from Citation c join fetch c.source where c.fugitiveId = :id
				union all
				select c from Citation c join fetch c.source join Event e on e.id = c.eventId where e.fugitive.id = :id
				union all
				select c from Citation c join fetch c.source join AssetTransfer t on t.id = c.assetTransferId
				where t.fugitive.id = :id""", Citation.class)
			.setParameter("id", id)
			.getResultList()
			.stream()
			.sorted(Comparator.comparing(Citation::getAttribute).thenComparing(Citation::getId))
			.toList();
	}

	private static FugitiveProfile.StatusBasis statusBasis(List<Event> timeline, CitationGroup statusClaims,
			Map<Long, List<CitationGroup>> byEvent) {
		Event setBy = StatusFromEvents.decidingEvent(timeline).orElse(null);
		List<Citation> claimed = statusClaims == null ? List.of() : statusClaims.citations();
		Map<Long, Event> supersededBy = new LinkedHashMap<>();
		claimed.stream().filter(citation -> saidBefore(citation, setBy)).forEach(c -> supersededBy.put(c.getId(), setBy));
		List<Citation> standing = claimed.stream().filter(c -> !supersededBy.containsKey(c.getId())).toList();

		Map<Long, Citation> bySource = new LinkedHashMap<>();
		Stream.concat(standing.stream(), setBy == null ? Stream.empty()
				: byEvent.getOrDefault(setBy.getId(), List.of())
					.stream()
					.filter(group -> OCCURRED.equals(group.attribute()))
					.flatMap(group -> group.citations().stream()))
			.forEach(citation -> bySource.putIfAbsent(citation.getSource().getId(), citation));
		CitationGroup citations = bySource.isEmpty() ? null
				: new CitationGroup(STATUS, List.copyOf(bySource.values()), ClaimComparison.disagree(standing));
		return new FugitiveProfile.StatusBasis(setBy, citations, supersededBy);
	}

	/** True when the source was published before the event happened, so it could not know of it. */
	private static boolean saidBefore(Citation citation, Event event) {
		PartialDate published = citation.getSource().getPublished();
		return event != null && event.getOccurred() != null && published != null
				&& published.isCertainlyBefore(event.getOccurred());
	}

	private List<CaseMembership> memberships(long fugitiveId) {
		return cases.findParticipations(fugitiveId)
			.stream()
			.map(participation -> new CaseMembership(participation.caseFile(), participation.role()))
			.toList();
	}

	private static List<Citation> byId(Stream<Citation> citations) {
		return citations.sorted(Comparator.comparing(Citation::getId)).toList();
	}

}
