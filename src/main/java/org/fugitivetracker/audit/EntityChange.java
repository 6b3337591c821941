package org.fugitivetracker.audit;

import java.util.List;

/**
 * What one revision did to one record, as a person reads it: the kind of record and its name
 * (linked to its page while it exists), whether it was added, changed or deleted ({@code change},
 * in words; {@code revisionType} ADD, MOD or DEL), and each field before and after.
 * {@code beforeKnown} is false for the first change of a row the trail never saw before (loaded
 * outside the application): its "before" values are unknown, not empty.
 */
public record EntityChange(String entityType, Shown record, String change, String revisionType,
		List<FieldChange> fields, boolean beforeKnown) {

}
