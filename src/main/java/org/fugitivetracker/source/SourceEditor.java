package org.fugitivetracker.source;

import java.util.ArrayList;
import java.util.List;

import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.common.Today;
import org.fugitivetracker.common.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds sources, in one audited transaction each. */
@Service
public class SourceEditor {

	/** What the API returns for a new source. */
	public record Added(long id, String title, String publisher, String url, String published) {
	}

	private final SourceRepository sources;

	SourceEditor(SourceRepository sources) {
		this.sources = sources;
	}

	@Transactional
	public Added create(SourceForm form) {
		List<Violation> violations = new ArrayList<>();
		PartialDate published = check(form, violations);
		InvalidRecordException.throwIfAny(violations);
		Source source = sources.saveAndFlush(new Source(form.title().strip(), form.publisher().strip(),
				form.url() == null || form.url().isBlank() ? null : form.url().strip(), published));
		return new Added(source.getId(), source.getTitle(), source.getPublisher(), source.getUrl(),
				published == null ? null : published.iso());
	}

	/**
	 * The rules {@link #create} would refuse the form for, checked without writing, so that a form
	 * with other errors shows these too. Null-safe: the form may have failed Bean Validation.
	 */
	public List<Violation> rulesBroken(SourceForm form) {
		List<Violation> violations = new ArrayList<>();
		check(form, violations);
		return violations;
	}

	/** A real date of publication, not in the future, and a usable address; returns the date. */
	private static PartialDate check(SourceForm form, List<Violation> violations) {
		PartialDate published = null;
		if (form.published() != null && !form.published().isBlank()) {
			try {
				published = PartialDate.parse(form.published());
				if (Today.isInTheFuture(published)) {
					violations.add(Violation.of("published", "admin.event.date.future", published.iso()));
				}
			}
			catch (IllegalArgumentException ex) {
				violations.add(Violation.of("published", "admin.event.date.invalid", form.published()));
			}
		}
		if (form.url() != null && !form.url().isBlank() && Citations.hostOf(form.url().strip()) == null) {
			violations.add(Violation.of("url", "admin.source.url.invalid"));
		}
		return published;
	}

}
