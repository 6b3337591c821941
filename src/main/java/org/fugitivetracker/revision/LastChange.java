package org.fugitivetracker.revision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Who last changed an audited record, and when: from the audit trail. */
@Component
public class LastChange {

	public record Change(String username, Instant at) {
	}

	private final EntityManager entityManager;

	LastChange(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Transactional(readOnly = true)
	public Optional<Change> of(Class<?> entity, Object id) {
		List<EntityRevision> rows = EntityRevision.all(AuditReaderFactory.get(entityManager)
			.createQuery()
			.forRevisionsOfEntity(entity, false, true)
			.add(AuditEntity.id().eq(id))
			.addOrder(AuditEntity.revisionNumber().desc())
			.setMaxResults(1)
			.getResultList());
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		AuditRevision revision = rows.get(0).revision();
		return Optional.of(new Change(revision.getUsername(), revision.getChangedAt()));
	}

}
