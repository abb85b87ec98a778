package cn.wucheng.cq.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.wucheng.cq.notifications.Notifications.Recipient;
import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.Bureau;

/**
 * The message centre in a real browser, at 1366×768 and at 390×844 (issue 13 item 9): an officer signs in and sees
 * his unread count in the top bar; the list shows his messages newest first with the unread ones marked; "标为已读"
 * (htmx) updates the row and the badge without a reload; opening a message goes to its page and marks it read;
 * "全部标为已读" clears the badge. No sideways scrolling, no console errors. Screenshots i13-messages-*.png in
 * target/screenshots/.
 */
class MessagesBrowserTests extends BrowserTest {

	static final String PASSWORD = "Messages-Browser-9";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Notifications notifications;

	long caseId;

	@BeforeAll
	void start() {
		Bureau bureau = new Bureau(jdbc);
		long squad = bureau.unit("消息浏览器中队", "直属中队");
		long officer = bureau.officer("MB-A", "消息浏览甲", squad);
		long co = bureau.officer("MB-B", "消息浏览乙", squad);
		caseId = bureau.concludedCase("MB-2024-07", "简易程序", squad, officer, co, LocalDate.of(2024, 3, 4));
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, unit_id, person_id,
				  must_change_password, password_changed_at, created_at)
				values ('mb-officer', ?, '消息浏览甲', 'OFFICER', ?, ?, false, ?, ?)""")
			.params(encoder.encode(PASSWORD), squad, officer, LocalDateTime.now(), LocalDateTime.now())
			.update();
		notifications.send(Recipient.person(officer), MessageKind.REMINDER, "reminders.training.hoursBehind",
				List.of("4", "12", "40"), "/training/hours?year=2024");
		notifications.send(Recipient.person(officer), MessageKind.APPEAL_DECIDED,
				"notifications.event.appealRejected", List.of("2024年第1季度", "MB-2024-01 主办", "扣分有据，维持原积分"),
				"/scores/MB-A?period=2024-Q1");
		notifications.send(Recipient.person(officer), MessageKind.CASE_ASSIGNED, "notifications.event.caseLead",
				List.of("MB-2024-07"), "/cases/" + caseId);
	}

	@Test
	void anOfficerReadsHisMessagesOnTheDesktopAndOnAPhone() {
		Browser.desktop(browser);
		Browser.logIn(browser, url(""), "mb-officer", PASSWORD);
		assertThat(badge()).isEqualTo("3");
		browser.findElement(By.id("message-badge")).click();
		await(d -> d.getCurrentUrl().endsWith("/messages"));
		List<String> texts = browser.findElements(By.cssSelector("#messages .message-text"))
			.stream()
			.map(e -> e.getText())
			.toList();
		assertThat(texts).hasSize(3);
		assertThat(texts.get(0)).isEqualTo("您被指派为案件 MB-2024-07 的主办人（第一承办人）。");
		assertThat(browser.findElements(By.cssSelector("#messages li.message-unread"))).hasSize(3);
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(1366);
		Browser.screenshot(browser, "i13-messages-desktop-unread");

		// 标为已读 by htmx: the row and the badge change, the page stays
		browser.findElements(By.cssSelector("#messages form.mark-read button")).get(1).click();
		// htmx settles the swapped row's class a moment after the out-of-band badge: wait for both
		await(d -> "2".equals(badge()) && d.findElements(By.cssSelector("#messages li.message-unread")).size() == 2);
		Browser.screenshot(browser, "i13-messages-desktop-one-read");

		// opening a message goes to its page and marks it read
		browser.findElements(By.cssSelector("#messages .message-text")).get(0).click();
		await(d -> d.getCurrentUrl().endsWith("/cases/" + caseId));
		assertThat(badge()).isEqualTo("1");
		Browser.screenshot(browser, "i13-messages-desktop-opened-case");

		// on a phone: the badge stays in the bar beside the menu button, the list fits the width
		Browser.phone(browser);
		browser.get(url("/messages"));
		assertThat(browser.findElement(By.id("message-badge")).isDisplayed()).isTrue();
		assertThat(badge()).isEqualTo("1");
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(390);
		Browser.screenshot(browser, "i13-messages-phone-list");

		browser.findElement(By.cssSelector("#read-all button")).click();
		await(d -> Browser.findNow(d, By.id("message-unread")).isEmpty()
				&& Browser.findNow(d, By.cssSelector("#messages li.message-unread")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("#messages .message-text"))).hasSize(3);
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(390);
		Browser.screenshot(browser, "i13-messages-phone-all-read");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
		Browser.desktop(browser);
	}

	private String badge() {
		List<org.openqa.selenium.WebElement> count = browser.findElements(By.id("message-unread"));
		return count.isEmpty() ? "" : count.get(0).getText();
	}

}
