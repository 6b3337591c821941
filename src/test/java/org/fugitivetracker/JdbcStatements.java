package org.fugitivetracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the SQL statements that code running on the current thread sends to PostgreSQL through
 * the application's {@link DataSource}: Hibernate's queries and lazy loads, {@code JdbcTemplate}
 * and {@code JdbcClient} calls, Spring Session's reads and writes alike. One entry per
 * {@code execute…} call on a JDBC statement (a batch is one entry); what the driver sends on its
 * own for transaction control ({@code BEGIN}, {@code COMMIT}, read-only mode) is not a statement
 * and is not recorded. It is the tests' one statement counter: a page budget, a service's
 * queries and a cache alike are measured with it.
 *
 * <p>{@link IntegrationTest} wraps the data source with a datasource-proxy (see
 * {@link Configuration}); it records nothing unless a thread is inside {@link #record}. A MockMvc
 * request runs on the test's thread, so a recording holds exactly that request's statements,
 * whatever else (session clean-up, other instances) uses the pool meanwhile.
 *
 * <pre>
 * Recorded sql = JdbcStatements.record(() -> mvc.get().uri("/").exchange());
 * sql.page().size();  // statements of the page itself, without Spring Session's
 * </pre>
 */
public final class JdbcStatements {

	private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

	private JdbcStatements() {
	}

	/** The statements the action sends on this thread, in order. */
	public static Recorded record(Action action) throws Exception {
		List<String> statements = new ArrayList<>();
		RECORDING.set(statements);
		try {
			action.run();
		}
		finally {
			RECORDING.remove();
		}
		return new Recorded(List.copyOf(statements));
	}

	/** Something to record; may throw, like a MockMvc request. */
	@FunctionalInterface
	public interface Action {

		void run() throws Exception;

	}

	/**
	 * What one recording saw, split into the page's own statements and Spring Session's (the
	 * session row and its attributes, read and written around every request that has a session;
	 * the same on every page, so page budgets leave them out).
	 */
	public record Recorded(List<String> all) {

		public List<String> page() {
			return all.stream().filter(sql -> !isSession(sql)).toList();
		}

		public List<String> session() {
			return all.stream().filter(JdbcStatements::isSession).toList();
		}

		/** The page's statements, one a line, for an assertion's message. */
		public String describePage() {
			return page().stream().map(sql -> "  " + sql.replaceAll("\\s+", " ")).collect(Collectors.joining("\n"));
		}

	}

	private static boolean isSession(String sql) {
		return sql.toUpperCase(Locale.ROOT).contains("SPRING_SESSION");
	}

	private static final QueryExecutionListener LISTENER = new QueryExecutionListener() {

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			List<String> statements = RECORDING.get();
			if (statements != null) {
				statements.add(queries.stream().map(QueryInfo::getQuery).collect(Collectors.joining("; ")));
			}
		}

	};

	/**
	 * Wraps every {@link DataSource} bean in a recording proxy. The proxy hands {@code unwrap}
	 * through to the pool (HikariCP) and the driver, so code that needs them (the reconnector,
	 * the synthetic loader's COPY) works as without it.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		/** Static: a post-processor is created before the other beans of its configuration. */
		@Bean
		static BeanPostProcessor recordingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
						return ProxyDataSourceBuilder.create(beanName, dataSource).listener(LISTENER).build();
					}
					return bean;
				}

			};
		}

	}

}
