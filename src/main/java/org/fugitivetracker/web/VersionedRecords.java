package org.fugitivetracker.web;

import org.fugitivetracker.common.EditConflictException;

/**
 * One kind of record written under optimistic locking ({@code @Version}), as the module that owns
 * it tells who changed one: when a write loses the race for a version at the UPDATE, Hibernate
 * names the record's type and id, and {@link LostRaces} asks the owner for the conflict.
 */
public interface VersionedRecords {

	/** The entity class whose version is checked. */
	Class<?> type();

	/** The conflict as the record stands now: who changed it last, when, and its current version. */
	EditConflictException conflict(long id);

}
