package cn.wucheng.cq.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;

/**
 * Issue 13 item 5 in a real browser at 1366×768 and 390×844: the legal officer reviews the day's simple cases in one
 * table (a row by "本行全部合格", a 否 chosen by keyboard making the note required, a half-filled row refused in place
 * while the others are saved — no page reload), the squad leader assigns new cases one row in place and two at once,
 * and 法制科 passes and returns cases in the queue in place. At 390 px the tables scroll in their own box with the case
 * column fixed, the page itself never wider than the window. Screenshots target/screenshots/i13-batch-*.png.
 */
class BatchBrowserTests extends BrowserTest {

	static final String PASSWORD = "Batch-Browser-9";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CaseworkFixture squad;

	LocalDate today;

	@BeforeAll
	void start() {
		today = LocalDate.now();
		squad = new CaseworkFixture(jdbc, "BB", "批量浏览中队", "直属中队", true);
		account(jdbc, encoder.encode(PASSWORD), "bb-legal", "LEGAL_OFFICER", squad.unit, squad.legalOfficer);
		account(jdbc, encoder.encode(PASSWORD), "bb-leader", "SQUAD_LEADER", squad.unit, squad.leader);
		account(jdbc, encoder.encode(PASSWORD), "bb-section", "LEGAL", null, null);
	}

	/** Each journey signs in afresh: a journey that failed midway must not leave its user signed in for the next. */
	@org.junit.jupiter.api.BeforeEach
	void signedOut() {
		if (browser.getCurrentUrl().startsWith("http")) {
			browser.manage().deleteAllCookies();
		}
	}

	@Test
	void theLegalOfficerReviewsTheDaysCasesInOneTable() {
		squad.simpleCase("BB-R-1", today);
		squad.simpleCase("BB-R-2", today);
		squad.simpleCase("BB-R-3", today);
		Browser.desktop(browser);
		Browser.logIn(browser, url(""), "bb-legal", PASSWORD);
		browser.get(url("/casework/squads/" + squad.unit + "/reviews"));
		click(browser.findElement(By.id("batch-link")));
		await(d -> !d.findElements(By.id("review-batch-table")).isEmpty());
		markPage();

		click(row("BB-R-1").findElement(By.cssSelector("[data-row-ok]")));
		assertThat(row("BB-R-1").findElements(By.cssSelector("input[data-check=yes]:checked"))).hasSize(5);

		// keyboard: the first check's 是 focused, the arrow key moves to 否 and chooses it
		click(row("BB-R-2").findElement(By.cssSelector("[data-row-ok]")));
		WebElement subjectYes = row("BB-R-2").findElement(By.cssSelector("input[data-check=yes]"));
		((JavascriptExecutor) browser).executeScript("arguments[0].focus();", subjectYes);
		new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
		WebElement note = row("BB-R-2").findElement(By.cssSelector("[data-note]"));
		assertThat(row("BB-R-2").findElement(By.cssSelector("input[data-check=no]")).isSelected()).isTrue();
		assertThat(note.getAttribute("required")).as("R-41: a 否 makes the note required").isNotNull();
		note.sendKeys("执法证件已过期");

		// half a row: two checks of five
		WebElement third = row("BB-R-3");
		click(third.findElements(By.cssSelector("input[data-check=yes]")).get(0));
		click(third.findElements(By.cssSelector("input[data-check=yes]")).get(1));
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(1366);
		screenshot("i13-batch-review-filled-desktop");

		click(browser.findElement(By.id("batch-save")));
		await(d -> !d.findElements(By.id("batch-error")).isEmpty());
		assertThat(pageNotReloaded()).as("htmx replaced the table only").isTrue();
		assertThat(row("BB-R-3").getText()).contains("本行五项检查须全部选择");
		assertThat(row("BB-R-1").getAttribute("class")).contains("table-success");
		assertThat(row("BB-R-2").getAttribute("class")).contains("table-success");
		assertThat(jdbc.sql("select count(*) from simple_review r join case_file c on c.id = r.case_id "
				+ "where c.case_no like 'BB-R-%'").query(Long.class).single()).isEqualTo(2);
		screenshot("i13-batch-review-saved-desktop");

		Browser.phone(browser);
		browser.get(url("/casework/squads/" + squad.unit + "/reviews/batch?span=MONTH"));
		await(d -> !d.findElements(By.id("review-batch-table")).isEmpty());
		assertThat(Browser.pageWidth(browser)).as("the page is not wider than the phone").isLessThanOrEqualTo(390);
		assertThat(((JavascriptExecutor) browser).executeScript(
				"return getComputedStyle(document.querySelector('#review-batch-table td.batch-first')).position;"))
			.isEqualTo("sticky");
		screenshot("i13-batch-review-phone");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
		browser.manage().deleteAllCookies();
	}

