package org.fugitivetracker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on real PostgreSQL, served on a random port and through MockMvc. All
 * integration tests share this one context (and so one migrated database), with the bootstrap
 * passwords of {@link TestLogin}. Its data source records SQL statements for
 * {@link JdbcStatements} (only while a test asks it to), and every test's rows are removed after
 * it by {@link TestRecords}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestLogin.INVESTIGATOR_PASSWORD, TestLogin.ANALYST_PASSWORD, TestLogin.ADMIN_PASSWORD })
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, JdbcStatements.Configuration.class })
@ExtendWith(TestRecordsExtension.class)
public @interface IntegrationTest {

}
