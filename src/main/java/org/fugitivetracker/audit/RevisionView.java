package org.fugitivetracker.audit;

import java.time.Instant;
import java.util.List;

/**
 * One revision of the audit trail as the pages show it: who, when ({@code changedAt} to the
 * second, {@code when} in the reader's words), why, and each record it changed. {@code records}
 * counts them; a revision too big to show inline (the baseline, the records as they stood when
 * the trail was installed) is {@code collapsed}: its changes are on a page of their own.
 */
public record RevisionView(long id, String username, Instant changedAt, String when, String reason,
		List<EntityChange> changes, long records, boolean baseline, boolean collapsed) {

}
