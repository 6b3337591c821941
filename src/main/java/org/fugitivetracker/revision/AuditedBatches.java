package org.fugitivetracker.revision;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.envers.boot.internal.EnversService;
import org.hibernate.envers.internal.synchronization.AuditProcess;
import org.springframework.stereotype.Component;

/**
 * Lets one long transaction (an import of thousands of people) write in batches with flat memory
 * and still be one revision of the audit trail.
 * <p>
 * Envers queues an audit row for every change of a transaction and writes them all when it commits;
 * it also keeps every change it has queued, written or not, to merge a later change of the same
 * record into it. For 50 000 people that is some 200 MB held until the commit. After each batch,
 * {@link #writeAndRelease()} has Envers write the rows queued so far, under the transaction's one
 * revision, and forget them; then it lets go of every entity the batch loaded.
 * <p>
 * Only for writers that never change a record again once its batch is released: Envers no longer
 * knows it was written in this revision, so a second change would be a second row of the same record
 * in the same revision, which the audit table's primary key refuses (the whole transaction with it),
 * rather than a change lost. Envers offers no public way to forget its queue, hence the field handle
 * below; it is resolved at start-up, so a Hibernate upgrade that renames it fails there, not in an
 * import.
 */
@Component
public class AuditedBatches {

	private static final VarHandle CHANGES_SEEN = changesSeen();

	private final EntityManager entityManager;

	AuditedBatches(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * Writes everything this transaction changed so far, its audit rows included (under the
	 * revision the commit will complete), and empties the persistence context but for that revision.
	 * Must run inside the transaction.
	 */
	public void writeAndRelease() {
		SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
		session.flush();
		AuditProcess audit = session.getFactory()
			.getServiceRegistry()
			.requireService(EnversService.class)
			.getAuditProcessManager()
			.get(session);
		audit.doBeforeTransactionCompletion(session);
		((Map<?, ?>) CHANGES_SEEN.get(audit)).clear();
		// The revision stays managed: Envers writes the next batch's rows under it, and the commit
		// stores what was attached to it since (the entities changed, a reason).
		Object revision = audit.getCurrentRevisionData(session, false);
		for (Map.Entry<Object, EntityEntry> managed : session.getPersistenceContextInternal()
			.reentrantSafeEntityEntries()) {
			if (managed.getKey() != revision) {
				session.detach(managed.getKey());
			}
		}
	}

	private static VarHandle changesSeen() {
		try {
			return MethodHandles.privateLookupIn(AuditProcess.class, MethodHandles.lookup())
				.findVarHandle(AuditProcess.class, "usedIds", Map.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("This Hibernate Envers keeps its queue elsewhere; AuditedBatches must follow",
					ex);
		}
	}

}
