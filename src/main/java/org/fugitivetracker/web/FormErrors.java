package org.fugitivetracker.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

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
