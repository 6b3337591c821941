package org.fugitivetracker.fugitive;

/**
 * How the recorded people on an operation's wanted lists stand, against its target ("1 of the
 * 100 returned"). Counts come from one GROUP BY over the records.
 */
public interface ListProgress {

	Long getOperationId();

	long getListed();

	long getReturned();

	long getInCustody();

	long getAtLarge();

}
