package org.fugitivetracker.fugitive;

import java.util.Locale;

import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;

/** Which database constraint refused a write: the rule the database holds, read back by its name. */
final class ConstraintNames {

	private ConstraintNames() {
	}

	/** The name of the constraint or unique index the write broke, lower case; null where none is named. */
	static String of(DataIntegrityViolationException refused) {
		for (Throwable cause = refused; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
				return violation.getConstraintName().toLowerCase(Locale.ROOT);
			}
		}
		return null;
	}

}
