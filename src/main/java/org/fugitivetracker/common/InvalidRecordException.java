package org.fugitivetracker.common;

import java.util.List;

/** A write refused by a rule of the domain; nothing was stored. */
public class InvalidRecordException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidRecordException(List<Violation> violations) {
		super("Refused: " + violations.stream().map(Violation::code).toList());
		this.violations = List.copyOf(violations);
	}

	public static void throwIfAny(List<Violation> violations) {
		if (!violations.isEmpty()) {
			throw new InvalidRecordException(violations);
		}
	}

	public List<Violation> getViolations() {
		return violations;
	}

}
