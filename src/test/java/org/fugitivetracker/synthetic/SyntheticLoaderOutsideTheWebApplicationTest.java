package org.fugitivetracker.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.fugitivetracker.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bulk loader lives in the synthetic-data command's own context only: the web application
 * holds none of its beans.
 */
@IntegrationTest
class SyntheticLoaderOutsideTheWebApplicationTest {

	private static final String LOADER_PACKAGE = SyntheticDataCommand.class.getPackageName();

	@Autowired
	ConfigurableApplicationContext webApplication;

	@Autowired
	JdbcConnectionDetails database;

	@Test
	void theWebApplicationContextHasNoBeanFromTheLoader() {
		assertThat(loaderBeans(webApplication)).isEmpty();
	}

	@Test
	void theCommandContextHasThemAll() {
		// the same check finds the loader where it belongs, so the empty answer above means something
		try (ConfigurableApplicationContext command = SyntheticDataCommandContext.run(
				"--spring.datasource.url=" + database.getJdbcUrl(),
				"--spring.datasource.username=" + database.getUsername(),
				"--spring.datasource.password=" + Objects.toString(database.getPassword(), ""))) {
			assertThat(loaderBeans(command)).containsExactlyInAnyOrder(SyntheticDataCommandContext.class.getName(),
					SyntheticDataCommand.class.getName(), SyntheticDataGenerator.class.getName(),
					SyntheticDataRemover.class.getName());
			assertThat(SpringApplication.exit(command)).isZero();
		}
	}

	/** The classes of the context's beans (defined or registered as singletons) that belong to the loader's package. */
	private static List<String> loaderBeans(ConfigurableApplicationContext context) {
		ConfigurableListableBeanFactory beans = context.getBeanFactory();
		Stream<String> defined = Arrays.stream(beans.getBeanDefinitionNames())
			.flatMap(name -> Stream.of(typeName(beans, name), beans.getBeanDefinition(name).getBeanClassName()));
		Stream<String> registered = Arrays.stream(beans.getSingletonNames())
			.map(name -> beans.getSingleton(name))
			.filter(Objects::nonNull)
			.map(singleton -> singleton.getClass().getName());
		return Stream.concat(defined, registered)
			.filter(Objects::nonNull)
			.filter(type -> type.startsWith(LOADER_PACKAGE + "."))
			.distinct()
			.toList();
	}

	private static String typeName(ConfigurableListableBeanFactory beans, String name) {
		Class<?> type = beans.getType(name, false);
		return (type != null) ? type.getName() : null;
	}

}
