package org.fugitivetracker.event;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.common.Today;
import org.fugitivetracker.common.Violation;
import org.fugitivetracker.country.CountryRepository;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.fugitive.FugitiveRepository;
import org.fugitivetracker.fugitive.FugitiveStatus;
import org.fugitivetracker.fugitive.FugitiveVersions;
import org.fugitivetracker.revision.AuditReasons;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.CitationRepository;
import org.fugitivetracker.source.Citations;
import org.fugitivetracker.source.CitesSource;
import org.fugitivetracker.source.Source;
import org.fugitivetracker.source.SourceChoice;
import org.fugitivetracker.web.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records, corrects and deletes the events of a fugitive. Each call is one transaction: the
 * event, its citation, the fugitive's status (always re-derived by {@link StatusFromEvents}) and
 * the audit revision are stored together or not at all. Every rule is checked before anything
 * is written; a broken rule throws {@link InvalidRecordException}, a stale version an
 * {@link org.fugitivetracker.common.EditConflictException} (or, when two writers race, Spring's
 * {@link org.springframework.dao.OptimisticLockingFailureException} at the UPDATE).
 */
@Service
public class EventRecorder {

	/** What an admin may record: a detention or one of the five kinds of return. */
	public static final Set<EventType> RECORDABLE = EnumSet.of(EventType.DETENTION, EventType.SURRENDER,
			EventType.REPATRIATION, EventType.FORCED_REPATRIATION, EventType.DEPORTATION, EventType.EXTRADITION);

	/** What an event about a person may be corrected to: the above, or a flight. */
	public static final Set<EventType> CORRECTABLE = EnumSet.of(EventType.FLIGHT, EventType.DETENTION,
			EventType.SURRENDER, EventType.REPATRIATION, EventType.FORCED_REPATRIATION, EventType.DEPORTATION,
			EventType.EXTRADITION);

	private final FugitiveRepository fugitives;

	private final EventRepository events;

	private final CountryRepository countries;

	private final Citations citations;

	private final CitationRepository citationRepository;

	private final AuditReasons auditReasons;

	EventRecorder(FugitiveRepository fugitives, EventRepository events, CountryRepository countries,
			Citations citations, CitationRepository citationRepository, AuditReasons auditReasons) {
		this.fugitives = fugitives;
		this.events = events;
		this.countries = countries;
		this.citations = citations;
		this.citationRepository = citationRepository;
		this.auditReasons = auditReasons;
	}

	/** The fugitive's recorded events, oldest first as {@link StatusFromEvents} orders them. */
	@Transactional(readOnly = true)
	public List<Event> eventsOf(long fugitiveId) {
		return events.findTimeline(fugitiveId).stream().sorted(StatusFromEvents.CHRONOLOGICAL).toList();
	}

	@Transactional
	public EventRecord record(long fugitiveId, EventForm form, String username) {
		Fugitive fugitive = findFugitive(fugitiveId);
		FugitiveVersions.check(fugitive, form.version());
		List<Violation> violations = new ArrayList<>();
		Checked checked = checkRecord(fugitive, form, violations);
		InvalidRecordException.throwIfAny(violations);

		Event event = events.save(
				new Event(checked.type(), checked.date(), form.country(), fugitive, blankToNull(form.description())));
		cite(event, checked.source());
		rederive(fugitive, username);
		return recordOf(event);
	}

	/**
	 * The rules {@link #record} would refuse the form for, checked without writing, so that a form
	 * with other errors shows these too. Null-safe: the form may have failed Bean Validation.
	 */
	@Transactional(readOnly = true)
	public List<Violation> rulesBrokenByRecord(long fugitiveId, EventForm form) {
		List<Violation> violations = new ArrayList<>();
		checkRecord(findFugitive(fugitiveId), form, violations);
		return violations;
	}

	@Transactional
	public EventRecord correct(long eventId, EventCorrectionForm form, String username) {
		Event event = personEvent(eventId);
		Fugitive fugitive = event.getFugitive();
		FugitiveVersions.check(fugitive, form.version());
		List<Violation> violations = new ArrayList<>();
		Checked checked = checkCorrection(event, form, violations);
		InvalidRecordException.throwIfAny(violations);

		event.setType(checked.type());
		event.setOccurred(checked.date());
		event.setCountryCode(blankToNull(form.country()));
		event.setDescription(blankToNull(form.description()));
		if (checked.source() != null) {
			cite(event, checked.source());
		}
		auditReasons.attach(form.reason().strip());
		rederive(fugitive, username);
		return recordOf(event);
	}

	/** The rules {@link #correct} would refuse the form for, without writing (as {@link #rulesBrokenByRecord}). */
	@Transactional(readOnly = true)
	public List<Violation> rulesBrokenByCorrection(long eventId, EventCorrectionForm form) {
		List<Violation> violations = new ArrayList<>();
		checkCorrection(personEvent(eventId), form, violations);
		return violations;
	}

	/** What a checked form says, where it breaks no rule. */
	private record Checked(EventType type, PartialDate date, SourceChoice source) {
	}

