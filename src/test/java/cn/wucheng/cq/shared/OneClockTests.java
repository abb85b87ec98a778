package cn.wucheng.cq.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * One clock (issue 15 item 1): main code asks the application's {@link java.time.Clock} bean for today and now, so a
 * test can set the day and every module agrees on it. A {@code LocalDate.now()} (or any java.time {@code now()}
 * without a clock) or a {@code Clock.system…()} call outside the one bean fails this test.
 */
@Tag("nodb")
class OneClockTests {

	/** The bean that is the application's clock. */
	private static final String THE_CLOCK = "cn.wucheng.cq.shared.internal.TimeSource";

	private static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_TIME = DescribedPredicate.describe(
			"reads the system time (a java.time now() without a Clock, or Clock.system…())",
			call -> readsSystemTime(call.getTargetOwner().getName(), call.getName(),
					call.getTarget().getRawParameterTypes().size()));

	private static final ArchRule NO_SYSTEM_TIME_OUTSIDE_THE_CLOCK = noClasses().that()
		.doNotHaveFullyQualifiedName(THE_CLOCK)
		.should()
		.callMethodWhere(READS_THE_SYSTEM_TIME);

	static boolean readsSystemTime(String owner, String method, int parameters) {
		if (owner.equals("java.time.Clock")) {
			return method.startsWith("system");
		}
		return owner.startsWith("java.time.") && method.equals("now") && parameters == 0;
	}

	@Test
	void mainCodeTakesTheTimeOnlyFromTheOneClockBean() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.wucheng.cq");
		NO_SYSTEM_TIME_OUTSIDE_THE_CLOCK.check(main);
	}

	@Test
	void theRuleCatchesABareNowAndASystemClock() {
		JavaClasses offenders = new ClassFileImporter().importClasses(ReadsTheSystemTime.class);
		assertThatThrownBy(() -> NO_SYSTEM_TIME_OUTSIDE_THE_CLOCK.check(offenders)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("LocalDate.now()")
			.hasMessageContaining("Clock.systemUTC()")
			.hasMessageContaining("Instant.now()");
		assertThat(readsSystemTime("java.time.LocalDate", "now", 1)).as("LocalDate.now(clock) is allowed").isFalse();
	}

	/** What the rule must refuse. */
	static class ReadsTheSystemTime {

		Object today() {
			return java.time.LocalDate.now();
		}

		Object clock() {
			return java.time.Clock.systemUTC();
		}

		Object instant() {
			return java.time.Instant.now();
		}

	}

}
