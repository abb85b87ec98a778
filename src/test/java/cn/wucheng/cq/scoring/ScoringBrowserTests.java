package cn.wucheng.cq.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * The legal section's journey through the points pages in a real browser at 1366×768, on the small example bureau:
 * the score list (period selector submits by itself, sort by total), a breakdown, the ranking with its chart drawn in
 * every tab, the settings and deduction catalogue pages — no console error, no CSP violation, no page wider than the
 * window. Screenshots go to target/screenshots/. Skipped when no Chromium is installed unless CQ_BROWSER_REQUIRED=true.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=small-bureau", "CQ_LEGAL_PASSWORD=Browser-Test-Pass-2" })
class ScoringBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void start() throws Exception {
		SmallBureauCsv.loadOnce(jdbc); // shared, read only: see SmallBureauCsv.loadOnce
		Browser.logIn(browser, url(""), "legal", "Browser-Test-Pass-2");
	}

	@Test
	void theLegalSectionChoosesAPeriodSortsByTotalAndOpensABreakdown() throws Exception {
		browser.get(url("/scores"));
		// issue 13: the quarter of the latest filing (2024-12-25), not 2025-Q2 where only late filings concluded
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("2024年第4季度积分");
		new Select(browser.findElement(By.id("period"))).selectByValue("2024-Q1");
		await(d -> d.getCurrentUrl().contains("period=2024-Q1"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("2024年第1季度积分");
		assertThat(browser.findElements(By.cssSelector("#scores-table tbody tr"))).hasSize(93);

		browser.findElement(By.cssSelector("#scores-table thead a[href*='sort=total']")).click();
		await(d -> d.getCurrentUrl().contains("sort=total"));
		List<WebElement> first = browser.findElements(By.cssSelector("#scores-table tbody tr")).get(0)
			.findElements(By.tagName("td"));
		assertThat(first.get(0).getText()).isEqualTo("WC0028");
		assertThat(first.get(9).getText()).isEqualTo("17.75");
		fitsTheWindow();
		screenshot("scores");

		first.get(10).findElement(By.tagName("a")).click();
		await(d -> d.getCurrentUrl().contains("/scores/WC0028"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("WC0028", "2024年第1季度积分明细");
		assertThat(browser.findElement(By.cssSelector("#breakdown-items tfoot")).getText()).contains("17.75");
		fitsTheWindow();
		screenshot("breakdown");
		assertThat(severeConsoleMessages()).isEmpty();
	}

	@Test
	void theRankingDrawsAChartInEveryCategoryTab() throws Exception {
		browser.get(url("/rankings?period=2024-Q1"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("2024年第1季度排名");
		await(d -> !d.findElements(By.cssSelector("#cat-DIRECT_SQUAD .ranking-chart canvas")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("#cat-DIRECT_SQUAD .best-handler"))).hasSize(3);
		fitsTheWindow();
		screenshot("rankings");
		browser.findElement(By.cssSelector("button[data-bs-target='#cat-CLASS2_SQUAD']")).click();
		await(d -> d.findElement(By.id("cat-CLASS2_SQUAD")).isDisplayed());
		WebElement canvas = browser.findElement(By.cssSelector("#cat-CLASS2_SQUAD .ranking-chart canvas"));
		await(d -> canvas.getSize().getWidth() > 100);
		screenshot("rankings-class2");
		assertThat(severeConsoleMessages()).isEmpty();
	}

	@Test
	void theSettingsAndTheDeductionCataloguePagesFitTheWindow() throws Exception {
		browser.get(url("/settings"));
		// one row per rule setting, whatever the rules' readings add
		assertThat(browser.findElements(By.cssSelector("#settings-table tbody tr")))
			.hasSize(cn.wucheng.cq.settings.RuleSetting.values().length);
		fitsTheWindow();
		screenshot("settings");
		browser.get(url("/deduction-items"));
		assertThat(browser.findElements(By.cssSelector("#deduction-items tbody tr"))).isNotEmpty();
		fitsTheWindow();
		screenshot("deduction-items");
		assertThat(severeConsoleMessages()).isEmpty();
	}

	private void fitsTheWindow() {
		Number scroll = (Number) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth;");
		assertThat(scroll.intValue()).as("page width at 1366×768").isLessThanOrEqualTo(1366);
	}

	private List<String> severeConsoleMessages() {
		return Browser.severeConsoleMessages(browser);
	}

}
