package cn.wucheng.cq.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * Issue 13, items 1 and 2 in a real browser, at 1366×768 and 390×844: the demo bureau, as a newcomer loads it, lands on
 * its own data — the leaders' dashboard on the demo's last quarter with the programme's work in it (legal reviews,
 * simple-case reviews, evaluation), the task board as of the demo year's end, the published quarter with its appeals —
 * and an officer of the demo sees his points and his rank (the quarter is 公示) on his phone. Screenshots
 * i13-demo-*.png in target/screenshots/.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { DemoContext.NAME, DemoContext.PASSWORD, DemoContext.LOGGING })
@Import(TestClock.Config.class)
@AutoConfigureMockMvc // the demo's shared context (DemoContext): one start and one demo load
class DemoJourneyBrowserTests extends BrowserTest {

	/** The demo is of last year: today is fixed so the demo year is 2025 whatever the wall clock says. */
	static final LocalDate TODAY = DemoContext.TODAY;

	static final String OFFICER_PASSWORD = "Demo-Officer-Pass-2";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	DemoLoader loader;

	@Autowired
	TestClock clock;

	@BeforeAll
	void theDemoBureau() {
		clock.setToday(TODAY);
		assertThat(DemoContext.loadOnce(loader).complete()).isTrue();
		// a formal officer of a 直属中队 with the most cases of the published quarter gets a login, as 法制科 would give him
		long officer = jdbc.sql("""
				select p.id from person p join unit u on u.id = p.unit_id
				where u.type = 'DIRECT_SQUAD' and p.category = 'FORMAL'
				order by (select count(*) from case_file c where c.lead_id = p.id
				          and c.concluded_on between date '2025-10-01' and date '2025-12-31') desc, p.id
				limit 1""").query(Long.class).single();
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, unit_id, person_id,
				  must_change_password, password_changed_at, created_at)
				select 'demo-officer', ?, p.name, 'OFFICER', p.unit_id, p.id, false, ?, ?
				from person p where p.id = ?""")
			.params(encoder.encode(OFFICER_PASSWORD), LocalDateTime.now(clock), LocalDateTime.now(clock), officer)
			.update();
	}

	@BeforeEach
	void signedOut() {
		if (browser.getCurrentUrl().startsWith("http")) {
			browser.manage().deleteAllCookies();
		}
	}

	@Test
	void theLegalSectionSeesTheDemosProgrammeOnTheDesktopAndOnAPhone() {
		for (boolean phone : new boolean[] { false, true }) {
			if (phone) {
				Browser.phone(browser);
			}
			else {
				Browser.desktop(browser);
			}
			String size = phone ? "phone" : "desktop";
			Browser.logIn(browser, url(""), "legal", DemoContext.LEGAL_PASSWORD);

			browser.get(url("/dashboard"));
			assertThat(text()).contains("2025年第4季度看板");
			assertThat(figure("overdueTasks")).as("the board's overdue tasks as of 2025-12-31, not today's").isLessThanOrEqualTo(3);
			// legal reviews, same-day simple-case reviews and evaluation of the demo's year are on the dashboard
			assertThat(figureText("reviewRate")).isNotEqualTo("0.0%");
			assertThat(figureText("sameDay")).isNotEqualTo("0.0%");
			assertThat(figureText("evaluation")).isNotEqualTo("0 / 0 / 0");
			assertFits(phone);
			Browser.screenshot(browser, "i13-demo-dashboard-" + size);

			browser.get(url("/supervision/tasks"));
			assertThat(text()).contains("截至 2025-12-31").contains("进行中").contains("已完成");
			assertFits(phone);
			Browser.screenshot(browser, "i13-demo-tasks-" + size);

			browser.get(url("/publication"));
			assertThat(text()).contains("2025年第4季度").contains("申诉成立").contains("申诉不成立");
			assertFits(phone);
			Browser.screenshot(browser, "i13-demo-publication-" + size);
			assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
			browser.manage().deleteAllCookies();
		}
		Browser.desktop(browser);
	}

	@Test
	void anOfficerOfTheDemoSeesHisPointsAndHisRankOnHisPhone() {
		Browser.phone(browser);
		Browser.logIn(browser, url(""), "demo-officer", OFFICER_PASSWORD);
		browser.get(url("/"));
		String home = text();
		assertThat(home).contains("我的积分").contains("2025年第4季度");
		assertThat(home).as("the quarter is published (公示): his rank is shown").containsPattern("第 \\d+ 名（共 \\d+ 人）");
		assertFits(true);
		Browser.screenshot(browser, "i13-demo-officer-home-phone");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
		Browser.desktop(browser);
	}

	private void assertFits(boolean phone) {
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(phone ? 392 : 1366);
	}

	private String text() {
		return browser.findElement(By.tagName("body")).getText();
	}

	private int figure(String name) {
		return Integer.parseInt(figureText(name));
	}

	private String figureText(String name) {
		return browser.findElement(By.cssSelector("[data-figure='" + name + "']")).getText().trim();
	}

}
