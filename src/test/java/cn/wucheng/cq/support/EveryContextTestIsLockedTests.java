package cn.wucheng.cq.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Test classes run two at a time (issue 15, {@code junit-platform.properties}); what keeps two classes off one Spring
 * context (its database, clock and caches) and off the one browser is {@link SharedContextLock}. A Spring test class
 * without it would run beside the other classes of its context and see their rows come and go.
 */
class EveryContextTestIsLockedTests {

	@Test
	void everySpringTestClassDeclaresTheSharedContextLock() throws Exception {
		List<String> unlocked = new ArrayList<>();
		int springClasses = 0;
		for (Class<?> test : testClasses()) {
			if (test.getEnclosingClass() == EveryContextTestIsLockedTests.class
					|| Modifier.isAbstract(test.getModifiers()) || test.isInterface() || test.isAnnotation()
					|| !(AnnotationSupport.isAnnotated(test, BootstrapWith.class)
							|| AnnotationSupport.isAnnotated(test, ContextConfiguration.class))) {
				continue;
			}
			springClasses++;
			boolean locked = AnnotationSupport.findRepeatableAnnotations(test, ResourceLock.class)
				.stream()
				.anyMatch(lock -> List.of(lock.providers()).contains(SharedContextLock.class));
			if (!locked) {
				unlocked.add(test.getName());
			}
		}
		assertThat(springClasses).as("Spring test classes found (a self-check of this test)").isGreaterThan(50);
		assertThat(unlocked).as("Spring test classes without @ResourceLock(providers = SharedContextLock.class)")
			.isEmpty();
	}

	/** The compiled test classes (the directory this class was loaded from), by name: most are loaded already. */
	private static List<Class<?>> testClasses() throws Exception {
		Path root = Path.of(EveryContextTestIsLockedTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<Class<?>> classes = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root.resolve("cn"))) {
			for (Path file : files.filter(f -> f.toString().endsWith("Tests.class")).toList()) {
				String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
				classes.add(Class.forName(name, false, EveryContextTestIsLockedTests.class.getClassLoader()));
			}
		}
		return classes;
	}

	@Test
	void classesOfOneContextShareALockAndBrowserClassesShareTheBrowser() throws ClassNotFoundException {
		SharedContextLock provider = new SharedContextLock();
		assertThat(provider.provideForClass(EveryContextTestIsLockedTests.class)).as("a class without Spring")
			.isEmpty();
		assertThat(provider.provideForClass(SameContextA.class)).isEqualTo(provider.provideForClass(SameContextB.class))
			.hasSize(1);
		assertThat(provider.provideForClass(OtherContext.class))
			.doesNotContainAnyElementsOf(provider.provideForClass(SameContextA.class));
		assertThat(provider.provideForClass(Class.forName("cn.wucheng.cq.journeys.MainJourneyBrowserTests")))
			.extracting(lock -> lock.getKey())
			.contains(SharedContextLock.BROWSER)
			.hasSize(2);
	}

	@org.springframework.boot.test.context.SpringBootTest(properties = "cq.test.context=lock-check-a")
	static class SameContextA {

	}

	@org.springframework.boot.test.context.SpringBootTest(properties = "cq.test.context=lock-check-a")
	static class SameContextB {

	}

	@org.springframework.boot.test.context.SpringBootTest(properties = "cq.test.context=lock-check-b")
	static class OtherContext {

	}

}
