package cn.wucheng.cq.support;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What a Spring test class shares with others, as JUnit resource locks (issue 15): test classes run two at a time
 * ({@code junit-platform.properties}), but never two classes on one Spring context (they share its database, its
 * {@link TestClock} and its caches) and never two classes in the one Chromium ({@link SharedBrowser}). Declared on
 * every {@code @SpringBootTest} class (inherited by subclasses); {@code EveryContextTestIsLockedTests} checks it.
 */
public final class SharedContextLock implements ResourceLocksProvider {

	/** The lock of the one Chromium a test JVM keeps. */
	static final String BROWSER = "cq.browser";

	@Override
	public Set<Lock> provideForClass(Class<?> testClass) {
		Set<Lock> locks = new HashSet<>();
		Object key = SpringContextOrder.key(testClass);
		if (key != SpringContextOrder.NO_SPRING) {
			locks.add(new Lock(name(key)));
		}
		if (usesTheBrowser(testClass)) {
			locks.add(new Lock(BROWSER));
		}
		return locks;
	}

	/** The lock's name for a context: contexts the cache tells apart get different names (a collision only serialises). */
	static String name(Object contextKey) {
		return "cq.context." + Integer.toHexString(contextKey.hashCode());
	}

	static boolean usesTheBrowser(Class<?> testClass) {
		return BrowserTest.class.isAssignableFrom(testClass)
				|| AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class)
					.stream()
					.anyMatch(e -> java.util.Arrays.asList(e.value()).contains(SharedBrowser.class));
	}

}