	private Checked checkRecord(Fugitive fugitive, EventForm form, List<Violation> violations) {
		EventType type = parseType(form.type(), RECORDABLE, violations);
		PartialDate date = parseDate(form.date(), true, violations);
		checkCountry(form.country(), true, violations);
		if (type != null && date != null) {
			checkDate(type, date, fugitive, violations);
		}
		if (type != null && type.isReturn()
				&& StatusFromEvents.derive(events.findTimeline(fugitive.getId())) == FugitiveStatus.RETURNED) {
			violations.add(Violation.of("type", "admin.event.type.alreadyReturned", fugitive.getName()));
		}
		return new Checked(type, date, citations.check(form, true, violations));
	}

	private Checked checkCorrection(Event event, EventCorrectionForm form, List<Violation> violations) {
		Fugitive fugitive = event.getFugitive();
		EventType type = parseType(form.type(), CORRECTABLE, violations);
		PartialDate date = parseDate(form.date(), event.getOccurred() != null, violations);
		checkCountry(form.country(), event.getCountryCode() != null, violations);
		if (type != null && date != null) {
			checkDate(type, date, fugitive, violations);
		}
		if (type != null && type.isReturn()
				&& StatusFromEvents.deriveWithout(events.findTimeline(fugitive.getId()), event) == FugitiveStatus.RETURNED) {
			violations.add(Violation.of("type", "admin.event.type.alreadyReturned", fugitive.getName()));
		}
		return new Checked(type, date, citations.check(form, false, violations));
	}

	/** Deletes the event and its citations; returns the id of the fugitive it was about. */
	@Transactional
	public long delete(long eventId, EventDeletionForm form, String username) {
		Event event = personEvent(eventId);
		Fugitive fugitive = event.getFugitive();
		FugitiveVersions.check(fugitive, form.version());
		// Through JPA, not the database's ON DELETE CASCADE, so that the audit trail sees them go.
		citationRepository.deleteAll(citationRepository.findForEvents(List.of(eventId)));
		events.delete(event);
		auditReasons.attach(form.reason().strip());
		rederive(fugitive, username);
		return fugitive.getId();
	}

	private Fugitive findFugitive(long fugitiveId) {
		return fugitives.findById(fugitiveId).orElseThrow(() -> new RecordNotFoundException("fugitive", fugitiveId));
	}

	/** The event with its sources, if it is about a person. */
	@Transactional(readOnly = true)
	public EventRecord find(long eventId) {
		return recordOf(personEvent(eventId));
	}

	/** The event, if it is about a person (the only events these forms change). */
	private Event personEvent(long eventId) {
		Event event = events.findById(eventId).orElseThrow(() -> new RecordNotFoundException("event", eventId));
		if (event.getFugitive() == null) {
			throw new RecordNotFoundException("event about a person", eventId);
		}
		return event;
	}

	private EventRecord recordOf(Event event) {
		return EventRecord.of(event, citationRepository.findForEvents(List.of(event.getId())));
	}

	/** Cites one more source for a recorded event (an import whose event more than one source vouches for). */
	@Transactional
	public void citeAlso(long eventId, Source source, String quote) {
		Event event = personEvent(eventId);
		cite(event, new SourceChoice(source, null, null, null, quote));
	}

	private void cite(Event event, SourceChoice source) {
		String claim = EventClaim.of(event).stored();
		citations.cite(source, s -> Citation.generated(event.getId(), s, "occurred", claim, source.quote()));
	}

	/**
	 * Sets the status the stored events give, and marks the fugitive changed so that its version
	 * moves on even when the status stays the same; flushes so that a lost race shows here.
	 */
	private void rederive(Fugitive fugitive, String username) {
		fugitive.setStatus(StatusFromEvents.derive(events.findTimeline(fugitive.getId())));
		fugitive.markChangedBy(username);
		fugitives.flush();
	}

	private static EventType parseType(String value, Set<EventType> allowed, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			return null; // reported by Bean Validation
		}
		for (EventType type : allowed) {
			if (type.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
				return type;
			}
		}
		violations.add(Violation.of("type", "admin.event.type.unknown", value));
		return null;
	}

	private static PartialDate parseDate(String value, boolean required, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			if (required) {
				violations.add(Violation.of("date", "admin.validation.required"));
			}
			return null;
		}
		try {
			return PartialDate.parse(value);
		}
		catch (IllegalArgumentException ex) {
			violations.add(Violation.of("date", "admin.event.date.invalid", value));
			return null;
		}
	}

	private void checkCountry(String code, boolean required, List<Violation> violations) {
		if (code == null || code.isBlank()) {
			if (required) {
				violations.add(Violation.of("country", "admin.validation.choose"));
			}
			return;
		}
		if (!countries.isKnown(code)) {
			violations.add(Violation.of("country", "admin.country.unknown", code));
		}
	}

	/** Not in the future; not before the flight where the flight's date is known (at its precision). */
	private static void checkDate(EventType type, PartialDate date, Fugitive fugitive, List<Violation> violations) {
		if (Today.isInTheFuture(date)) {
			violations.add(Violation.of("date", "admin.event.date.future", date.iso()));
		}
		else if (type != EventType.FLIGHT && fugitive.getFled() != null && date.isCertainlyBefore(fugitive.getFled())) {
			violations.add(Violation.of("date", "admin.event.date.beforeFled", date.iso(), fugitive.getFled().iso()));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
