package org.fugitivetracker.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fugitivetracker.agency.Agency;
import org.fugitivetracker.agency.AgencyRepository;
import org.fugitivetracker.common.EditConflictException;
import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.Violation;
import org.fugitivetracker.country.CountryRepository;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.fugitive.FugitiveRepository;
import org.fugitivetracker.revision.AuditReasons;
import org.fugitivetracker.revision.LastChange;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.Citations;
import org.fugitivetracker.source.SourceChoice;
import org.fugitivetracker.web.RecordNotFoundException;
import org.fugitivetracker.web.VersionedRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds cases, changes their status and adds people to them, each in one audited transaction.
 * Changes to an existing case name the case's version the admin saw (optimistic locking).
 */
@Service
public class CaseEditor implements VersionedRecords {

	private final CaseFileRepository cases;

	private final AgencyRepository agencies;

	private final FugitiveRepository fugitives;

	private final CountryRepository countries;

	private final Citations citations;

	private final AuditReasons auditReasons;

	private final LastChange lastChange;

	CaseEditor(CaseFileRepository cases, AgencyRepository agencies, FugitiveRepository fugitives,
			CountryRepository countries, Citations citations, AuditReasons auditReasons, LastChange lastChange) {
		this.cases = cases;
		this.agencies = agencies;
		this.fugitives = fugitives;
		this.countries = countries;
		this.citations = citations;
		this.auditReasons = auditReasons;
		this.lastChange = lastChange;
	}

	@Transactional(readOnly = true)
	public CaseWriteResult summary(long id) {
		return CaseWriteResult.of(find(id));
	}

	@Transactional
	public CaseWriteResult create(CaseForm form) {
		List<Violation> violations = new ArrayList<>();
		CaseStatus status = parse(CaseStatus.class, "status", form.status(), violations);
		List<Agency> chosen = checkCreate(form, violations);
		SourceChoice source = citations.check(form, true, violations);
		InvalidRecordException.throwIfAny(violations);

		CaseFile caseFile = new CaseFile(form.title().strip(), status, blankToNull(form.counterpartCountry()),
				blankToNull(form.description()));
		caseFile.setTitleZh(blankToNull(form.titleZh()));
		caseFile.getAgencies().addAll(chosen);
		CaseFile saved = cases.saveAndFlush(caseFile);
		citations.cite(source, s -> Citation.ofCase(saved.getId(), s, "description", saved.getTitle(), source.quote()));
		return CaseWriteResult.of(saved);
	}

	/**
	 * The rules {@link #create} would refuse the form for, checked without writing, so that a form
	 * with other errors shows these too. Null-safe: the form may have failed Bean Validation.
	 */
	@Transactional(readOnly = true)
	public List<Violation> rulesBrokenByCreate(CaseForm form) {
		List<Violation> violations = new ArrayList<>();
		parse(CaseStatus.class, "status", form.status(), violations);
		checkCreate(form, violations);
		citations.check(form, true, violations);
		return violations;
	}

	/** The known counterpart country and agencies; returns the agencies chosen. */
	private List<Agency> checkCreate(CaseForm form, List<Violation> violations) {
		if (form.counterpartCountry() != null && !form.counterpartCountry().isBlank()
				&& !countries.isKnown(form.counterpartCountry())) {
			violations.add(Violation.of("counterpartCountry", "admin.country.unknown", form.counterpartCountry()));
		}
		List<Agency> chosen = new ArrayList<>();
		for (Long agencyId : form.agencyIds()) {
			if (agencyId == null) {
				continue; // refused by Bean Validation
			}
			agencies.findById(agencyId)
				.ifPresentOrElse(chosen::add, () -> violations
					.add(Violation.of("agencyIds", "admin.case.agency.unknown", String.valueOf(agencyId))));
		}
		return chosen;
	}

	@Transactional
	public CaseWriteResult changeStatus(long id, CaseStatusForm form) {
		CaseFile caseFile = find(id);
		checkVersion(caseFile, form.version());
		List<Violation> violations = new ArrayList<>();
		CaseStatus status = parse(CaseStatus.class, "status", form.status(), violations);
		InvalidRecordException.throwIfAny(violations);
		if (caseFile.getStatus() != status) {
			caseFile.setStatus(status);
			if (form.reason() != null && !form.reason().isBlank()) {
				auditReasons.attach(form.reason().strip());
			}
			cases.flush();
		}
		return CaseWriteResult.of(caseFile);
	}

	/** The rules {@link #changeStatus} would refuse the form for, checked without writing. */
	@Transactional(readOnly = true)
	public List<Violation> rulesBrokenByStatusChange(long id, CaseStatusForm form) {
		find(id);
		List<Violation> violations = new ArrayList<>();
		parse(CaseStatus.class, "status", form.status(), violations);
		return violations;
	}

	@Transactional
	public CaseWriteResult addParticipant(long id, ParticipantForm form) {
		CaseFile caseFile = find(id);
		checkVersion(caseFile, form.version());
		List<Violation> violations = new ArrayList<>();
		CaseParticipant.Role role = parse(CaseParticipant.Role.class, "role", form.role(), violations);
		Fugitive fugitive = checkParticipant(caseFile, form, violations);
		InvalidRecordException.throwIfAny(violations);
		caseFile.getParticipants().add(new CaseParticipant(fugitive, role));
		cases.flush();
		return CaseWriteResult.of(caseFile);
	}

	/** The rules {@link #addParticipant} would refuse the form for, checked without writing. */
	@Transactional(readOnly = true)
	public List<Violation> rulesBrokenByParticipant(long id, ParticipantForm form) {
		List<Violation> violations = new ArrayList<>();
		parse(CaseParticipant.Role.class, "role", form.role(), violations);
		checkParticipant(find(id), form, violations);
		return violations;
	}

	/** A known person not yet in the case; returns them. */
	private Fugitive checkParticipant(CaseFile caseFile, ParticipantForm form, List<Violation> violations) {
		if (form.fugitiveId() == null) {
			return null; // refused by Bean Validation
		}
		Fugitive fugitive = fugitives.findById(form.fugitiveId()).orElse(null);
		if (fugitive == null) {
			violations.add(Violation.of("fugitiveId", "admin.case.fugitive.unknown", String.valueOf(form.fugitiveId())));
		}
		else if (caseFile.getParticipants().stream().anyMatch(p -> p.getFugitive().getId().equals(fugitive.getId()))) {
			violations.add(Violation.of("fugitiveId", "admin.case.fugitive.already", fugitive.getName()));
		}
		return fugitive;
	}

	@Override
	public Class<?> type() {
		return CaseFile.class;
	}

	/** The conflict as it stands now, naming who changed the case last (from the audit trail). */
	@Override
	@Transactional(readOnly = true)
	public EditConflictException conflict(long id) {
		return conflict(find(id));
	}

	private void checkVersion(CaseFile caseFile, long seenVersion) {
		if (caseFile.getVersion() != seenVersion) {
			throw conflict(caseFile);
		}
	}

	private EditConflictException conflict(CaseFile caseFile) {
		LastChange.Change change = lastChange.of(CaseFile.class, caseFile.getId()).orElse(null);
		return new EditConflictException(caseFile.getTitle(), change == null ? null : change.username(),
				change == null ? null : change.at(), caseFile.getVersion());
	}

	private CaseFile find(long id) {
		return cases.findWithParticipants(id).orElseThrow(() -> new RecordNotFoundException("case", id));
	}

	static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			violations.add(Violation.of(field, "admin.validation.choose"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			violations.add(Violation.of(field, "admin.value.unknown", value));
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
