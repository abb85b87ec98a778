package cn.wucheng.cq.support;

import java.time.LocalDateTime;
import java.util.function.Function;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The base of the browser tests (issue 15): the application on a random port in the browser tests' shared context
 * ({@code cq.test.context=browser}, the bootstrap's {@code legal} account signing in with {@link #LEGAL_PASSWORD}),
 * one headless Chromium for the whole test JVM ({@link Browser#start()}, quit when the run ends) handed to each class
 * as {@link #browser} without cookies, dialog or console messages of the class before and at desktop size, and the
 * helpers every journey used to repeat. A class that needs other settings declares its own {@code @SpringBootTest}
 * (and so its own context) and keeps the rest. Tests that share the context share its database: each class uses its
 * own units, people and case numbers.
 */
@Tag("browser")
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=browser", "CQ_LEGAL_PASSWORD=" + BrowserTest.LEGAL_PASSWORD })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedBrowser.class)
public abstract class BrowserTest {

	/** The password of the bootstrap's {@code legal} account in the shared browser context. */
	public static final String LEGAL_PASSWORD = "Browser-Test-Pass-1";

	@LocalServerPort
	protected int port;

	/** The JVM's Chromium, fresh for this class (set before the class's own {@code @BeforeAll} methods run). */
	protected WebDriver browser;

	/** The address of {@code path} on this class's application. */
	protected String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/** Signs in on this application's login page ({@link Browser#logIn}). */
	protected void logIn(String username, String password) {
		Browser.logIn(browser, url(""), username, password);
	}

	/** Signs out by forgetting the session: a journey that failed midway leaves nobody signed in for the next. */
	protected void signOut() {
		if (browser.getCurrentUrl().startsWith("http")) {
			browser.manage().deleteAllCookies();
		}
	}

	/** Waits up to 20 s for {@code condition} ({@link Browser#await}). */
	protected void await(Function<WebDriver, Boolean> condition) {
		Browser.await(browser, condition);
	}

	/** Saves target/screenshots/{@code name}.png. */
	protected void screenshot(String name) {
		Browser.screenshot(browser, name);
	}

	/**
	 * Clicks {@code element} after scrolling it instantly to the middle of the window: under smooth scrolling a native
	 * click landed where the element was still moving to.
	 */
	protected void click(WebElement element) {
		((JavascriptExecutor) browser).executeScript(
				"arguments[0].scrollIntoView({behavior: 'instant', block: 'center'}); arguments[0].click();", element);
	}

	/** An account of the journey's own, signed in with the password whose hash is given, no change of it required. */
	protected static void account(JdbcClient jdbc, String passwordHash, String username, String role, Long unitId,
			Long personId) {
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, unit_id, person_id,
				  must_change_password, password_changed_at, created_at)
				values (?, ?, ?, ?, ?, ?, false, ?, ?)""")
			.params(username, passwordHash, username, role, unitId, personId, LocalDateTime.now(), LocalDateTime.now())
			.update();
	}

}
