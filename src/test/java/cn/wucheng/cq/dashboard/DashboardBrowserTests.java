package cn.wucheng.cq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.scoring.SmallBureauCsv;
import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * The leadership dashboard in a real browser at 1366×768 on the small example bureau: the charts are drawn, a click
 * on the first points leader's bar opens his breakdown (drill-down), the quarter picker works, the page fits the
 * window and logs no error. Skipped without Chromium unless CQ_BROWSER_REQUIRED=true.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=small-bureau", "CQ_LEGAL_PASSWORD=Browser-Test-Pass-2" })
class DashboardBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void start() throws Exception {
		SmallBureauCsv.loadOnce(jdbc); // shared, read only: see SmallBureauCsv.loadOnce
		Browser.logIn(browser, url(""), "legal", "Browser-Test-Pass-2");
	}

	@Test
	void theLegalSectionReadsTheQuarterAndDrillsDownFromAChartBarToTheLeadersBreakdown() {
		browser.get(url("/dashboard"));
		new Select(browser.findElement(By.id("dashboard-quarter"))).selectByValue("2024-Q1");
		browser.findElement(By.cssSelector("#dashboard-filter button[type=submit]")).click();
		await(d -> d.getCurrentUrl().contains("quarter=2024-Q1"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("2024年第1季度看板");
		await(d -> !d.findElements(By.cssSelector("#leaders-chart canvas")).isEmpty()
				&& !d.findElements(By.cssSelector("#squads-chart canvas")).isEmpty());
		WebElement first = browser.findElements(By.cssSelector("#leaders-table tr.leader-row")).get(0);
		String href = first.getDomAttribute("data-href");
		assertThat(href).startsWith("/scores/").endsWith("period=2024-Q1");
		assertThat(browser.findElements(By.cssSelector("#squads-table tr.squad-row"))).isNotEmpty();
		fitsTheWindow();
		Browser.screenshot(browser, "dashboard");

		// Click the middle of the first leader's bar, where the chart itself says it is drawn.
		WebElement canvas = browser.findElement(By.cssSelector("#leaders-chart canvas"));
		// Offsets count from the element's in-view centre: bring the whole chart into view first.
		// (instantly: Bootstrap makes scrolling smooth, and an animated scroll would move the bar under the pointer)
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({behavior: 'instant', block: 'center'});", canvas);
		@SuppressWarnings("unchecked")
		java.util.List<Number> at = (java.util.List<Number>) ((JavascriptExecutor) browser).executeScript("""
				var chart = echarts.getInstanceByDom(document.getElementById('leaders-chart'));
				var value = chart.getOption().series[0].data[0];
				return chart.convertToPixel({ seriesIndex: 0 }, [value / 2, 0]);""");
		new Actions(browser).moveToElement(canvas, at.get(0).intValue() - canvas.getSize().getWidth() / 2,
				at.get(1).intValue() - canvas.getSize().getHeight() / 2).click().perform();
		await(d -> d.getCurrentUrl().endsWith(href));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("2024年第1季度积分明细");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

	private void fitsTheWindow() {
		Number scroll = (Number) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth;");
		assertThat(scroll.intValue()).as("page width at 1366×768").isLessThanOrEqualTo(1366);
	}

}
