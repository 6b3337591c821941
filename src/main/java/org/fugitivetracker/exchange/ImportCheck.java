package org.fugitivetracker.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.fugitivetracker.common.Violation;
import org.fugitivetracker.event.EventRecorder;
import org.fugitivetracker.event.EventType;
import org.fugitivetracker.fugitive.DuplicateCandidates;
import org.fugitivetracker.fugitive.ExternalIdentifier;
import org.fugitivetracker.fugitive.FugitiveEditor;
import org.fugitivetracker.fugitive.FugitiveRequest;
import org.fugitivetracker.fugitive.WantedListPlaces;
import org.fugitivetracker.operation.WantedList;
import org.fugitivetracker.source.Citations;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What each person of a file becomes: refused (with every reason), a likely duplicate of someone
 * recorded (with the candidates), or a new person; and which of their facts are not kept. The one
 * definition the preview shows and the confirmation writes by, applying the rules of the admin
 * forms: Bean Validation of the profile, the editor's rules, the source rules and the duplicate
 * candidates. Reasons are worded in the current request's language.
 */
@Component
class ImportCheck {

	enum Outcome {

		CREATE, DUPLICATE, REFUSED

	}

	/** A reason or warning, worded for the reader: the field it concerns (null for the row) and the text. */
	record Reason(long line, String field, String text) {
	}

	/** The verdict on one person: the facts that will be written and what is not kept. */
	record Verdict(ImportedPerson person, Outcome outcome, List<Reason> reasons,
			List<DuplicateCandidates.Candidate> candidates, List<Reason> warnings, WrittenFacts facts) {
	}

	/** The facts of a person that pass the checks, with the wanted lists' ids resolved. */
	record WrittenFacts(List<ImportedPerson.Identifier> identifiers, List<Placed> places,
			List<ImportedPerson.Event> events, List<ImportedPerson.Transfer> transfers) {
	}

	record Placed(ImportedPerson.Place place, long wantedListId) {
	}

	private final Validator validator;

	private final FugitiveEditor editor;

	private final Citations citations;

	private final DuplicateCandidates duplicates;

	private final WantedListPlaces places;

	private final MessageSource messages;

	ImportCheck(Validator validator, FugitiveEditor editor, Citations citations, DuplicateCandidates duplicates,
			WantedListPlaces places, MessageSource messages) {
		this.validator = validator;
		this.editor = editor;
		this.citations = citations;
		this.duplicates = duplicates;
		this.places = places;
		this.messages = messages;
	}

	/**
	 * The verdicts on a batch of people, in their order; duplicates are looked up for all at once,
	 * unless {@code lookUpDuplicates} is false (a confirmation writing what it has already judged:
	 * its own rows are not yet in the index, and would make each look-up slower than the last).
	 */
	List<Verdict> check(List<ImportedPerson> people, boolean fileNamesASource, boolean lookUpDuplicates) {
		Map<String, Long> lists = places.lists()
			.stream()
			.collect(Collectors.toMap(list -> list.getName().toLowerCase(Locale.ROOT), WantedList::getId,
					(first, second) -> first));
		List<Verdict> verdicts = new ArrayList<>();
		for (ImportedPerson person : people) {
			List<Reason> reasons = new ArrayList<>();
			List<Reason> warnings = new ArrayList<>();
			person.warnings().forEach(warning -> warnings.add(reason(person.line(), warning.field(), warning)));
			for (ConstraintViolation<?> violation : validator.validate(person.profile())) {
				reasons.add(new Reason(person.line(), field(violation), violation.getMessage()));
			}
			if (reasons.isEmpty()) {
				editor.rulesBrokenByImport(person.profile())
					.forEach(violation -> reasons.add(reason(person.line(), violation)));
			}
			checkSources(person.line(), person.sources(), fileNamesASource, reasons);
			WrittenFacts facts = facts(person, lists, warnings);
			verdicts.add(new Verdict(person, reasons.isEmpty() ? Outcome.CREATE : Outcome.REFUSED, reasons, List.of(),
					warnings, facts));
		}
		if (!lookUpDuplicates) {
			return verdicts;
		}
		// Only the people who would be written are looked up: a refused one is nobody's duplicate, and
		// its text may be what PostgreSQL refuses outright (a NUL), failing the whole preview.
		List<Integer> accepted = new ArrayList<>();
		List<DuplicateCandidates.Person> named = new ArrayList<>();
		for (int i = 0; i < verdicts.size(); i++) {
			Verdict verdict = verdicts.get(i);
			if (verdict.outcome() == Outcome.CREATE) {
				FugitiveRequest profile = verdict.person().profile();
				accepted.add(i);
				named.add(new DuplicateCandidates.Person(profile.name(), profile.nativeName(), profile.aliasList(),
						identifiersOf(verdict.facts())));
			}
		}
		List<List<DuplicateCandidates.Candidate>> candidates = named.isEmpty() ? List.of() : duplicates.ofEach(named);
		for (int j = 0; j < accepted.size(); j++) {
			int i = accepted.get(j);
			Verdict verdict = verdicts.get(i);
			List<DuplicateCandidates.Candidate> recorded = candidates.get(j);
			if (!recorded.isEmpty()) {
				verdicts.set(i, new Verdict(verdict.person(), Outcome.DUPLICATE, verdict.reasons(), recorded,
						verdict.warnings(), verdict.facts()));
			}
		}
		return verdicts;
	}

