package cn.wucheng.cq.cases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Every request handler of every module states the roles it allows, on the method or on its controller (issue 16
 * added pages in the dashboard, imports and security modules; the rule was the organisation's and cases' only). The
 * few that every signed-in account or nobody must reach are named here, with where their guard is instead.
 */
@Tag("nodb")
class PageSecurityRulesTests {

	/**
	 * Guarded by SecurityConfig's URL rules, not by a role: the sign-in page (anonymous), and the steps every signed-in
	 * account must be able to take whatever its role — changing its password, enrolling and giving its second factor.
	 */
	static final Set<String> OPEN_TO_EVERY_ACCOUNT = Set.of("cn.wucheng.cq.web.HomeController.login",
			"cn.wucheng.cq.security.internal.PasswordController.form",
			"cn.wucheng.cq.security.internal.PasswordController.change",
			"cn.wucheng.cq.security.internal.SecondFactorController.page",
			"cn.wucheng.cq.security.internal.SecondFactorController.enrol",
			"cn.wucheng.cq.security.internal.SecondFactorController.verify");

	@Test
	void everyRequestHandlerOfEveryModuleStatesItsRolesOnItselfOrItsController() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.wucheng.cq");
		methods().that(handlers())
			.and(DescribedPredicate.describe("not open to every account",
					(JavaMethod m) -> !OPEN_TO_EVERY_ACCOUNT.contains(m.getFullName().replaceAll("\\(.*", ""))))
			.should(new ArchCondition<JavaMethod>("be @PreAuthorize'd, or its controller") {
				@Override
				public void check(JavaMethod m, ConditionEvents events) {
					boolean guarded = m.isAnnotatedWith(PreAuthorize.class)
							|| m.getOwner().isAnnotatedWith(PreAuthorize.class);
					events.add(new SimpleConditionEvent(m, guarded, m.getFullName() + " states no roles"));
				}
			})
			.check(classes);
	}

	@Test
	void theOpenHandlersStillExistSoTheListCannotGoStale() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.wucheng.cq");
		var found = classes.stream()
			.flatMap(c -> c.getMethods().stream())
			.filter(handlers())
			.map(m -> m.getFullName().replaceAll("\\(.*", ""))
			.toList();
		org.assertj.core.api.Assertions.assertThat(found).containsAll(OPEN_TO_EVERY_ACCOUNT);
	}

	private static DescribedPredicate<JavaMethod> handlers() {
		return DescribedPredicate.describe("request handlers of a controller", (JavaMethod m) ->
				(m.getOwner().isAnnotatedWith(Controller.class) || m.getOwner().isAnnotatedWith(RestController.class))
						&& (m.isAnnotatedWith(GetMapping.class) || m.isAnnotatedWith(PostMapping.class)
								|| m.isAnnotatedWith(PutMapping.class) || m.isAnnotatedWith(DeleteMapping.class)
								|| m.isAnnotatedWith(RequestMapping.class)));
	}

}