	@Test
	void theSquadLeaderAssignsNewCasesInPlaceOneAndSeveralAtOnce() {
		for (String no : new String[] { "BB-A-1", "BB-A-2", "BB-A-3" }) {
			squad.bureau.caseIn(no, "普通程序", "市容环境卫生", squad.unit, squad.a, squad.b, today, null);
		}
		Browser.desktop(browser);
		Browser.logIn(browser, url(""), "bb-leader", PASSWORD);
		browser.get(url("/casework/squads/" + squad.unit));
		click(browser.findElement(By.id("assign-new-link")));
		await(d -> !d.findElements(By.id("assign-table")).isEmpty());
		markPage();

		WebElement first = row("BB-A-1");
		new Select(first.findElement(By.name("leadId"))).selectByVisibleText("BB-C BB丙");
		new Select(first.findElement(By.name("coId"))).selectByVisibleText("BB-A BB甲");
		click(first.findElement(By.cssSelector("button[type=submit]")));
		await(d -> row("BB-A-1").getText().contains("已指派：主办 BB丙，协办 BB甲"));

		click(row("BB-A-2").findElement(By.name("selected")));
		click(row("BB-A-3").findElement(By.name("selected")));
		new Select(browser.findElement(By.id("batch-lead"))).selectByVisibleText("BB-B BB乙");
		new Select(browser.findElement(By.id("batch-co"))).selectByVisibleText("BB-C BB丙");
		click(browser.findElement(By.id("assign-selected")));
		await(d -> !d.findElements(By.id("assign-success")).isEmpty());
		assertThat(pageNotReloaded()).isTrue();
		assertThat(browser.findElement(By.id("assign-success")).getText()).isEqualTo("已指派 2 起案件。");
		assertThat(row("BB-A-3").getText()).contains("已指派：主办 BB乙，协办 BB丙");
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(1366);
		screenshot("i13-batch-assign-desktop");

		squad.bureau.caseIn("BB-A-4", "普通程序", "市容环境卫生", squad.unit, squad.a, squad.b, today, null);
		Browser.phone(browser);
		browser.get(url("/casework/squads/" + squad.unit + "/assignments"));
		await(d -> !d.findElements(By.id("assign-table")).isEmpty());
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(390);
		screenshot("i13-batch-assign-phone");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
		browser.manage().deleteAllCookies();
	}

	@Test
	void theLegalSectionPassesAndReturnsCasesInTheQueueInPlace() {
		squad.bureau.concludedCase("BB-L-1", "普通程序", squad.unit, squad.a, squad.b, today);
		squad.bureau.concludedCase("BB-L-2", "普通程序", squad.unit, squad.a, squad.b, today);
		squad.bureau.deductionItem("BB-D1", "现场检查笔录不规范", "0.5");
		Browser.desktop(browser);
		Browser.logIn(browser, url(""), "bb-section", PASSWORD);
		browser.get(url("/legal-reviews?unit=" + squad.unit));
		await(d -> !d.findElements(By.id("legal-review-table")).isEmpty());
		markPage();

		click(legalRow("BB-L-1").findElement(By.cssSelector("[data-pass]")));
		await(d -> legalRow("BB-L-1").getText().contains("已通过"));

		WebElement second = legalRow("BB-L-2");
		click(second.findElement(By.cssSelector("details.legal-return summary")));
		new Select(second.findElement(By.name("itemIds"))).selectByIndex(0);
		second.findElement(By.name("reason")).sendKeys("现场检查笔录缺少当事人签名");
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(1366);
		screenshot("i13-batch-legal-return-desktop");
		click(second.findElement(By.cssSelector("details.legal-return button[type=submit]")));
		await(d -> legalRow("BB-L-2").getText().contains("已退卷"));
		assertThat(pageNotReloaded()).isTrue();
		screenshot("i13-batch-legal-done-desktop");

		Browser.phone(browser);
		browser.get(url("/legal-reviews?unit=" + squad.unit + "&state=ALL"));
		await(d -> !d.findElements(By.id("legal-review-table")).isEmpty());
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(390);
		screenshot("i13-batch-legal-phone");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
		browser.manage().deleteAllCookies();
	}

	private WebElement row(String caseNo) {
		return browser.findElement(By.cssSelector("tr[data-case='" + caseNo + "']"));
	}

	private WebElement legalRow(String caseNo) {
		return browser.findElement(By.cssSelector("tr[data-case-no='" + caseNo + "']"));
	}

	/** Marks the loaded page, so a test can tell an htmx swap from a reload. */
	private void markPage() {
		((JavascriptExecutor) browser).executeScript("window.__batchMark = 'kept';");
	}

	private boolean pageNotReloaded() {
		return "kept".equals(((JavascriptExecutor) browser).executeScript("return window.__batchMark;"));
	}

}
