package org.fugitivetracker.audit;

import java.util.List;

/** What one revision did to one record: added, changed or deleted it, field by field. */
public record EntityChange(String entityType, Object entityId, String label, String revisionType,
		List<FieldChange> fields) {

}
