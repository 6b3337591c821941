package org.fugitivetracker.fugitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.common.Violation;
import org.fugitivetracker.country.CountryRepository;
import org.fugitivetracker.fugitive.ExternalIdentifier.Scheme;
import org.fugitivetracker.source.Citations;
import org.fugitivetracker.source.SourceChoice;
import org.fugitivetracker.web.RecordNotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds and removes a person's external identifiers, each with its source, one audited transaction
 * each. A number of a scheme belongs to one person: the check before the write names who holds
 * it, and when two admins add the same number at the same moment the database's unique index
 * refuses the later insert, which is answered the same way.
 */
@Service
public class IdentifierRegistry {

	/** A removed identifier, as it was. */
	public record Removed(long fugitiveId, IdentifierView identifier) {
	}

	/** What a checked form says, where it breaks no rule. */
	private record Checked(Scheme scheme, String value, SourceChoice source, Holder holder) {
	}

	private final ExternalIdentifierRepository identifiers;

	private final FugitiveRepository fugitives;

	private final CountryRepository countries;

	private final Citations citations;

	private final TransactionTemplate transaction;

	IdentifierRegistry(ExternalIdentifierRepository identifiers, FugitiveRepository fugitives,
			CountryRepository countries, Citations citations, TransactionTemplate transaction) {
		this.identifiers = identifiers;
		this.fugitives = fugitives;
		this.countries = countries;
		this.citations = citations;
		this.transaction = transaction;
	}

	/** The person's identifiers with their sources, by scheme and number. */
	@Transactional(readOnly = true)
	public List<IdentifierView> of(long fugitiveId) {
		find(fugitiveId);
		return identifiers.findForFugitive(fugitiveId).stream().map(x -> IdentifierView.of(x, fugitiveId)).toList();
	}

	/**
	 * The rules {@link #add} would refuse the form for, checked without writing, so that a form
	 * with other errors shows these too. Null-safe: the form may have failed Bean Validation.
	 */
	@Transactional(readOnly = true)
	public List<Violation> rulesBroken(long fugitiveId, IdentifierForm form) {
		List<Violation> violations = new ArrayList<>();
		check(find(fugitiveId), form, violations);
		return violations;
	}

	/**
	 * Stores the identifier with its source (a new source too, where the form names one).
	 * @throws HeldByAnotherException when another person holds the number (also when they got it a moment ago)
	 * @throws InvalidRecordException for any other broken rule; nothing is stored
	 */
	public IdentifierView add(long fugitiveId, IdentifierForm form) {
		try {
			return transaction.execute(status -> store(fugitiveId, form));
		}
		catch (DataIntegrityViolationException refused) {
			String constraint = ConstraintNames.of(refused);
			if (ExternalIdentifier.VALUE_TAKEN.equals(constraint)) {
				throw takenMeanwhile(fugitiveId, form);
			}
			if (ExternalIdentifier.UNNUMBERED_TWICE.equals(constraint)) {
				throw new InvalidRecordException(List.of(Violation.of("value", "admin.identifier.unnumberedTwice")));
			}
			throw refused;
		}
	}

	/** Removes the identifier (the audit trail keeps it). */
	@Transactional
	public Removed remove(long identifierId) {
		ExternalIdentifier identifier = identifiers.findForRemoval(identifierId)
			.orElseThrow(() -> new RecordNotFoundException("identifier", identifierId));
		long fugitiveId = identifier.getFugitive().getId();
		IdentifierView removed = IdentifierView.of(identifier, fugitiveId);
		identifiers.delete(identifier);
		identifiers.flush();
		return new Removed(fugitiveId, removed);
	}

	/** Who holds a number of a scheme, if anyone. */
	@Transactional(readOnly = true)
	public Optional<Holder> holderOf(String scheme, String value) {
		Scheme parsed = scheme(scheme);
		String number = blankToNull(value);
		if (parsed == null || number == null || !PlainText.Validator.isPlain(number)) {
			return Optional.empty();
		}
		return identifiers.findByNumber(parsed, number).map(x -> Holder.of(x.getFugitive()));
	}

	private IdentifierView store(long fugitiveId, IdentifierForm form) {
		Fugitive fugitive = find(fugitiveId);
		List<Violation> violations = new ArrayList<>();
		Checked checked = check(fugitive, form, violations);
		if (checked.holder() != null) {
			throw new HeldByAnotherException(violations, checked.holder());
		}
		InvalidRecordException.throwIfAny(violations);
		ExternalIdentifier saved = identifiers.saveAndFlush(new ExternalIdentifier(fugitive, checked.scheme(),
				checked.value(), blankToNull(form.issuingCountry()), citations.sourceOf(checked.source()),
				checked.source().quote()));
		return IdentifierView.of(saved, fugitiveId);
	}

	/** The refusal of an insert that lost the race for a number: named for whoever holds it now. */
	private InvalidRecordException takenMeanwhile(long fugitiveId, IdentifierForm form) {
		Optional<Holder> holder = holderOf(form.scheme(), form.value());
		if (holder.isPresent() && holder.get().id() == fugitiveId) {
			return new InvalidRecordException(List.of(Violation.of("value", "admin.identifier.alreadyRecorded")));
		}
		if (holder.isPresent()) {
			return new HeldByAnotherException(List.of(taken(holder.get())), holder.get());
		}
		return new InvalidRecordException(List.of(Violation.of("value", "admin.identifier.takenMeanwhile")));
	}

	private Checked check(Fugitive fugitive, IdentifierForm form, List<Violation> violations) {
		Scheme scheme = null;
		if (form.scheme() != null && !form.scheme().isBlank()) {
			scheme = scheme(form.scheme());
			if (scheme == null) {
				violations.add(Violation.of("scheme", "admin.value.unknown", form.scheme()));
			}
		}
		String value = blankToNull(form.value());
		String country = blankToNull(form.issuingCountry());
		if (country != null && !countries.isKnown(country)) {
			violations.add(Violation.of("issuingCountry", "admin.country.unknown", country));
		}
		Holder holder = null;
		if (scheme != null) {
			if (value == null && !scheme.mayBeUnnumbered()) {
				violations.add(Violation.of("value", "admin.identifier.value.required"));
			}
			if (country == null && scheme.isIssuedByACountry()) {
				violations.add(Violation.of("issuingCountry", "admin.identifier.issuingCountry.required"));
			}
			// Only what could be stored is looked up: PostgreSQL refuses some characters outright.
			if (value != null && value.length() <= 100 && PlainText.Validator.isPlain(value)) {
				holder = identifiers.findByNumber(scheme, value).map(x -> Holder.of(x.getFugitive())).orElse(null);
				if (holder != null && holder.id() == fugitive.getId()) {
					violations.add(Violation.of("value", "admin.identifier.alreadyRecorded"));
					holder = null;
				}
				else if (holder != null) {
					violations.add(taken(holder));
				}
			}
			if (value == null && scheme.mayBeUnnumbered() && identifiers.findUnnumbered(fugitive.getId(), scheme)
				.stream()
				.anyMatch(x -> Objects.equals(x.getIssuingCountry(), country))) {
				violations.add(Violation.of("value", "admin.identifier.unnumberedTwice"));
			}
		}
		SourceChoice source = citations.check(form, true, violations);
		return new Checked(scheme, value, source, holder);
	}

	private static Violation taken(Holder holder) {
		return Violation.of("value", "admin.identifier.taken", holder.name());
	}

	private Fugitive find(long fugitiveId) {
		return fugitives.findById(fugitiveId).orElseThrow(() -> new RecordNotFoundException("fugitive", fugitiveId));
	}

	private static Scheme scheme(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Scheme.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
