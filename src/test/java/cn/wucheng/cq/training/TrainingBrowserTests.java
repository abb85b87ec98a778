package cn.wucheng.cq.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.Bureau;

/**
 * The legal section's journey in a real browser at 1366×768: the 2024 calendar, then a squad's training plan from
 * creation to coordination (confirm dialogs from app.js, no inline scripts), a session from its item, an
 * attendee, and the hours page. No horizontal scrolling, no console errors. Screenshots in target/screenshots/.
 * Skipped when no Chromium is installed unless CQ_BROWSER_REQUIRED=true.
 */
class TrainingBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void start() throws Exception {
		Bureau bureau = new Bureau(jdbc);
		long squad = bureau.unit("浏览器直属中队", "直属中队");
		bureau.officer("WEB-01", "网页甲", squad);
		Browser.logIn(browser, url(""), "legal", "Browser-Test-Pass-1");
	}

	@Test
	void theCalendarShowsTwelveMonthsWithHolidaysAndFitsTheScreen() throws Exception {
		browser.get(url("/calendar?year=2024"));
		assertThat(browser.findElements(By.cssSelector("#calendar-grid table"))).hasSize(12);
		assertThat(browser.findElement(By.cssSelector("td[data-date='2024-02-12']")).getAttribute("class"))
			.contains("text-bg-danger");
		assertThat(browser.findElement(By.cssSelector("td[data-date='2024-02-04']")).getAttribute("class"))
			.contains("text-bg-warning");
		assertThat(horizontalOverflow()).isFalse();
		screenshot("calendar-2024");
		assertThat(severeConsoleMessages()).isEmpty();
	}

	@Test
	void aPlanGoesFromDraftToCoordinatedAndASessionIsHeldFromIt() throws Exception {
		browser.get(url("/training/plans?year=2024"));
		new Select(browser.findElement(By.id("plan-unit"))).selectByVisibleText("浏览器直属中队");
		click(By.cssSelector("#plan-create button[type=submit]"));
		await(d -> d.getCurrentUrl().matches(".*/training/plans/\\d+$"));

		browser.findElement(By.id("topic")).sendKeys("行政执法证据规则");
		new Select(browser.findElement(By.id("month"))).selectByValue("3");
		browser.findElement(By.id("hours")).sendKeys("2.5");
		browser.findElement(By.id("trainer")).sendKeys("法制科");
		click(By.cssSelector("#item-form button[type=submit]"));
		await(d -> !d.findElements(By.cssSelector("#plan-items tr[data-item]")).isEmpty());
		screenshot("training-plan-draft");

		click(By.id("plan-submit-confirm"));
		click(By.cssSelector("#plan-actions form[action$='/submit'] button"));
		await(d -> "SUBMITTED".equals(d.findElement(By.id("plan-status")).getAttribute("data-status")));
		click(By.cssSelector("#plan-actions form[action$='/coordinate'] button"));
		browser.switchTo().alert().accept();
		await(d -> "COORDINATED".equals(d.findElement(By.id("plan-status")).getAttribute("data-status")));
		assertThat(horizontalOverflow()).isFalse();
		screenshot("training-plan-coordinated");

		click(By.cssSelector("#plan-items a[href*='/training/sessions/new']"));
		await(d -> d.getCurrentUrl().contains("/training/sessions/new"));
		assertThat(browser.findElement(By.id("hours")).getAttribute("value")).isEqualTo("2.5");
		typeDate("heldOn", "2024-04-20");
		browser.findElement(By.id("place")).sendKeys("三楼会议室");
		typeDate("bankReleasedOn", "2024-04-10");
		click(By.cssSelector("#session-form button[type=submit]"));
		await(d -> d.getCurrentUrl().matches(".*/training/sessions/\\d+$"));
		assertThat(browser.findElement(By.cssSelector("#session-flags [data-flag='BANK_LATE']")).isDisplayed()).isTrue();

		browser.findElement(By.id("employeeNo")).sendKeys("WEB-01");
		browser.findElement(By.id("score")).sendKeys("92.5");
		click(By.cssSelector("#attendee-form button[type=submit]"));
		await(d -> !d.findElements(By.cssSelector("#attendees tr[data-person]")).isEmpty());
		assertThat(horizontalOverflow()).isFalse();
		screenshot("training-session");

		browser.get(url("/training/hours?year=2024&all=true"));
		assertThat(browser.findElement(By.id("hours-table")).getText()).contains("网页甲", "2.5");
		screenshot("training-hours");
		assertThat(severeConsoleMessages()).isEmpty();
	}

	/** Date inputs take the digits in the browser's locale order; setting the value is locale-proof. */
	private void typeDate(String id, String isoDate) {
		((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id,
				isoDate);
	}

	private boolean horizontalOverflow() {
		Object r = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
		return Boolean.TRUE.equals(r);
	}

	private List<String> severeConsoleMessages() {
		return Browser.severeConsoleMessages(browser);
	}

	/**
	 * Clicks an element after scrolling it, at once, to the window's middle: Bootstrap's smooth scrolling left the
	 * button below the fold when the click came, since the plan page grew a confirmation box.
	 */
	private void click(By by) {
		org.openqa.selenium.WebElement element = browser.findElement(by);
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

}
