package org.fugitivetracker.audit;

import java.time.Instant;
import java.util.List;

/** One revision of the audit trail as the pages show it: who, when, why, and each record changed. */
public record RevisionView(long id, String username, Instant changedAt, String reason, List<EntityChange> changes) {

}
