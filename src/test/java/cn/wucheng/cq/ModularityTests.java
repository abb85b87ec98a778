package cn.wucheng.cq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Modules by business capability stay independent: no cycles, no reaching into another module's internals. The same
 * model writes the module documentation under {@code docs/modules/} (README, "Looking for something?"): a component
 * diagram of all modules and one per module with the modules it depends on (PlantUML).
 */
@Tag("nodb")
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(CqApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	private static List<String> sortedRelations(List<String> lines) {
		List<String> out = new ArrayList<>();
		List<String> relations = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("Rel(")) {
				relations.add(line);
				continue;
			}
			if (!relations.isEmpty()) {
				relations.sort(null);
				out.addAll(relations);
				relations.clear();
			}
			out.add(line);
		}
		relations.sort(null);
		out.addAll(relations);
		return out;
	}

	@Test
	void theModuleDocumentationIsWrittenFromTheCode() throws Exception {
		// the diagrams (the canvases need Javadoc metadata from spring-modulith-apt, which the build does not run)
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules").withoutClean())
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		// the Documenter lists relations in no fixed order: sorted, the committed files change only with the code
		try (var files = Files.list(Path.of("docs/modules"))) {
			for (Path puml : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
				Files.write(puml, sortedRelations(Files.readAllLines(puml)));
			}
		}
		assertThat(Path.of("docs/modules/components.puml")).exists();
		assertThat(Files.readString(Path.of("docs/modules/components.puml"))).contains("Scoring", "Imports", "Cases");
		assertThat(Path.of("docs/modules/module-database.puml")).exists();
	}

}
