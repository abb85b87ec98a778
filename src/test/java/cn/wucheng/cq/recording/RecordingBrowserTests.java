package cn.wucheng.cq.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.Bureau;

/**
 * The legal section in a real browser at 1366×768: the compliance page's chart (recording.js, no inline script), a
 * click on a bar opening the gaps behind it, and a case's recording page where choosing "其他地点" shows the place
 * and body-camera fields. No horizontal scrolling, no console errors. Screenshots in target/screenshots/.
 */
class RecordingBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	long squad;

	long ordinary;

	@BeforeAll
	void start() {
		Bureau bureau = new Bureau(jdbc);
		squad = bureau.unit("网页记录中队", "直属中队");
		long a = bureau.officer("WRC-A", "网页记甲", squad);
		long b = bureau.officer("WRC-B", "网页记乙", squad);
		bureau.caseIn("WRC-S1", "简易程序", "市容环境卫生", squad, a, b, LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 5));
		bureau.caseIn("WRC-S2", "简易程序", "市容环境卫生", squad, a, b, LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 6));
		ordinary = bureau.caseIn("WRC-O1", "普通程序", "市容环境卫生", squad, a, b, LocalDate.of(2024, 3, 1),
				LocalDate.of(2024, 4, 2));
		Browser.logIn(browser, url(""), "legal", "Browser-Test-Pass-1");
	}

	@Test
	void aBarOfTheComplianceChartOpensTheGapsBehindIt() {
		browser.get(url("/recording/compliance?year=2024"));
		WebElement chart = browser.findElement(By.id("compliance-chart"));
		await(d -> !chart.findElements(By.tagName("canvas")).isEmpty());
		assertThat(horizontalOverflow()).isFalse();
		Browser.screenshot(browser, "recording-compliance");
		// the middle of this squad's R-50 bar (2 gaps), in pixels from the chart's top left
		@SuppressWarnings("unchecked")
		List<Number> xy = (List<Number>) ((JavascriptExecutor) browser).executeScript("""
				var unit = String(arguments[0]);
				var el = document.getElementById('compliance-chart');
				var rows = Array.prototype.slice.call(document.querySelectorAll('#summary-table tr.summary-row'));
				var i = rows.findIndex(function (r) { return r.dataset.unit === unit; });
				// Bootstrap makes scrolling smooth: an animated scroll would move the chart after its pixels are read
				el.scrollIntoView({ behavior: 'instant', block: 'center' });
				return echarts.getInstanceByDom(el).convertToPixel({ seriesIndex: 0 }, [i, 1]);
				""", squad);
		int dx = xy.get(0).intValue() - chart.getSize().getWidth() / 2;
		int dy = xy.get(1).intValue() - chart.getSize().getHeight() / 2;
		new Actions(browser).moveToElement(chart, dx, dy).click().perform();
		await(d -> d.getCurrentUrl().contains("kind=R50_NO_VIDEO"));
		assertThat(browser.getCurrentUrl()).contains("unit=" + squad);
		assertThat(browser.findElement(By.id("gaps-table")).getText()).contains("WRC-S1", "WRC-S2")
			.doesNotContain("WRC-O1");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

	@Test
	void choosingElsewhereShowsThePlaceAndBodyCameraFieldsAndTheInquiryIsRecorded() {
		browser.get(url("/cases/" + ordinary));
		browser.findElement(By.id("recording-link")).click();
		await(d -> d.getCurrentUrl().endsWith("/recording"));
		WebElement place = browser.findElement(By.id("inquiry-place"));
		assertThat(place.isDisplayed()).isFalse();
		WebElement elsewhere = browser.findElement(By.cssSelector("label[for='where-elsewhere']"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({behavior: 'instant', block: 'center'});", elsewhere);
		elsewhere.click();
		assertThat(place.isDisplayed()).isTrue();
		((JavascriptExecutor) browser).executeScript("document.getElementById('inquiry-date').value = '2024-03-20';");
		place.sendKeys("当事人经营场所");
		browser.findElement(By.id("inquiry-camera")).sendKeys("BC-WEB-1");
		browser.findElement(By.id("inquiry-present")).sendKeys("WRC-A、WRC-B");
		WebElement submit = browser.findElement(By.cssSelector("#inquiry-form button[type=submit]"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({behavior: 'instant', block: 'center'});", submit);
		submit.click();
		await(d -> !d.findElements(By.cssSelector("#inquiries tr[data-inquiry]")).isEmpty());
		assertThat(browser.findElement(By.id("inquiries")).getText()).contains("当事人经营场所", "BC-WEB-1", "网页记甲");
		assertThat(horizontalOverflow()).isFalse();
		Browser.screenshot(browser, "recording-case");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

	private boolean horizontalOverflow() {
		Object r = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
		return Boolean.TRUE.equals(r);
	}

}
