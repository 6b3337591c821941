package org.fugitivetracker.audit;

import java.util.Map;

import org.hibernate.envers.RevisionType;

/**
 * What one revision did to one record, in stored values ({@link RecordValues}): {@code before}
 * the values at its previous revision (null where the trail has none: added, or loaded outside
 * the application), {@code stored} the values the revision stored (for a deletion, the last ones).
 */
record RecordChange(Class<?> type, Object id, RevisionType revisionType, Map<String, Object> before,
		Map<String, Object> stored) {

	/** The record's values as the revision leaves them, or as they were last for a deletion. */
	Map<String, Object> latest() {
		return revisionType == RevisionType.DEL && before != null ? before : stored;
	}

}
