package cn.wucheng.cq.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.springframework.util.ReflectionUtils;

/**
 * One headless Chromium per test JVM (issue 15: starting one takes a second or two, and there are twenty browser test
 * classes), kept in JUnit's root store so that it is quit when the run ends. A test class with
 * {@code @ExtendWith(SharedBrowser.class)} (every {@link BrowserTest}) gets it in its {@code WebDriver} field, made
 * fresh by {@link Browser#fresh}: no cookies, dialog or console messages of the tests before, desktop size. A class
 * with one instance for all its tests gets it before its {@code @BeforeAll} methods, one with an instance per test
 * before each test. Without Chromium the test is skipped, or fails where browsers are required
 * ({@link Browser#start()}).
 */
public final class SharedBrowser implements BeforeAllCallback, BeforeEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBrowser.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		if (context.getTestInstanceLifecycle().orElse(null) == TestInstance.Lifecycle.PER_CLASS) {
			inject(context, context.getRequiredTestInstance());
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (context.getTestInstanceLifecycle().orElse(null) != TestInstance.Lifecycle.PER_CLASS) {
			inject(context, context.getRequiredTestInstance());
		}
	}

	private static void inject(ExtensionContext context, Object test) {
		WebDriver driver = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Holder.class).fresh();
		boolean[] set = new boolean[1];
		ReflectionUtils.doWithFields(test.getClass(), field -> {
			ReflectionUtils.makeAccessible(field);
			field.set(test, driver);
			set[0] = true;
		}, (Field field) -> field.getType() == WebDriver.class && !Modifier.isStatic(field.getModifiers()));
		if (!set[0]) {
			throw new IllegalStateException(test.getClass() + " has no WebDriver field for the shared browser");
		}
	}

	/** The JVM's browser; JUnit closes it with its root store at the end of the run. */
	static final class Holder implements AutoCloseable {

		private WebDriver driver;

		synchronized WebDriver fresh() {
			driver = driver == null ? Browser.start() : Browser.fresh(driver);
			return driver;
		}

		@Override
		public synchronized void close() {
			if (driver != null) {
				driver.quit();
				driver = null;
			}
		}

	}

}
