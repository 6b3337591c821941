package org.fugitivetracker.fugitive;

import java.util.List;

import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.Violation;

/**
 * A write refused because what it names belongs to another person already (an identifier's
 * number, a rank on a list), with the rules it broke and who holds it. The forms show it as a
 * field error beside a link to that person; the API answers 409.
 */
public class HeldByAnotherException extends InvalidRecordException {

	private final transient Holder holder;

	HeldByAnotherException(List<Violation> violations, Holder holder) {
		super(violations);
		this.holder = holder;
	}

	public Holder getHolder() {
		return holder;
	}

}
