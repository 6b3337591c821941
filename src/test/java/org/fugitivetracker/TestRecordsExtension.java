package org.fugitivetracker;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The clean-up rule of {@link TestRecords}, applied by {@link IntegrationTest}: a TestRecords
 * opens before each test class and before each test, and closes after it, removing every row
 * added meanwhile. A test method, or a {@code @BeforeEach} method, that declares a
 * {@code TestRecords} parameter gets the test's; a {@code @BeforeAll} method gets the class's.
 */
final class TestRecordsExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestRecords.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		open(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		open(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == TestRecords.class;
	}

	@Override
	public TestRecords resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getStore(NAMESPACE).get(TestRecords.class, TestRecords.class);
	}

	private static void open(ExtensionContext context) {
		JdbcTemplate jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class);
		context.getStore(NAMESPACE).put(TestRecords.class, new TestRecords(jdbc));
	}

	private static void close(ExtensionContext context) {
		TestRecords records = context.getStore(NAMESPACE).remove(TestRecords.class, TestRecords.class);
		if (records != null) {
			records.close();
		}
	}

}
