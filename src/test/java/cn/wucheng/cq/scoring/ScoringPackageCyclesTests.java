package cn.wucheng.cq.scoring;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import cn.wucheng.cq.scoring.cyclefixture.SubSide;

/**
 * Issue 15 item 5: the packages inside the scoring module form no cycle. Each sub-package ({@code internal},
 * {@code policy}, {@code publication}, {@code standards}, {@code coverage}…) is a slice, and so is the root package
 * {@code scoring} itself — which {@code slices().matching("cn.wucheng.cq.scoring.(*)..")} would leave out.
 */
@Tag("nodb")
class ScoringPackageCyclesTests {

	private static final String ROOT = "cn.wucheng.cq.scoring";

	/** The root package is the slice "scoring"; every class below it belongs to its first sub-package. */
	static final SliceAssignment SCORING_PACKAGES = new SliceAssignment() {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			String pkg = javaClass.getPackageName();
			if (pkg.equals(ROOT)) {
				return SliceIdentifier.of("scoring");
			}
			if (pkg.startsWith(ROOT + ".")) {
				String rest = pkg.substring(ROOT.length() + 1);
				int dot = rest.indexOf('.');
				return SliceIdentifier.of("scoring." + (dot < 0 ? rest : rest.substring(0, dot)));
			}
			return SliceIdentifier.ignore();
		}

		@Override
		public String getDescription() {
			return "the scoring package and each of its sub-packages";
		}

	};

	static final ArchRule NO_CYCLES = slices().assignedFrom(SCORING_PACKAGES).should().beFreeOfCycles();

	@Test
	void thePackagesOfTheScoringModuleAndItsRootDependOnEachOtherWithoutACycle() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(ROOT);
		NO_CYCLES.check(main);
	}

	@Test
	void theRuleSeesACycleBetweenTheRootPackageAndASubPackage() {
		JavaClasses cycle = new ClassFileImporter().importClasses(CycleFixtureRoot.class, SubSide.class);
		assertThatThrownBy(() -> NO_CYCLES.check(cycle)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Cycle detected");
	}

}
