package cn.wucheng.cq.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs the test classes that share a Spring context one after the other (issue 15). Spring keeps at most 32 contexts
 * in its test cache and evicts the least recently used; run in the order of the file system, the suite's 63 distinct
 * contexts evicted each other and five were started twice (68 starts, each with a new database; measured 2026-12-07).
 * Grouped, each is started once, however many contexts the suite comes to have. The key is the one the cache itself uses, the test class's merged context
 * configuration; classes without Spring run first, groups in the order their first class would have run, classes
 * within a group in their usual order. Set as the default class order in {@code junit-platform.properties}.
 * <p>
 * Groups with a browser test come before all others (issue 15 item 7): the browser classes run one at a time in the
 * JVM's one Chromium ({@link SharedContextLock}), about 300 s of a run, the longest chain of the suite. In file order
 * the chain began a minute into the run and its last classes ran alone while the other thread had nothing left
 * (measured on main, 2026-12-07: the last 45 s before the {@code @Isolated} classes were browser classes one after
 * the other); begun first, the other thread does every other class beside it.
 */
public final class SpringContextOrder implements ClassOrderer {

	static final Object NO_SPRING = new Object();

	@Override
	public void orderClasses(ClassOrdererContext context) {
		List<? extends ClassDescriptor> classes = context.getClassDescriptors();
		Map<Object, Integer> groups = new HashMap<>();
		groups.put(NO_SPRING, 0);
		Map<ClassDescriptor, Object> keys = new HashMap<>();
		Map<ClassDescriptor, Integer> group = new HashMap<>();
		Map<ClassDescriptor, Integer> position = new HashMap<>();
		Set<Object> withBrowser = new HashSet<>();
		List<? extends ClassDescriptor> before = new ArrayList<>(classes);
		for (int i = 0; i < before.size(); i++) {
			ClassDescriptor d = before.get(i);
			Object key = key(d.getTestClass());
			keys.put(d, key);
			group.put(d, groups.computeIfAbsent(key, k -> groups.size()));
			position.put(d, i);
			if (SharedContextLock.usesTheBrowser(d.getTestClass())) {
				withBrowser.add(key);
			}
		}
		classes.sort(Comparator.<ClassDescriptor>comparingInt(d -> withBrowser.contains(keys.get(d)) ? 0 : 1)
			.thenComparingInt(group::get)
			.thenComparingInt(position::get));
	}

	/** The class's context as the context cache tells contexts apart, or {@link #NO_SPRING}. */
	static Object key(Class<?> testClass) {
		MergedAnnotations annotations = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY);
		if (!annotations.isPresent(BootstrapWith.class) && !annotations.isPresent(ContextConfiguration.class)) {
			return NO_SPRING;
		}
		try {
			return BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
		}
		catch (RuntimeException e) {
			return testClass; // left where it is; the test itself will report what is wrong
		}
	}

}
