package org.fugitivetracker.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.fugitivetracker.common.EditConflictException;
import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.Violation;
import org.springframework.validation.BindingResult;

/** Puts the domain's refusals on a form: field errors beside their fields, conflicts at the top. */
final class FormErrors {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private FormErrors() {
	}

	public static void add(BindingResult result, InvalidRecordException refused) {
		for (Violation violation : refused.getViolations()) {
			if (violation.field() == null) {
				result.reject(violation.code(), violation.args(), null);
			}
			else {
				result.rejectValue(violation.field(), violation.code(), violation.args(), null);
			}
		}
	}

	/**
	 * Adds the rules a form breaks beside the errors it already has (Bean Validation's), so that
	 * every error shows at once: a rule's violation of a field that already has an error is left
	 * out (a blank date is "required" once, not also "not a real date").
	 */
	static void addWhereNone(BindingResult result, List<Violation> violations) {
		Set<String> withErrors = result.getFieldErrors()
			.stream()
			.map(error -> FormErrorSummary.fieldOf(error.getField()))
			.collect(Collectors.toSet());
		for (Violation violation : violations) {
			if (violation.field() == null) {
				result.reject(violation.code(), violation.args(), null);
			}
			else if (!withErrors.contains(FormErrorSummary.fieldOf(violation.field()))) {
				result.rejectValue(violation.field(), violation.code(), violation.args(), null);
			}
		}
	}

	public static void add(BindingResult result, EditConflictException conflict) {
		result.reject(conflictCode(conflict), conflictArgs(conflict), null);
	}

	/** {@code admin.conflict} ("… was changed by {1} at {2}") or, where nobody is known, {@code admin.conflict.anonymous}. */
	public static String conflictCode(EditConflictException conflict) {
		return conflict.getChangedBy() != null && conflict.getChangedAt() != null ? "admin.conflict"
				: "admin.conflict.anonymous";
	}

	public static Object[] conflictArgs(EditConflictException conflict) {
		return new Object[] { conflict.getRecordName(), conflict.getChangedBy(),
				conflict.getChangedAt() == null ? null : WHEN.format(conflict.getChangedAt()),
				String.valueOf(conflict.getCurrentVersion()) };
	}

}
