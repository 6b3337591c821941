package org.fugitivetracker.web;

import java.util.List;

import org.fugitivetracker.common.EditConflictException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Turns a write that lost the race for a version (two writers passed the version check, the
 * other committed first, this one's UPDATE matched no row and its transaction rolled back) into
 * the same {@link EditConflictException} a stale version gets, naming who changed the record.
 */
@Component
class LostRaces {

	private final List<VersionedRecords> versionedRecords;

	LostRaces(List<VersionedRecords> versionedRecords) {
		this.versionedRecords = versionedRecords;
	}

	/** The conflict for the record Hibernate named; the exception itself where no module owns that record. */
	EditConflictException explain(ObjectOptimisticLockingFailureException lost) {
		for (VersionedRecords records : versionedRecords) {
			if (records.type().getName().equals(lost.getPersistentClassName())
					&& lost.getIdentifier() instanceof Number id) {
				return records.conflict(id.longValue());
			}
		}
		throw lost;
	}

}
