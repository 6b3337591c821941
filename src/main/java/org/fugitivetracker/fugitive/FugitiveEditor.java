package org.fugitivetracker.fugitive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.common.Today;
import org.fugitivetracker.common.Violation;
import org.fugitivetracker.country.CountryRepository;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.Citations;
import org.fugitivetracker.source.Source;
import org.fugitivetracker.source.SourceChoice;
import org.fugitivetracker.web.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds fugitives and edits their profiles, each in one audited transaction. A new fugitive must
 * cite a source; an edit may cite one. The status is never set here: a new fugitive has no events
 * and so is at large, and an edit leaves the status to the events.
 */
@Service
public class FugitiveEditor {

	static final int MAX_LINE = 200;

	private final FugitiveRepository fugitives;

	private final FlightEvents flightEvents;

	private final CountryRepository countries;

	private final Citations citations;

	private final DuplicateCandidates duplicates;

	FugitiveEditor(FugitiveRepository fugitives, FlightEvents flightEvents, CountryRepository countries,
			Citations citations, DuplicateCandidates duplicates) {
		this.fugitives = fugitives;
		this.flightEvents = flightEvents;
		this.countries = countries;
		this.citations = citations;
		this.duplicates = duplicates;
	}

	/** The edit form, filled with the profile as it stands. */
	@Transactional(readOnly = true)
	public FugitiveForm formFor(long id) {
		return FugitiveForm.of(find(id));
	}

	/** Name, status and version of a fugitive for the admin pages. */
	@Transactional(readOnly = true)
	public FugitiveSummary summary(long id) {
		return FugitiveSummary.of(find(id));
	}

	/**
	 * Adds the fugitive, unless it may be someone already recorded and the admin has not
	 * confirmed that it is not: then nothing is stored and {@link LikelyDuplicateException} names
	 * the people it may be ({@link DuplicateCandidates}).
	 */
	@Transactional
	public FugitiveSummary create(FugitiveProfileInput profile, String username, boolean notADuplicate) {
		List<Violation> violations = new ArrayList<>();
		PartialDate fled = check(profile, violations);
		SourceChoice source = citations.check(profile, true, violations);
		InvalidRecordException.throwIfAny(violations);
		if (!notADuplicate) {
			List<DuplicateCandidates.Candidate> candidates = duplicates.of(DuplicateCandidates.Person.of(profile));
			if (!candidates.isEmpty()) {
				throw new LikelyDuplicateException(candidates);
			}
		}

		Fugitive saved = fugitives.saveAndFlush(store(profile, fled, username));
		citations.cite(source,
				s -> Citation.ofFugitive(saved.getId(), s, "name", saved.getName(), source.quote()));
		return FugitiveSummary.of(saved);
	}

	/**
	 * Adds a fugitive read from an import file, citing each of the sources the importer resolved
	 * (a file names sources its own way, see {@code Citations#sourceNamed}), with the file's words
	 * or where in the file the person is as the quote. The importer has checked the profile with
	 * {@link #rulesBrokenByImport} and shown the duplicate candidates before the admin confirmed.
	 */
	@Transactional
	public FugitiveSummary createImported(FugitiveProfileInput profile, List<Source> sources, String quote,
			String username) {
		if (sources.isEmpty()) {
			throw new IllegalArgumentException("An imported person cites at least one source");
		}
		List<Violation> violations = new ArrayList<>();
		PartialDate fled = check(profile, violations);
		InvalidRecordException.throwIfAny(violations);
		// Not flushed here: the importer flushes a batch of people at once.
		Fugitive saved = fugitives.save(store(profile, fled, username));
		for (Source source : sources) {
			citations.cite(new SourceChoice(source, null, null, null, quote),
					s -> Citation.ofFugitive(saved.getId(), s, "name", saved.getName(), quote));
		}
		return FugitiveSummary.of(saved);
	}

	/** The rules {@link #createImported} applies to a profile (its sources are the importer's). */
	@Transactional(readOnly = true)
	public List<Violation> rulesBrokenByImport(FugitiveProfileInput profile) {
		List<Violation> violations = new ArrayList<>();
		check(profile, violations);
		return violations;
	}

	private Fugitive store(FugitiveProfileInput profile, PartialDate fled, String username) {
		Fugitive fugitive = new Fugitive(profile.name().strip());
		apply(fugitive, profile, fled);
		fugitive.setStatus(FugitiveStatus.AT_LARGE); // no events yet
		fugitive.markChangedBy(username);
		return fugitive;
	}

	/**
	 * The rules {@link #create} would refuse the profile for, checked without writing, so that a
	 * form with other errors shows these too. Null-safe: the form may have failed Bean Validation.
	 */
	@Transactional(readOnly = true)
	public List<Violation> rulesBrokenByCreate(FugitiveProfileInput profile) {
		List<Violation> violations = new ArrayList<>();
		check(profile, violations);
		citations.check(profile, true, violations);
		return violations;
	}

	@Transactional
	public FugitiveSummary update(long id, FugitiveProfileInput profile, String username) {
		Fugitive fugitive = find(id);
		if (profile.version() == null) {
			throw new InvalidRecordException(List.of(Violation.of(null, "admin.validation.version")));
		}
		FugitiveVersions.check(fugitive, profile.version());
		List<Violation> violations = new ArrayList<>();
		PartialDate fled = checkUpdate(id, profile, violations);
		SourceChoice source = citations.check(profile, false, violations);
		InvalidRecordException.throwIfAny(violations);

		List<String> changed = apply(fugitive, profile, fled);
		fugitive.markChangedBy(username);
		fugitives.flush();
		if (source != null) {
			String claim = "Profile: " + (changed.isEmpty() ? "confirmed" : String.join(", ", changed));
			citations.cite(source, s -> Citation.ofFugitive(id, s, "profile", claim, source.quote()));
		}
		return FugitiveSummary.of(fugitive);
	}

