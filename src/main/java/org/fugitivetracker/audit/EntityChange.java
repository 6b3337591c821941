package org.fugitivetracker.audit;

import java.util.List;

/**
 * What one revision did to one record: added, changed or deleted it, field by field.
 * {@code beforeKnown} is false for the first change of a row the trail never saw before (loaded
 * outside the application): its "before" values are unknown, not empty.
 */
public record EntityChange(String entityType, Object entityId, String label, String revisionType,
		List<FieldChange> fields, boolean beforeKnown) {

}
