package org.fugitivetracker.common;

import java.time.Instant;

/**
 * A write was made against a version of a record that someone else has changed since: nothing
 * was stored. Carries who changed it and when, where known, for the message.
 */
public class EditConflictException extends RuntimeException {

	private final String recordName;

	private final String changedBy;

	private final Instant changedAt;

	private final long currentVersion;

	public EditConflictException(String recordName, String changedBy, Instant changedAt, long currentVersion) {
		super("Changed meanwhile: " + recordName + " (now version " + currentVersion + ")");
		this.recordName = recordName;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
		this.currentVersion = currentVersion;
	}

	public String getRecordName() {
		return recordName;
	}

	/** Who made the change, or null where unknown. */
	public String getChangedBy() {
		return changedBy;
	}

	/** When, or null where unknown. */
	public Instant getChangedAt() {
		return changedAt;
	}

	public long getCurrentVersion() {
		return currentVersion;
	}

}
