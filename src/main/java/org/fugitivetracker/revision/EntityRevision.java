package org.fugitivetracker.revision;

import java.util.List;

import org.hibernate.envers.RevisionType;

/**
 * One row of an Envers revisions-of-entity query ({@code forRevisionsOfEntity(type, false, …)}):
 * the record as the revision stored it, the revision, and whether it was added, modified or
 * deleted.
 */
public record EntityRevision(Object entity, AuditRevision revision, RevisionType type) {

	/** Envers' row, an array of (entity, revision, type). */
	public static EntityRevision of(Object row) {
		Object[] columns = (Object[]) row;
		return new EntityRevision(columns[0], (AuditRevision) columns[1], (RevisionType) columns[2]);
	}

	/** Every row of such a query's result list. */
	public static List<EntityRevision> all(List<?> rows) {
		return rows.stream().map(EntityRevision::of).toList();
	}

}
