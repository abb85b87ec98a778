package cn.wucheng.cq.cases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Every request handler of the organisation and cases pages states the roles it allows. */
@Tag("nodb")
class PageSecurityRulesTests {

	@Test
	void everyControllerMethodOfOrganisationAndCasesIsPreAuthorized() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.wucheng.cq.organisation", "cn.wucheng.cq.cases");
		methods().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(Controller.class)
			.and()
			.areAnnotatedWith(GetMapping.class)
			.or()
			.areAnnotatedWith(PostMapping.class)
			.or()
			.areAnnotatedWith(RequestMapping.class)
			.should()
			.beAnnotatedWith(PreAuthorize.class)
			.check(classes);
	}

}
