package cn.wucheng.cq.scoring.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The legal section's journey in a real browser at 1366×768: sign in, read the standards of a quarter, filter the
 * officers below the standard, open the coverage page and see the ECharts chart drawn (no CSP violation, no script
 * error). Screenshots go to target/screenshots/ for review. Skipped when no Chromium is installed unless
 * CQ_BROWSER_REQUIRED=true.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=standards-browser", "CQ_LEGAL_PASSWORD=Browser-Test-Pass-1" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandardsAndCoverageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WebDriver browser;

	@BeforeAll
	void start() throws Exception {
		boolean present = new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute();
		assumeTrue(present || "true".equals(System.getProperty("cq.browser.required")), "no Chromium here");
		SmallBureauLoader.loadSmall(jdbc);
		Path profile = Files.createTempDirectory(Path.of("target"), "chrome-profile");
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--user-data-dir=" + profile.toAbsolutePath());
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().window().setSize(new Dimension(1366, 768));
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("legal");
		browser.findElement(By.id("password")).sendKeys("Browser-Test-Pass-1");
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	@AfterAll
	void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theLegalSectionReadsTheStandardsOfAQuarterAndFiltersThoseBelowIt() throws Exception {
		browser.get(url("/standards?period=2024-Q2"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("2024年第2季度");
		assertThat(browser.findElements(By.cssSelector("#standards-table tbody tr"))).hasSizeGreaterThan(50);
		screenshot("standards");

		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-status"))).selectByValue("NOT_MET");
		browser.findElement(By.cssSelector("#standards-filter button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("status=NOT_MET"));
		List<WebElement> rows = browser.findElements(By.cssSelector("#standards-table tbody tr[data-status]"));
		assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.getAttribute("data-status")).isEqualTo("NOT_MET"));
		assertThat(severeConsoleMessages()).isEmpty();
	}

	@Test
	void theCoveragePageDrawsTheChartOfCoveredDomainsAgainstTargets() throws Exception {
		browser.get(url("/coverage?year=2024&asOf=2024-09-30"));
		assertThat(browser.findElements(By.cssSelector("#coverage-table tr.coverage-row"))).hasSize(6);
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(d -> !d.findElements(By.cssSelector("#coverage-chart canvas")).isEmpty());
		screenshot("coverage");
		assertThat(severeConsoleMessages()).isEmpty();
	}

	private List<String> severeConsoleMessages() {
		return browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			// The app has no favicon yet (not part of this module).
			.filter(m -> !m.contains("favicon.ico"))
			.toList();
	}

	private void screenshot(String name) throws Exception {
		File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
