package org.fugitivetracker;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's structure: every top-level package is a module that uses only the modules its
 * {@code package-info.java} names, no module reaches another's internals, and no two modules
 * depend on each other in a loop. Writes the module diagrams and canvases under
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(FugitiveTrackerApplication.class);

	@Test
	void modulesUseOnlyWhatTheyDeclareWithoutCycles() {
		MODULES.verify();
	}

	@Test
	void everyTopLevelPackageIsAModule() {
		assertThat(MODULES.stream().map(module -> module.getIdentifier().toString())).containsExactlyInAnyOrder(
				"admin", "agency", "api", "asset", "audit", "browse", "casefile", "common", "country", "dashboard",
				"event", "exchange", "figure", "fugitive", "operation", "photo", "revision", "security", "source",
				"synthetic", "system", "web");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeDocumentation().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
