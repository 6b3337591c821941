package org.fugitivetracker;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.BeforeEach;
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
 * added meanwhile. The test's TestRecords is set into the test class's fields of that type before
 * each test, and given to test and {@code @BeforeEach} methods that declare such a parameter; a
 * {@code @BeforeAll} method's parameter gets the class's.
 */
final class TestRecordsExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestRecords.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		open(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IllegalAccessException {
		TestRecords records = open(context);
		Object test = context.getRequiredTestInstance();
		for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (field.getType() == TestRecords.class && !Modifier.isStatic(field.getModifiers())) {
					field.setAccessible(true);
					field.set(test, records);
				}
			}
		}
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

	private static TestRecords open(ExtensionContext context) {
		JdbcTemplate jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class);
		TestRecords records = new TestRecords(jdbc);
		context.getStore(NAMESPACE).put(TestRecords.class, records);
		return records;
	}

	private static void close(ExtensionContext context) {
		TestRecords records = context.getStore(NAMESPACE).remove(TestRecords.class, TestRecords.class);
		if (records != null) {
			records.close();
		}
	}

}
