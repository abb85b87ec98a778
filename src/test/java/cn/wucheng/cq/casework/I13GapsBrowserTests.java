package cn.wucheng.cq.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;

/**
 * Issue 13's gaps in a real browser, at 1366×768 and at 390×844: 法制科 returns a squad's submitted monthly list with
 * a reason and the squad leader sees the message badge, opens the message and lands on the list showing the
 * reason; 法制科 ticks several waiting cases of its queue and passes them at once, the rows changing in place.
 * No sideways scrolling, no console errors. Screenshots i13-gaps-*.png in target/screenshots/. Units 浏览退回*.
 */
class I13GapsBrowserTests extends BrowserTest {

	static final String PASSWORD = "Gaps-Browser-13";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CaseworkFixture squad;

	@BeforeAll
	void start() {
		squad = new CaseworkFixture(jdbc, "GB", "浏览退回中队", "直属中队", true);
		account(jdbc, encoder.encode(PASSWORD), "gb-leader", "SQUAD_LEADER", squad.unit, squad.leader);
		for (String month : List.of("2024-04", "2024-05")) {
			String[] ym = month.split("-");
			jdbc.sql("""
					insert into review_list (unit_id, list_year, list_month, status, signed_by, signer_name, signed_at,
					  submitted_by, submitted_at)
					values (?, ?, ?, 'SUBMITTED', 'gb-leader', 'GB队长', ?, 'gb-leader', ?)""")
				.params(squad.unit, Integer.parseInt(ym[0]), Integer.parseInt(ym[1]),
						LocalDate.parse(month + "-10").plusMonths(1).atTime(9, 0),
						LocalDate.parse(month + "-10").plusMonths(1).atTime(9, 30))
				.update();
		}
		for (int i = 1; i <= 6; i++) {
			squad.bureau.concludedCase("GB-P-" + i, "普通程序", squad.unit, squad.a, squad.b, LocalDate.of(2024, 5, i));
		}
	}

	@Test
	void theLegalSectionReturnsAListAndPassesSeveralCasesAndTheSquadLeaderSeesTheMessage() {
		Browser.desktop(browser);
		returnList("2024-05", "5月第3起案件视频编号漏填", "i13-gaps-desktop-list-returned", 1366);
		batchPass(new String[] { "GB-P-1", "GB-P-2", "GB-P-3" }, "i13-gaps-desktop-batch-pass", 1366);
		leaderSeesTheMessage("1", "5月第3起案件视频编号漏填", "i13-gaps-desktop-leader", 1366);

		Browser.phone(browser);
		returnList("2024-04", "4月清单缺少中队长签字页", "i13-gaps-phone-list-returned", 390);
		batchPass(new String[] { "GB-P-4", "GB-P-5" }, "i13-gaps-phone-batch-pass", 390);
		leaderSeesTheMessage("1", "4月清单缺少中队长签字页", "i13-gaps-phone-leader", 390);
		Browser.desktop(browser);
	}

	private void returnList(String month, String reason, String shot, int width) {
		Browser.logIn(browser, url(""), "legal", "Browser-Test-Pass-1");
		browser.get(url("/casework/squads/" + squad.unit + "/lists/" + month));
		browser.findElement(By.id("return-reason")).sendKeys(reason);
		click(browser.findElement(By.id("return-list")));
		Browser.waitFor(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
		await(d -> !d.findElements(By.id("list-returned")).isEmpty());
		assertThat(browser.findElement(By.id("list-returned")).getText()).contains(reason);
		assertThat(browser.findElement(By.id("list-status")).getAttribute("data-status")).isEqualTo("DRAFT");
		assertThat(Browser.findNow(browser, By.id("list-return"))).isEmpty();
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(width);
		Browser.screenshot(browser, shot);
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

	private void batchPass(String[] caseNos, String shot, int width) {
		browser.get(url("/legal-reviews?unit=" + squad.unit));
		for (String no : caseNos) {
			click(row(no).findElement(By.cssSelector("input[name=caseIds]")));
		}
		Browser.screenshot(browser, shot + "-ticked");
		click(browser.findElement(By.id("batch-pass")));
		await(d -> !d.findElements(By.id("batch-summary")).isEmpty());
		assertThat(browser.getCurrentUrl()).as("htmx: the page stays").contains("/legal-reviews?unit=");
		assertThat(browser.findElement(By.id("batch-summary")).getText())
			.isEqualTo("批量审核：" + caseNos.length + " 起审核通过，0 起未通过。");
		for (String no : caseNos) {
			assertThat(row(no).getAttribute("class")).contains("table-success");
			assertThat(row(no).getText()).contains("已通过");
		}
		assertThat(row("GB-P-6").findElements(By.cssSelector("input[name=caseIds]"))).as("still waiting").hasSize(1);
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(width);
		Browser.screenshot(browser, shot);
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
		browser.manage().deleteAllCookies();
	}

	private void leaderSeesTheMessage(String unread, String reason, String shot, int width) {
		Browser.logIn(browser, url(""), "gb-leader", PASSWORD);
		assertThat(browser.findElement(By.id("message-unread")).getText()).isEqualTo(unread);
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(width);
		Browser.screenshot(browser, shot + "-badge");
		browser.get(url("/messages"));
		WebElement message = browser.findElements(By.cssSelector("#messages .message-text")).get(0);
		assertThat(message.getText()).contains("浏览退回中队", "被法制科退回", reason);
		click(message);
		await(d -> d.getCurrentUrl().contains("/casework/squads/" + squad.unit + "/lists/"));
		assertThat(browser.findElement(By.id("list-returned")).getText()).contains(reason);
		assertThat(Browser.findNow(browser, By.id("message-unread"))).isEmpty();
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(width);
		Browser.screenshot(browser, shot + "-list");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
		browser.manage().deleteAllCookies();
	}

	private WebElement row(String caseNo) {
		return browser.findElement(By.cssSelector("tr[data-case-no='" + caseNo + "']"));
	}

}