	/** The rules {@link #update} would refuse the profile for, without writing (as {@link #rulesBrokenByCreate}). */
	@Transactional(readOnly = true)
	public List<Violation> rulesBrokenByUpdate(long id, FugitiveProfileInput profile) {
		find(id);
		List<Violation> violations = new ArrayList<>();
		checkUpdate(id, profile, violations);
		citations.check(profile, false, violations);
		return violations;
	}

	/** What {@link #check} checks, and that the flight is not after a recorded detention or return. */
	private PartialDate checkUpdate(long id, FugitiveProfileInput profile, List<Violation> violations) {
		PartialDate fled = check(profile, violations);
		if (fled != null) {
			flightEvents.flightEndings(id)
				.stream()
				.filter(ended -> ended.isCertainlyBefore(fled))
				.findFirst()
				.ifPresent(ended -> violations
					.add(Violation.of("fled", "admin.fugitive.fled.afterEvent", fled.iso(), ended.iso())));
		}
		return fled;
	}

	private Fugitive find(long id) {
		return fugitives.findById(id).orElseThrow(() -> new RecordNotFoundException("fugitive", id));
	}

	/** Checks what Bean Validation cannot: real dates, known countries, line lengths. */
	private PartialDate check(FugitiveProfileInput profile, List<Violation> violations) {
		for (String code : profile.destinationCountries()) {
			if (code != null && !countries.isKnown(code)) {
				violations.add(Violation.of("destinationCountries", "admin.country.unknown", code));
			}
		}
		checkLines("aliases", profile.aliasList(), violations);
		checkLines("offences", profile.offenceList(), violations);
		if (profile.fled() == null || profile.fled().isBlank()) {
			return null;
		}
		try {
			PartialDate fled = PartialDate.parse(profile.fled());
			if (Today.isInTheFuture(fled)) {
				violations.add(Violation.of("fled", "admin.event.date.future", fled.iso()));
			}
			return fled;
		}
		catch (IllegalArgumentException ex) {
			violations.add(Violation.of("fled", "admin.event.date.invalid", profile.fled()));
			return null;
		}
	}

	/**
	 * Each line is a value of its own (an alias, an offence): at most {@value #MAX_LINE} characters,
	 * and one that shows something (the form's text as a whole passing {@code @PlainText} does not
	 * mean each of its lines does).
	 */
	private static void checkLines(String field, List<String> lines, List<Violation> violations) {
		if (lines.size() > 50) {
			violations.add(Violation.of(field, "admin.fugitive.tooManyLines", "50"));
		}
		if (lines.stream().anyMatch(line -> line.length() > MAX_LINE)) {
			violations.add(Violation.of(field, "admin.fugitive.lineTooLong", String.valueOf(MAX_LINE)));
		}
		if (lines.stream().anyMatch(PlainText.Validator::showsNothing)) {
			violations.add(Violation.of(field, "admin.validation.invisible"));
		}
	}

	/** Copies the profile onto the fugitive; returns the names of the fields that changed. */
	private static List<String> apply(Fugitive fugitive, FugitiveProfileInput profile, PartialDate fled) {
		List<String> changed = new ArrayList<>();
		set(changed, "name", fugitive.getName(), profile.name().strip(), fugitive::setName);
		set(changed, "nativeName", fugitive.getNativeName(), blankToNull(profile.nativeName()), fugitive::setNativeName);
		set(changed, "sex", fugitive.getSex(), blankToNull(profile.sex()), fugitive::setSex);
		set(changed, "birthYear", fugitive.getBirthYear(), profile.birthYear(), fugitive::setBirthYear);
		set(changed, "formerPosition", fugitive.getFormerPosition(), blankToNull(profile.formerPosition()),
				fugitive::setFormerPosition);
		set(changed, "formerPositionZh", fugitive.getFormerPositionZh(), blankToNull(profile.formerPositionZh()),
				fugitive::setFormerPositionZh);
		set(changed, "formerOrganisation", fugitive.getFormerOrganisation(), blankToNull(profile.formerOrganisation()),
				fugitive::setFormerOrganisation);
		set(changed, "province", fugitive.getProvince(), blankToNull(profile.province()), fugitive::setProvince);
		set(changed, "provinceZh", fugitive.getProvinceZh(), blankToNull(profile.provinceZh()),
				fugitive::setProvinceZh);
		set(changed, "city", fugitive.getCity(), blankToNull(profile.city()), fugitive::setCity);
		set(changed, "cityZh", fugitive.getCityZh(), blankToNull(profile.cityZh()), fugitive::setCityZh);
		set(changed, "fled", fugitive.getFled(), fled, fugitive::setFled);
		replace(changed, "destinationCountries", fugitive.getDestinationCountries(),
				new LinkedHashSet<>(profile.destinationCountries()));
		replace(changed, "aliases", fugitive.getAliases(), new LinkedHashSet<>(profile.aliasList()));
		replace(changed, "offences", fugitive.getOffences(), new LinkedHashSet<>(profile.offenceList()));
		fugitive.romaniseNames();
		return changed;
	}

	private static <T> void set(List<String> changed, String name, T current, T value,
			java.util.function.Consumer<T> setter) {
		if (!Objects.equals(current, value)) {
			setter.accept(value);
			changed.add(name);
		}
	}

	private static void replace(List<String> changed, String name, Set<String> current, Set<String> value) {
		if (!current.equals(value)) {
			current.retainAll(value);
			current.addAll(value);
			changed.add(name);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
