package org.fugitivetracker.revision;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.springframework.stereotype.Component;

/** Attaches a reason (why a record was corrected or deleted) to the current transaction's revision. */
@Component
public class AuditReasons {

	private final EntityManager entityManager;

	AuditReasons(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** Must run inside the write's transaction; the reason is stored with the revision at commit. */
	public void attach(String reason) {
		AuditRevision revision = AuditReaderFactory.get(entityManager).getCurrentRevision(AuditRevision.class, false);
		revision.setReason(reason);
	}

}
