package cn.wucheng.cq.demo;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The test context of the demo bureau (issue 15): the classes that read the loaded demo — every menu page for every
 * role, the bureau's words on every page, the demo journey in the browser — share one Spring context and one load of
 * the demo (4–5 s each) instead of three. They all fix today at {@link #TODAY}, so the demo is of 2025 whoever loads
 * it, and they only read it (besides accounts and audit rows of their own). Each class declares
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties = { NAME, PASSWORD, LOGGING })},
 * {@code @Import(TestClock.Config.class)} and {@code @AutoConfigureMockMvc}: any other combination is another context.
 */
public final class DemoContext {

	public static final String NAME = "cq.test.context=demo";

	/** The bootstrap's {@code legal} account signs in with this password (the browser journey). */
	public static final String LEGAL_PASSWORD = "Demo-Browser-Pass-1";

	public static final String PASSWORD = "CQ_LEGAL_PASSWORD=" + LEGAL_PASSWORD;

	/** The demo load says what it loaded (EveryMenuPageForEveryRoleTests prints its time). */
	public static final String LOGGING = "logging.level.cn.wucheng.cq.demo=INFO";

	/** The demo is of last year: today is fixed so the demo year is 2025 whatever the wall clock says. */
	public static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 3, 2);

	/** The outcome of the one load per context (its loader), for each class to check. */
	private static final Map<DemoLoader, DemoLoader.Outcome> loaded = new IdentityHashMap<>();

	private DemoContext() {
	}

	/** Loads the demo into this context's database unless a class before did; the outcome of that one load. */
	public static synchronized DemoLoader.Outcome loadOnce(DemoLoader loader) {
		return loaded.computeIfAbsent(loader, DemoLoader::load);
	}

}
