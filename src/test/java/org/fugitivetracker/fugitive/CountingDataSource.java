package org.fugitivetracker.fugitive;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Test-only, minimal: records every SQL statement executed through it (each execute,
 * executeQuery, executeUpdate or executeBatch), so a test can prove a page costs a fixed number
 * of statements. It wraps the application's data source transaction-aware, so statements join
 * the test's transaction and see its (rolled back) rows.
 */
final class CountingDataSource extends DelegatingDataSource {

	private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

	CountingDataSource(DataSource target) {
		super(new TransactionAwareDataSourceProxy(target));
	}

	/** The SQL of each statement executed since the last {@link #reset()}, in order. */
	List<String> executed() {
		return List.copyOf(executed);
	}

	void reset() {
		executed.clear();
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = super.getConnection();
		return proxy(Connection.class, connection, (method, args, result) -> {
			if (result instanceof Statement statement) {
				String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
				return statement(statement, sql);
			}
			return result;
		});
	}

	private Statement statement(Statement statement, String preparedSql) {
		Class<? extends Statement> type = statement instanceof CallableStatement ? CallableStatement.class
				: statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
		return proxy(type, statement, (method, args, result) -> result, (method, args) -> {
			if (method.getName().startsWith("execute")) {
				executed.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
			}
		});
	}

	private interface After {

		Object apply(Method method, Object[] args, Object result);

	}

	private interface Before {

		void accept(Method method, Object[] args);

	}

	private static <T> T proxy(Class<T> type, Object target, After after) {
		return proxy(type, target, after, (method, args) -> {
		});
	}

	private static <T> T proxy(Class<? extends T> type, Object target, After after, Before before) {
		InvocationHandler handler = (proxy, method, args) -> {
			before.accept(method, args);
			try {
				return after.apply(method, args, method.invoke(target, args));
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		};
		@SuppressWarnings("unchecked")
		T proxy = (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] { type },
				handler);
		return proxy;
	}

}
