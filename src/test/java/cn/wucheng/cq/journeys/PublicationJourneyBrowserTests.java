package cn.wucheng.cq.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * R-26 in a real browser at 1366×768: the legal section publishes the last quarter, an officer sees the published
 * ranking and appeals one item of his breakdown, the legal section upholds it, and after the notice period finalises
 * the quarter. Days are relative to today (passwords and sessions follow the real clock too); each step signs in
 * afresh since the clock moves. No console errors (CSP: no inline scripts). Screenshots in target/screenshots/.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=publication-browser", "CQ_LEGAL_PASSWORD=" + PublicationJourneyBrowserTests.PASSWORD })
@Import(TestClock.Config.class)
class PublicationJourneyBrowserTests extends BrowserTest {

	static final String PASSWORD = "Publication-Pass-2024";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	TestClock clock;

	final LocalDate today = LocalDate.now();

	final Period quarter = Period.quarterOf(today.minusMonths(3));

	@BeforeAll
	void start() {
		Bureau bureau = new Bureau(jdbc);
		long squad = bureau.unit("旅程直属中队", "直属中队");
		long officer = bureau.officer("LC001", "旅程甲", squad);
		long co = bureau.officer("LC002", "旅程乙", squad);
		bureau.concludedCase("LC-2024-1", "普通程序", squad, officer, co, quarter.start().plusDays(5));
		bureau.concludedCase("LC-2024-2", "简易程序", squad, co, officer, quarter.start().plusDays(6));
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, unit_id, person_id,
				  must_change_password, password_changed_at, created_at)
				values ('lc001', ?, '旅程甲', 'OFFICER', ?, ?, false, ?, ?)""")
			.params(encoder.encode(PASSWORD), squad, officer, LocalDateTime.now(), LocalDateTime.now())
			.update();
	}

	@AfterAll
	void stop() {
		clock.useSystemTime();
	}

	@Test
	void theLegalSectionPublishesAnOfficerAppealsTheLegalSectionDecidesAndFinalises() {
		clock.setToday(today);
		signIn("legal");
		browser.get(url("/publication?period=" + quarter));
		assertThat(browser.findElement(By.cssSelector(".publication-state")).getText()).isEqualTo("草稿");
		browser.findElement(By.id("publish-confirm")).click();
		browser.findElement(By.id("publish")).click();
		waitFor(By.cssSelector(".alert-success"));
		assertThat(browser.findElement(By.cssSelector(".publication-state")).getText()).startsWith("公示中（至 ");
		Browser.screenshot(browser, "publication-published");

		signIn("lc001");
		browser.get(url("/rankings"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(quarter.label() + "排名");
		assertThat(browser.findElement(By.cssSelector(".publication-state")).getText()).startsWith("公示中");
		assertThat(browser.findElement(By.id("cat-DIRECT_SQUAD")).getText()).contains("LC001", "LC002");
		browser.get(url("/scores/LC001?period=" + quarter));
		assertThat(browser.findElement(By.id("appeal-window")).getText()).contains("公示期至");
		browser.findElements(By.cssSelector(".appeal-toggle")).get(0).click();
		WebElement form = waitFor(By.cssSelector(".appeal-form.show"));
		form.findElement(By.name("reason")).sendKeys("该案为重大疑难案件，数量分应为 10 分");
		Browser.screenshot(browser, "publication-appeal-form");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("已对案件 LC-2024-1 提出申诉");
		assertThat(browser.findElement(By.id("my-appeals")).getText()).contains("该案为重大疑难案件", "待处理");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();

		signIn("legal");
		browser.get(url("/publication?period=" + quarter));
		WebElement row = browser.findElement(By.cssSelector("#appeals-table tbody tr"));
		assertThat(row.getText()).contains("旅程甲", "LC-2024-1", "待处理");
		row.findElement(By.name("note")).sendKeys("更正为重大疑难案件");
		row.findElement(By.cssSelector("button.uphold")).click();
		assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("申诉成立");
		assertThat(browser.findElement(By.cssSelector("#appeals-table tbody tr")).getText()).contains("申诉成立",
				"更正为重大疑难案件");
		browser.findElement(By.id("finalise-confirm")).click();
		browser.findElement(By.id("finalise")).click();
		assertThat(waitFor(By.cssSelector(".alert-danger")).getText()).contains("公示期满后才能定稿");

		clock.setToday(today.plusDays(10));
		signIn("legal");
		browser.get(url("/publication?period=" + quarter));
		browser.findElement(By.id("finalise-confirm")).click();
		browser.findElement(By.id("finalise")).click();
		assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("已定稿并冻结");
		assertThat(browser.findElement(By.cssSelector(".publication-state")).getText()).isEqualTo("已定稿");
		assertThat(browser.findElement(By.id("freezes")).getText()).contains("定稿：", "当前有效");
		assertThat(horizontalOverflow()).isFalse();
		Browser.screenshot(browser, "publication-final");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

	/** A fresh session each time: the clock may have moved past the session's lifetime. */
	private void signIn(String username) {
		browser.manage().deleteAllCookies();
		Browser.logIn(browser, url(""), username, PASSWORD);
	}

	private boolean horizontalOverflow() {
		Object r = ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
		return Boolean.TRUE.equals(r);
	}

	private WebElement waitFor(By by) {
		return Browser.waitFor(browser, Duration.ofSeconds(30)).until(d -> d.findElements(by)
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null));
	}

}
