package org.fugitivetracker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on real PostgreSQL, served on a random port and through MockMvc. All integration tests share this one
 * context (and so one migrated database), with known bootstrap passwords. Its data source records
 * SQL statements for {@link JdbcStatements} (only while a test asks it to).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "APP_INVESTIGATOR_PASSWORD=" + TestAccounts.INVESTIGATOR_PASSWORD,
		"APP_ANALYST_PASSWORD=" + TestAccounts.ANALYST_PASSWORD, "APP_ADMIN_PASSWORD=" + TestAccounts.ADMIN_PASSWORD,
		// Hibernate statistics let StatementCounter count the SQL statements of a page (tests only).
		"spring.jpa.properties.hibernate.generate_statistics=true",
		"logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=WARN" })
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, JdbcStatements.Configuration.class })
public @interface IntegrationTest {

}
