package cn.wucheng.cq;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Issue 15 item 5, no SQL built from values: where the ledger and the home page once filled SQL text with
 * {@code %s} or wrote ids into it, a class that runs SQL through {@link JdbcClient} formats no string — its SQL is
 * constant fragments chosen by code, every value a bind parameter. (Other modules format constant fragments such as
 * a shared column expression into their SQL, which this rule does not forbid them.)
 */
@Tag("nodb")
class SqlFromConstantsTests {

	private static final DescribedPredicate<JavaClass> RUNS_SQL = DescribedPredicate.describe("run SQL (JdbcClient.sql)",
			c -> c.getMethodCallsFromSelf()
				.stream()
				.anyMatch(call -> call.getTargetOwner().isEquivalentTo(JdbcClient.class)
						&& call.getName().equals("sql")));

	static ArchRule noFormattedSql(String... packages) {
		return noClasses().that(RUNS_SQL)
			.and()
			.resideInAnyPackage(packages)
			.should()
			.callMethod(String.class, "formatted", Object[].class)
			.orShould()
			.callMethod(String.class, "format", String.class, Object[].class);
	}

	@Test
	void theScoringLedgerAndTheWebShellRunNoSqlMadeByFormattingAString() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.wucheng.cq");
		noFormattedSql("cn.wucheng.cq.scoring..", "cn.wucheng.cq.web..").check(main);
	}

	@Test
	void theRuleCatchesSqlFilledWithFormatted() {
		JavaClasses offender = new ClassFileImporter().importClasses(FormatsItsSql.class);
		assertThatThrownBy(() -> noFormattedSql("cn.wucheng.cq").check(offender)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("String.formatted");
	}

	/** What the rule must refuse. */
	static class FormatsItsSql {

		long count(JdbcClient jdbc, long unit) {
			return jdbc.sql("select count(*) from person where unit_id = %s".formatted(unit)).query(Long.class).single();
		}

	}

}
