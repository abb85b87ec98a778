package cn.wucheng.cq.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver) for every browser test, at 1366x768, with the
 * browser console recorded so a test can assert that no page logged an error.
 * Without Chromium the journeys are skipped with a clear message — unless {@code cq.browser.required=true}
 * (set by .ci/run), where a missing browser fails the build.
 */
public final class Browser {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	/** How long finding an element waits for it to appear (htmx swaps, page loads). */
	private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

	/**
	 * How often a {@link #waitFor} wait asks again. 50 ms was tried: each ask is a round trip through chromedriver into
	 * Chromium on the two cores the awaited page needs, and the suite took a minute longer (README, Tests).
	 */
	static final Duration POLL = Duration.ofMillis(500);

	private Browser() {
	}

	public static WebDriver start() {
		boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
		boolean required = Boolean.parseBoolean(System.getProperty("cq.browser.required", "false"));
		if (!present) {
			if (required) {
				throw new IllegalStateException("浏览器测试为必需项，但未找到 " + CHROMIUM + " 或 " + CHROMEDRIVER
						+ "（apt-get install chromium chromium-driver fonts-wqy-zenhei）");
			}
			Assumptions.abort("Chromium not installed (apt-get install chromium chromium-driver fonts-wqy-zenhei): "
					+ "browser journeys skipped");
		}
		try {
			Path profile = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--lang=zh-CN", "--window-size=1366,768", "--user-data-dir=" + profile);
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
				.usingAnyFreePort()
				.build();
			WebDriver driver = new ChromeDriver(service, options);
			driver.manage().window().setSize(new Dimension(1366, 768));
			driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
			return driver;
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Puts a browser used by an earlier test class back to how {@link #start()} left it: no cookies of any port (a
	 * session of the same server would otherwise still be signed in), no dialog open, desktop size, the console
	 * drained, a blank page. A browser that no longer answers is replaced.
	 */
	static WebDriver fresh(WebDriver driver) {
		try {
			try {
				driver.switchTo().alert().dismiss();
			}
			catch (org.openqa.selenium.NoAlertPresentException none) {
				// the usual case
			}
			driver.get("about:blank");
			((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Network.clearBrowserCookies",
					java.util.Map.of());
			driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
			desktop(driver);
			severeConsoleMessages(driver);
			return driver;
		}
		catch (org.openqa.selenium.WebDriverException gone) {
			try {
				driver.quit();
			}
			catch (org.openqa.selenium.WebDriverException ignored) {
				// already gone
			}
			return start();
		}
	}

	/**
	 * The elements found at once, without the implicit wait: for asserting that something is <em>not</em> on the
	 * page, which would otherwise always wait the full implicit wait before answering "none".
	 */
	public static List<org.openqa.selenium.WebElement> findNow(org.openqa.selenium.SearchContext where, By by,
			WebDriver driver) {
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		try {
			return where.findElements(by);
		}
		finally {
			driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
		}
	}

	/** {@link #findNow(org.openqa.selenium.SearchContext, By, WebDriver)} on the whole page. */
	public static List<org.openqa.selenium.WebElement> findNow(WebDriver driver, By by) {
		return findNow(driver, by, driver);
	}

	/**
	 * Signs in on the login page at {@code baseUrl} and waits until the browser has left it (the home page, or the
	 * page a user must see first, such as the forced password change).
	 */
	public static void logIn(WebDriver driver, String baseUrl, String username, String password) {
		driver.get(baseUrl + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		Browser.waitFor(driver, Duration.ofSeconds(20))
			// a sign-in that stays on the login page says why there (a refusal, a lock): keep it in the failure
			.withMessage(() -> "the sign-in of " + username + " stayed on " + driver.getCurrentUrl() + ", which shows: "
					+ pageText(driver))
			.until(d -> !d.getCurrentUrl().contains("/login"));
	}

	/** The visible text of the page, shortened, for a failure message; what went wrong reading it otherwise. */
	private static String pageText(WebDriver driver) {
		try {
			String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ").strip();
			return text.length() > 500 ? text.substring(0, 500) + "…" : text;
		}
		catch (RuntimeException e) {
			return "(unreadable: " + e + ")";
		}
	}

	/**
	 * The console messages at level SEVERE since the last call (script errors, CSP violations, failed requests),
	 * except a missing favicon.ico, which says nothing about the page.
	 */
	public static List<String> severeConsoleMessages(WebDriver driver) {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(m -> !m.contains("favicon.ico"))
			.toList();
	}

	/** The window of a desktop user (issue 13: pages must work at 1366x768). */
	public static void desktop(WebDriver driver) {
		driver.manage().window().setSize(new Dimension(1366, 768));
	}

	/** The window of a phone (issue 13: every page usable at 390 px wide; 390x844 as an iPhone 12-15). */
	public static void phone(WebDriver driver) {
		driver.manage().window().setSize(new Dimension(390, 844));
	}

	/** How wide the page's content is in CSS pixels (wider than the window means sideways scrolling). */
	public static long pageWidth(WebDriver driver) {
		return ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth;")).longValue();
	}

	/**
	 * Waits up to 20 s for a condition, ignoring an element that htmx replaced between finding and reading it (a stale
	 * element is the swap the test is waiting for, not a failure).
	 */
	public static void await(WebDriver driver, java.util.function.Function<WebDriver, Boolean> condition) {
		waitFor(driver, Duration.ofSeconds(20)).until(condition::apply);
	}

	/**
	 * A wait of at most {@code timeout} that asks every {@link #POLL} (Selenium's default, 500 ms, made each wait for
	 * an htmx swap or a page load last half a second on average after the page was ready; issue 15 item 7) and ignores
	 * an element htmx replaced between finding and reading it.
	 */
	public static WebDriverWait waitFor(WebDriver driver, Duration timeout) {
		WebDriverWait wait = new WebDriverWait(driver, timeout);
		wait.pollingEvery(POLL).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		return wait;
	}

	/** Saves a screenshot under target/screenshots for a person to look at. */
	public static void screenshot(WebDriver driver, String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
