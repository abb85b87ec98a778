package cn.wucheng.cq.scoring.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * The legal section's journey in a real browser at 1366×768: sign in, read the standards of a quarter, filter the
 * officers below the standard, open the coverage page and see the ECharts chart drawn (no CSP violation, no script
 * error). Screenshots go to target/screenshots/ for review. Skipped when no Chromium is installed unless
 * CQ_BROWSER_REQUIRED=true.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=small-bureau-standards", "CQ_LEGAL_PASSWORD=Browser-Test-Pass-1" })
@AutoConfigureMockMvc // the context of SmallBureauStandardsAndCoverageApiTests, which reads the same bureau
class StandardsAndCoverageBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void start() throws Exception {
		// read only here and in SmallBureauStandardsAndCoverageApiTests (the same context): whichever runs first loads it
		if (jdbc.sql("select count(*) from unit where name = '城东中队'").query(Integer.class).single() == 0) {
			SmallBureauLoader.loadSmall(jdbc);
		}
		Browser.logIn(browser, url(""), "legal", "Browser-Test-Pass-1");
	}

	@Test
	void theLegalSectionReadsTheStandardsOfAQuarterAndFiltersThoseBelowIt() throws Exception {
		browser.get(url("/standards?period=2024-Q2"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("2024年第2季度");
		assertThat(browser.findElements(By.cssSelector("#standards-table tbody tr"))).hasSizeGreaterThan(50);
		screenshot("standards");

		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-status"))).selectByValue("NOT_MET");
		browser.findElement(By.cssSelector("#standards-filter button[type=submit]")).click();
		Browser.waitFor(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("status=NOT_MET"));
		List<WebElement> rows = browser.findElements(By.cssSelector("#standards-table tbody tr[data-status]"));
		assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.getAttribute("data-status")).isEqualTo("NOT_MET"));
		assertThat(severeConsoleMessages()).isEmpty();
	}

	@Test
	void theCoveragePageDrawsTheChartOfCoveredDomainsAgainstTargets() throws Exception {
		browser.get(url("/coverage?year=2024&asOf=2024-09-30"));
		assertThat(browser.findElements(By.cssSelector("#coverage-table tr.coverage-row"))).hasSize(6);
		Browser.waitFor(browser, Duration.ofSeconds(20))
			.until(d -> !d.findElements(By.cssSelector("#coverage-chart canvas")).isEmpty());
		screenshot("coverage");
		assertThat(severeConsoleMessages()).isEmpty();
	}

	private List<String> severeConsoleMessages() {
		return Browser.severeConsoleMessages(browser);
	}

}