	/** A reason a reader gave (a line it refused), worded as the others. */
	Reason refused(long line, ImportMessage message) {
		return reason(line, message.field(), message);
	}

	private void checkSources(long line, List<ImportedPerson.Source> sources, boolean fileNamesASource,
			List<Reason> reasons) {
		if (sources.stream().noneMatch(ImportedPerson.Source::isNamed) && !fileNamesASource) {
			reasons.add(reason(line, null, ImportMessage.of("import.source.missing")));
		}
		for (ImportedPerson.Source source : sources) {
			if (source.isNamed()) {
				citations.rulesBrokenBySourceNamed(source.url(), source.publisher(), source.title())
					.forEach(violation -> reasons.add(reason(line, violation)));
			}
			if (source.quote() != null && source.quote().length() > 4000) {
				reasons.add(reason(line, "quote", ImportMessage.of("import.source.quoteTooLong", 4000)));
			}
		}
	}

	/** The facts that can be written as the admin forms would; each other one becomes a warning. */
	private WrittenFacts facts(ImportedPerson person, Map<String, Long> lists, List<Reason> warnings) {
		Set<String> schemes = java.util.Arrays.stream(ExternalIdentifier.Scheme.values())
			.map(Enum::name)
			.collect(Collectors.toSet());
		List<ImportedPerson.Identifier> identifiers = keep(person.identifiers(), ImportedPerson.Identifier::line,
				identifier -> schemes.contains(identifier.scheme()) ? null
						: ImportMessage.of("import.identifier.scheme", identifier.scheme()),
				warnings);
		List<Placed> placed = new ArrayList<>();
		for (ImportedPerson.Place place : person.places()) {
			Long list = place.listName() == null ? null : lists.get(place.listName().toLowerCase(Locale.ROOT));
			if (list == null) {
				warnings.add(
						reason(place.line(), null, ImportMessage.of("import.place.unknownList", place.listName())));
			}
			else {
				placed.add(new Placed(place, list));
			}
		}
		List<ImportedPerson.Event> events = keep(person.events(), ImportedPerson.Event::line, this::eventProblem,
				warnings);
		List<ImportedPerson.Transfer> transfers = keep(person.transfers(), ImportedPerson.Transfer::line,
				transfer -> transfer.amountAsReported() == null || transfer.amountAsReported().isBlank()
						? ImportMessage.of("import.transfer.noAmount") : null,
				warnings);
		return new WrittenFacts(identifiers, placed, events, transfers);
	}

	private ImportMessage eventProblem(ImportedPerson.Event event) {
		EventType type;
		try {
			type = EventType.valueOf(String.valueOf(event.type()));
		}
		catch (IllegalArgumentException ex) {
			return ImportMessage.of("import.event.type", event.type());
		}
		if (!EventRecorder.RECORDABLE.contains(type)) {
			return ImportMessage.of("import.event.type", event.type());
		}
		if (event.date() == null || event.date().isBlank()) {
			return ImportMessage.of("import.event.noDate", event.type());
		}
		if (event.country() == null || event.country().isBlank()) {
			return ImportMessage.of("import.event.noCountry", event.type());
		}
		return null;
	}

	private <T> List<T> keep(List<T> facts, Function<T, Long> line, Function<T, ImportMessage> problem,
			List<Reason> warnings) {
		List<T> kept = new ArrayList<>();
		for (T fact : facts) {
			ImportMessage wrong = problem.apply(fact);
			if (wrong == null) {
				kept.add(fact);
			}
			else {
				warnings.add(reason(line.apply(fact), null, wrong));
			}
		}
		return kept;
	}

	private static List<DuplicateCandidates.Identifier> identifiersOf(WrittenFacts facts) {
		return facts.identifiers()
			.stream()
			.map(identifier -> new DuplicateCandidates.Identifier(
					ExternalIdentifier.Scheme.valueOf(identifier.scheme()), identifier.value()))
			.toList();
	}

	private Reason reason(long line, Violation violation) {
		return new Reason(line, violation.field(), messages.getMessage(violation.code(), violation.args(),
				violation.code(), LocaleContextHolder.getLocale()));
	}

	private Reason reason(long line, String field, ImportMessage message) {
		return new Reason(line, field, messages.getMessage(message.key(), message.arguments().toArray(),
				message.key(), LocaleContextHolder.getLocale()));
	}

	private static String field(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		int index = path.indexOf('[');
		return index < 0 ? path : path.substring(0, index);
	}

}
