package org.fugitivetracker;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Counts the SQL statements Hibernate prepares while an action runs (e.g. one page request through
 * MockMvc), to prove a page does not issue one query per row. Needs
 * {@code hibernate.generate_statistics=true}, which {@link IntegrationTest} sets. It counts what
 * goes through JPA (JPQL, native queries, lazy and batch loads), not plain JDBC calls.
 *
 * <pre>
 * long statements = new StatementCounter(entityManagerFactory).count(() -> mvc.get().uri("/").exchange());
 * </pre>
 */
public final class StatementCounter {

	private final Statistics statistics;

	public StatementCounter(EntityManagerFactory entityManagerFactory) {
		this.statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		if (!statistics.isStatisticsEnabled()) {
			throw new IllegalStateException("Set spring.jpa.properties.hibernate.generate_statistics=true");
		}
	}

	/** The number of statements prepared while the action ran. Tests run one at a time, so none are another's. */
	public long count(Action action) throws Exception {
		long before = statistics.getPrepareStatementCount();
		action.run();
		return statistics.getPrepareStatementCount() - before;
	}

	/** Something to measure; may throw, like a MockMvc request. */
	@FunctionalInterface
	public interface Action {

		void run() throws Exception;

	}

}
