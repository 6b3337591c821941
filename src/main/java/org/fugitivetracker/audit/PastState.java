package org.fugitivetracker.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;

import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.event.StatusFromEvents;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.fugitive.FugitiveRepository;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.Source;
import org.fugitivetracker.source.SourceRepository;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fugitive or a case <em>as the records stood</em> at the end of a past day (UTC): what the
 * database said then, from the audit trail. This is not "what had happened by then": an event
 * recorded later about an earlier date is not in the past state.
 */
@Service
public class PastState {

	public enum Outcome {

		/** The record as it stood. */
		FOUND,
		/** The day is before the audit trail starts. */
		BEFORE_HISTORY,
		/** The record did not exist yet (or had been deleted). */
		NOT_RECORDED

	}

	public record Result<T>(Outcome outcome, LocalDate day, Instant historyStarts, Long revision, T state) {
	}

	public record EventState(long id, String type, PartialDate date, String country, String description,
			List<String> sources) {
	}

	public record FugitiveState(String name, String nativeName, String status, PartialDate fled, String formerPosition,
			List<String> destinationCountries, List<EventState> events) {
	}

	public record CaseState(String title, String status, String counterpartCountry, List<Participant> participants,
			List<EventState> events) {
	}

	/** A person in the case then, with the role's code. */
	public record Participant(String name, String role) {
	}

	private final EntityManager entityManager;

	private final AuditTrail trail;

	private final FugitiveRepository fugitives;

	private final SourceRepository sources;

	PastState(EntityManager entityManager, AuditTrail trail, FugitiveRepository fugitives, SourceRepository sources) {
		this.entityManager = entityManager;
		this.trail = trail;
		this.fugitives = fugitives;
		this.sources = sources;
	}

	@Transactional(readOnly = true)
	public Result<FugitiveState> fugitive(long id, LocalDate day) {
		return at(day, (reader, revision) -> {
			Fugitive fugitive = reader.find(Fugitive.class, id, revision);
			if (fugitive == null) {
				return null;
			}
			List<EventState> events = events(reader, revision, AuditEntity.relatedId("fugitive").eq(id));
			return new FugitiveState(fugitive.getName(), fugitive.getNativeName(), fugitive.getStatus().name(),
					fugitive.getFled(), fugitive.getFormerPosition(),
					fugitive.getDestinationCountries().stream().sorted().toList(), events);
		});
	}

	@Transactional(readOnly = true)
	public Result<CaseState> caseFile(long id, LocalDate day) {
		return at(day, (reader, revision) -> {
			CaseFile caseFile = reader.find(CaseFile.class, id, revision);
			if (caseFile == null) {
				return null;
			}
			List<Participant> participants = caseFile.getParticipants()
				.stream()
				.map(p -> new Participant(nameOf(reader, revision, p.getFugitive()), p.getRole().name()))
				.sorted(Comparator.comparing(Participant::name))
				.toList();
			List<EventState> events = events(reader, revision, AuditEntity.relatedId("caseFile").eq(id));
			return new CaseState(caseFile.getTitle(), caseFile.getStatus().name(), caseFile.getCounterpartCountry(),
					participants, events);
		});
	}

	private interface Loader<T> {

		T load(AuditReader reader, long revision);

	}

	private <T> Result<T> at(LocalDate day, Loader<T> loader) {
		Instant starts = trail.startedAt();
		Long revision = trail.revisionAtEndOf(day).orElse(null);
		if (revision == null) {
			return new Result<>(Outcome.BEFORE_HISTORY, day, starts, null, null);
		}
		T state = loader.load(AuditReaderFactory.get(entityManager), revision);
		return new Result<>(state == null ? Outcome.NOT_RECORDED : Outcome.FOUND, day, starts, revision, state);
	}

	/**
	 * A related fugitive's name at the revision, read without following Envers' lazy relation:
	 * rows loaded outside the application (bulk synthetic data) have no audit row, so fall back to
	 * the row as it is now.
	 */
	private String nameOf(AuditReader reader, long revision, Fugitive related) {
		Object id = units().getIdentifier(related);
		Fugitive then = reader.find(Fugitive.class, id, revision);
		if (then != null) {
			return then.getName();
		}
		return fugitives.findById((Long) id).map(Fugitive::getName).orElse("Fugitive #" + id);
	}

	/** A cited source's title at the revision, or as it is now where the trail never saw it. */
	private String titleOf(AuditReader reader, long revision, Source related) {
		Object id = units().getIdentifier(related);
		Source then = reader.find(Source.class, id, revision);
		if (then != null) {
			return then.getTitle();
		}
		return sources.findById((Long) id).map(Source::getTitle).orElse("Source #" + id);
	}

	private PersistenceUnitUtil units() {
		return entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
	}

	@SuppressWarnings("unchecked")
	private List<EventState> events(AuditReader reader, long revision,
			org.hibernate.envers.query.criteria.AuditCriterion subject) {
		List<Event> events = new ArrayList<>(
				reader.createQuery().forEntitiesAtRevision(Event.class, revision).add(subject).getResultList());
		events.sort(StatusFromEvents.CHRONOLOGICAL);
		Map<Long, List<String>> sources = Map.of();
		if (!events.isEmpty()) {
			List<Citation> citations = reader.createQuery()
				.forEntitiesAtRevision(Citation.class, revision)
				.add(AuditEntity.property("eventId").in(events.stream().map(Event::getId).toList()))
				.getResultList();
			sources = citations.stream()
				.collect(Collectors.groupingBy(Citation::getEventId,
						Collectors.mapping(citation -> titleOf(reader, revision, citation.getSource()), Collectors.toList())));
		}
		Map<Long, List<String>> bySource = sources;
		return events.stream()
			.map(event -> new EventState(event.getId(), event.getType().name(), event.getOccurred(),
					event.getCountryCode(), event.getDescription(), bySource.getOrDefault(event.getId(), List.of())))
			.toList();
	}

}
