package org.fugitivetracker.revision;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.envers.configuration.Configuration;
import org.hibernate.envers.internal.entities.mapper.PersistentCollectionChangeData;
import org.hibernate.envers.internal.tools.OrmTools;
import org.hibernate.envers.strategy.internal.DefaultAuditStrategy;

/**
 * Envers' default strategy, less one thing: for every audit row it writes, the default also asks
 * the session to forget that row when the transaction ends, for sessions that outlive their
 * transaction. Ours never do (each transaction has its own entity manager; open-in-view is off),
 * and those requests keep every audit row of a transaction in memory until its commit: 50 000
 * people's worth in an import, which releases its rows itself every batch ({@link AuditedBatches}).
 * Named in {@code org.hibernate.envers.audit_strategy}.
 */
public class TransactionScopedAuditStrategy extends DefaultAuditStrategy {

	@Override
	public void perform(SharedSessionContractImplementor session, String entityName, Configuration configuration,
			Object id, Object data, Object revision) {
		OrmTools.saveData(configuration.getAuditEntityName(entityName), data, session);
	}

	@Override
	public void performCollectionChange(SharedSessionContractImplementor session, String entityName,
			String propertyName, Configuration configuration, PersistentCollectionChangeData change,
			Object revision) {
		OrmTools.saveData(change.getEntityName(), change.getData(), session);
	}

}
