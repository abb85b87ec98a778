package cn.wucheng.cq.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * The legal section's main journey of issue 2 in a real browser at 1366x768: log in, import the example bureau's six
 * lists from the import page, open the quarter's ranking, and open one officer's breakdown from it — the points on
 * the ranking are the points the breakdown explains.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=main-journey", "CQ_LEGAL_PASSWORD=" + MainJourneyBrowserTests.PASSWORD })
class MainJourneyBrowserTests extends BrowserTest {

	static final String PASSWORD = "Journey-Pass-2024";

	private static final List<String> LISTS = List.of("domains", "units", "people", "cases", "deductions", "awards");

	@BeforeAll
	void openBrowser() {
	}

	@Test
	void theLegalSectionImportsTheBureauThenReadsTheRankingAndAnOfficersBreakdown() throws Exception {
		browser.get(url("/"));
		assertThat(browser.getCurrentUrl()).as("anonymous users are sent to the login page").contains("/login");
		browser.findElement(By.id("username")).sendKeys("legal");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitUntil(d -> !d.getCurrentUrl().contains("/login"));

		browser.get(url("/imports"));
		Path dir = Files.createDirectories(Path.of("target", "journey-files"));
		for (String list : LISTS) {
			Path file = dir.resolve(list + ".csv");
			try (var in = getClass().getResourceAsStream("/examples/small/" + list + ".csv")) {
				Files.write(file, in.readAllBytes());
			}
			new Select(browser.findElement(By.id("import-kind"))).selectByValue(list);
			browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
			browser.findElement(By.id("import-submit")).click();
			WebElement created = waitUntil(d -> d.findElements(By.id("import-created"))
				.stream()
				.filter(e -> !e.getText().isBlank())
				.findFirst()
				.orElse(null));
			assertThat(Browser.findNow(browser, By.id("import-errors"))).as(list).isEmpty();
			if (!list.equals("domains")) { // the 30 catalogue domains exist from the start: unchanged
				assertThat(Integer.parseInt(created.getText().replaceAll("\\D", ""))).as(list).isPositive();
			}
			Browser.screenshot(browser, "journey-import-" + list);
			browser.get(url("/imports"));
		}

		browser.get(url("/rankings?period=2024-Q1"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("2024年第1季度排名");
		WebElement direct = browser.findElement(By.id("cat-DIRECT_SQUAD"));
		assertThat(direct.findElements(By.cssSelector(".best-handler"))).as("R-31: 10% of 29, rounded, = 3 places")
			.hasSize(3);
		WebElement first = direct.findElements(By.cssSelector("tbody tr")).get(0);
		String total = first.findElements(By.tagName("td")).get(4).getText();
		assertThat(total).isEqualTo("17.75");
		Browser.screenshot(browser, "journey-rankings");

		first.findElement(By.cssSelector("a[href*='/scores/']")).click();
		waitUntil(d -> d.getCurrentUrl().contains("/scores/WC0028"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("WC0028");
		assertThat(browser.findElement(By.cssSelector("#breakdown-items tfoot")).getText()).contains(total);
		assertThat(browser.findElements(By.cssSelector("#breakdown-items tbody tr"))).as("R-25: every item listed")
			.hasSizeGreaterThan(1);
		Browser.screenshot(browser, "journey-breakdown");
	}

	private <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
		return Browser.waitFor(browser, Duration.ofSeconds(60)).until(condition);
	}

}
