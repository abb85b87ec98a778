package cn.wucheng.cq.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.WebUser;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * Issue 13 items 6 and 7 in Chromium at 390×844 (a phone) and 1366×768: every menu page of the six business roles
 * fits the phone's width (no page scrolls sideways; a wide table scrolls in its own box), an officer's home shows his
 * own figures as cards — the same figures as the scoring pages — the page size a user chooses is remembered across
 * lists and sign-ins, 公示 asks for a confirmation, the 18-task table fits 1366 px with 状态 in sight, and the web
 * app manifest is served to a phone that is not signed in. Screenshots i13-phone-*.png in target/screenshots/.
 * <p>
 * Dates are relative to today (sign-in follows the real clock): the officer's cases are in the last quarter, the
 * latest with data, which the home and the scoring pages show by default.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=phone-browser", "CQ_LEGAL_PASSWORD=" + PhoneJourneyBrowserTests.PASSWORD })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneJourneyBrowserTests extends BrowserTest {

	static final String PASSWORD = "Phone-Journey-Pass-13";

	/** A couple of pixels for rounding (issue 13: "390 + a couple px"). */
	static final int PHONE_WIDTH_LIMIT = 392;

	/** The six business roles and their accounts; the three administrators need a second factor to sign in. */
	final Map<String, String> accounts = new LinkedHashMap<>();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	final LocalDate today = LocalDate.now();

	final Period quarter = Period.quarterOf(today.minusMonths(3));

	long squad;

	@BeforeAll
	void start() {
		Bureau bureau = new Bureau(jdbc);
		squad = bureau.unit("手机直属中队", "直属中队");
		long officer = bureau.officer("SJ001", "手机甲", squad);
		long second = bureau.officer("SJ002", "手机乙", squad);
		long third = bureau.officer("SJ003", "手机丙", squad);
		LocalDate day = quarter.start().plusDays(3);
		// the officer: one ordinary case as lead, two simple ones as co-handler — the standard asks two ordinary
		bureau.concludedCase("SJ-ORD-1", "普通程序", squad, officer, second, day);
		bureau.concludedCase("SJ-SIM-1", "简易程序", squad, second, officer, day.plusDays(1));
		bureau.concludedCase("SJ-SIM-2", "简易程序", squad, third, officer, day.plusDays(2));
		// enough cases for more than one page of 20
		for (int i = 1; i <= 27; i++) {
			bureau.concludedCase("SJ-MORE-" + (100 + i), "简易程序", squad, second, third, day.plusDays(i % 20));
		}
		accounts.put("LEGAL", "legal"); // the bootstrap's account (CQ_LEGAL_PASSWORD)
		account("sj-supervision", "SUPERVISION", null, null);
		account("sj-leader", "LEADER", null, null);
		account("sj-squad", "SQUAD_LEADER", squad, null);
		account("sj-legal-officer", "LEGAL_OFFICER", squad, null);
		account("sj-officer", "OFFICER", squad, officer);
	}

	@Test
	void everyMenuPageOfTheBusinessRolesFitsAPhone390PxWide() {
		Map<String, Long> tooWide = new LinkedHashMap<>();
		int pages = 0;
		for (Map.Entry<String, String> role : accounts.entrySet()) {
			Browser.phone(browser);
			signIn(role.getValue());
			Set<String> paths = new LinkedHashSet<>(List.of("/", "/account/password", "/account/totp"));
			paths.addAll(menuPaths());
			for (String path : paths) {
				browser.get(url(path));
				pages++;
				long width = Browser.pageWidth(browser);
				if (width > PHONE_WIDTH_LIMIT) {
					tooWide.put(role.getKey() + " " + path, width);
					Browser.screenshot(browser, "i13-phone-too-wide-" + role.getKey() + path.replaceAll("[^A-Za-z0-9]+", "-"));
				}
			}
		}
		assertThat(pages).as("menu pages visited").isGreaterThan(40);
		assertThat(tooWide).as("pages wider than a 390 px phone (CSS px)").isEmpty();
	}

	/**
	 * The three administrators' menus too (their pages: accounts, the audit trail, settings, deduction items…). They
	 * sign in with a second factor, enrolled here over HTTP ({@link WebUser}); the browser gets that session.
	 */
	@Test
	void everyMenuPageOfTheAdministratorsFitsAPhone390PxWide() {
		Map<String, Long> tooWide = new LinkedHashMap<>();
		int pages = 0;
		for (String role : List.of("ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN")) {
			String username = "sj-" + role.toLowerCase().replace('_', '-');
			if (jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class)
				.single() == 0) {
				// not in the business roles' accounts (that walk signs in with the password alone)
				jdbc.sql("""
						insert into app_user (username, password_hash, display_name, role, must_change_password,
						  password_changed_at, created_at)
						values (?, ?, ?, ?, false, ?, ?)""")
					.params(username, encoder.encode(PASSWORD), username, role, LocalDateTime.now(), LocalDateTime.now())
					.update();
			}
			WebUser admin = WebUser.signIn(port, username, PASSWORD);
			Browser.phone(browser);
			browser.get(url("/login"));
			browser.manage().deleteAllCookies();
			browser.manage().addCookie(new Cookie(admin.sessionCookie().getName(), admin.sessionCookie().getValue()));
			browser.get(url("/"));
			List<String> paths = menuPaths();
			assertThat(paths).as(role + "'s menu").isNotEmpty();
			for (String path : paths) {
				browser.get(url(path));
				pages++;
				long width = Browser.pageWidth(browser);
				if (width > PHONE_WIDTH_LIMIT) {
					tooWide.put(role + " " + path, width);
					Browser.screenshot(browser, "phone-too-wide-" + role + path.replaceAll("[^A-Za-z0-9]+", "-"));
				}
			}
		}
		assertThat(pages).as("administrators' menu pages visited").isGreaterThan(5);
		assertThat(tooWide).as("pages wider than a 390 px phone (CSS px)").isEmpty();
	}

	@Test
	void signInHomeAListAndTheMonthlyListAtAPhoneAndADesktop() {
		Browser.severeConsoleMessages(browser); // drained: an officer's menu test met the 403 of a draft ranking
		for (boolean phone : new boolean[] { true, false }) {
			String size = phone ? "390" : "1366";
			if (phone) {
				Browser.phone(browser);
			}
			else {
				Browser.desktop(browser);
			}
			browser.manage().deleteAllCookies();
			browser.get(url("/login"));
			assertWidthFits(phone);
			Browser.screenshot(browser, "i13-phone-login-" + size);

			Browser.logIn(browser, url(""), "sj-officer", PASSWORD);
			browser.get(url("/"));
			assertThat(browser.findElement(By.id("officer-home")).isDisplayed()).isTrue();
			assertWidthFits(phone);
			Browser.screenshot(browser, "i13-phone-officer-home-" + size);

			signIn("sj-squad");
			browser.get(url("/cases"));
			assertWidthFits(phone);
			Browser.screenshot(browser, "i13-phone-cases-" + size);
			browser.get(url("/casework/squads/" + squad + "/lists/" + YearMonth.from(quarter.start().plusDays(3))));
			assertWidthFits(phone);
			Browser.screenshot(browser, "i13-phone-monthly-list-" + size);
			assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
		}
	}

	@Test
	@Order(1)
	void anOfficersHomeShowsTheFiguresOfTheScoringPagesAsCards() {
		Browser.phone(browser);
		signIn("sj-officer");
		browser.get(url("/"));
		WebElement points = browser.findElement(By.id("officer-points"));
		String total = points.findElement(By.cssSelector("[data-figure=total]")).getText();
		assertThat(points.getText()).contains(quarter.label());
		// before 公示 an officer sees no ranking, on his home as on the rankings page
		assertThat(points.findElement(By.cssSelector("[data-figure=rank-hidden]")).getText()).isEqualTo("本季度排名公示后可见");
		assertThat(Browser.findNow(points, By.cssSelector("[data-figure=rank]"), browser)).isEmpty();
		assertThat(browser.findElement(By.cssSelector("#officer-standard [data-figure=missing]")).getText())
			.isEqualTo("还差 1 件普通程序");
		assertThat(browser.findElement(By.cssSelector("#officer-training [data-figure=hours]")).getText())
			.endsWith("/ 60 学时");
		assertThat(browser.findElement(By.id("officer-appeals")).getText()).contains("没有申诉");
		assertThat(browser.findElement(By.id("officer-cases")).getText()).contains("SJ-ORD-1", "SJ-SIM-2", "主办", "协办");
		assertThat(Browser.findNow(browser, By.cssSelector("#officer-home table"))).as("cards, not tables").isEmpty();

		// the breakdown page of the same quarter says the same
		browser.findElement(By.id("officer-breakdown")).click();
		Browser.waitFor(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/scores/SJ001"));
		assertThat(browser.findElement(By.cssSelector("#breakdown-totals .fw-bold")).getText()).isEqualTo(total);
	}

	@Test
	@Order(3)
	void afterPublicationAnOfficersHomeShowsHisRankAsTheRankingDoes() {
		Browser.phone(browser);
		signIn("sj-officer");
		browser.get(url("/"));
		WebElement points = browser.findElement(By.id("officer-points"));
		String total = points.findElement(By.cssSelector("[data-figure=total]")).getText();
		String rank = points.findElement(By.cssSelector("[data-figure=rank]")).getText();
		browser.get(url("/rankings?period=" + quarter));
		WebElement row = browser.findElements(By.cssSelector("#cat-DIRECT_SQUAD tbody tr"))
			.stream()
			.filter(r -> r.getText().contains("SJ001"))
			.findFirst()
			.orElseThrow();
		List<WebElement> cells = row.findElements(By.tagName("td"));
		assertThat(cells.get(4).getText()).isEqualTo(total);
		assertThat(rank).startsWith("直属中队第 " + cells.get(0).getText() + " 名");
	}

	@Test
	void thePageSizeChosenOnOneListIsKeptOnAnotherAndAfterSigningInAgain() {
		Browser.desktop(browser);
		signIn("legal");
		browser.get(url("/cases"));
		// as a user would: scrolled into view, then clicked (the pager is below the table)
		((JavascriptExecutor) browser).executeScript(
				"arguments[0].scrollIntoView({behavior: 'instant', block: 'center'}); arguments[0].click();",
				browser.findElement(By.cssSelector("#case-table a[data-page-size='20']")));
		Browser.waitFor(browser, Duration.ofSeconds(20))
			.until(d -> d.findElements(By.cssSelector("#case-table tbody tr")).size() == 20);
		browser.get(url("/legal-reviews"));
		assertThat(browser.findElement(By.cssSelector(".page-sizes .active")).getText()).isEqualTo("20");
		// sign out and in again (the cookie stays, the session is new)
		browser.findElement(By.cssSelector("form[action$='/logout'] button")).submit();
		Browser.waitFor(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/login"));
		Browser.logIn(browser, url(""), "legal", PASSWORD);
		browser.get(url("/cases"));
		assertThat(browser.findElements(By.cssSelector("#case-table tbody tr"))).hasSize(20);
		assertThat(browser.findElement(By.cssSelector("#case-table .page-sizes .active")).getText()).isEqualTo("20");
		Browser.screenshot(browser, "i13-phone-page-size-20-1366");
	}

	@Test
	@Order(2)
	void publishingAQuarterAsksForAConfirmationThatNamesWhatHappens() {
		Browser.desktop(browser);
		signIn("legal");
		browser.get(url("/publication?period=" + quarter));
		assertThat(browser.findElement(By.cssSelector("label[for=publish-confirm]")).getText())
			.contains("确认公示" + quarter.label(), "不能撤回");
		browser.findElement(By.id("publish")).click();
		// the browser refuses the form while the box is not ticked: still a draft
		assertThat(browser.getCurrentUrl()).doesNotContain("publish");
		assertThat(browser.findElement(By.cssSelector(".publication-state")).getText()).isEqualTo("草稿");
		assertThat((Boolean) ((JavascriptExecutor) browser)
			.executeScript("return document.getElementById('publish-confirm').matches(':invalid');")).isTrue();
		Browser.screenshot(browser, "i13-phone-publish-confirm-1366");
		browser.findElement(By.id("publish-confirm")).click();
		browser.findElement(By.id("publish")).click();
		Browser.waitFor(browser, Duration.ofSeconds(20))
			.until(d -> !d.findElements(By.cssSelector(".alert-success")).isEmpty());
		assertThat(browser.findElement(By.cssSelector(".publication-state")).getText()).startsWith("公示中");
	}

	@Test
	void theEighteenTaskTableFits1366WithItsStatusColumnInSight() {
		Browser.desktop(browser);
		signIn("legal");
		browser.get(url("/supervision/tasks"));
		assertThat(browser.findElements(By.cssSelector("#tasks-table tbody tr"))).hasSize(18);
		long right = ((Number) ((JavascriptExecutor) browser).executeScript(
				"var th = document.querySelectorAll('#tasks-table thead th')[6]; return th.getBoundingClientRect().right;"))
			.longValue();
		long window = ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;")).longValue();
		assertThat(browser.findElements(By.cssSelector("#tasks-table thead th")).get(6).getText()).isEqualTo("状态");
		assertThat(right).as("状态 column's right edge").isLessThanOrEqualTo(window);
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(window);
		// one scroll bar: the table's box does not scroll vertically
		assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
				"var b = document.querySelector('#tasks-table').closest('.table-responsive');"
						+ " return b.scrollHeight > b.clientHeight + 1;"))
			.isFalse();
		Browser.screenshot(browser, "i13-phone-tasks-1366");
	}

	@Test
	void aPhoneThatIsNotSignedInGetsTheWebAppManifestAndItsIcons() throws Exception {
		// no session, no cookie: as a phone's browser fetches it for "add to home screen"
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		var manifest = http.send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/manifest.webmanifest"))).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(manifest.statusCode()).isEqualTo(200);
		assertThat(manifest.body()).contains("\"name\": \"执法办案提质增效\"", "icon-192.png", "icon-512.png",
				"\"theme_color\"", "\"display\": \"standalone\"");
		browser.manage().deleteAllCookies();
		for (String icon : List.of("/icons/icon-192.png", "/icons/icon-512.png", "/icons/apple-touch-icon.png")) {
			var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(icon))).build(),
					java.net.http.HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(icon).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(response.body()).startsWith(0x89, 'P', 'N', 'G');
		}
		browser.get(url("/login"));
		assertThat(browser.findElement(By.cssSelector("link[rel=manifest]")).getAttribute("href"))
			.endsWith("/manifest.webmanifest");
	}

	// ------------------------------------------------------------------ helpers

	/** The menu's links of the signed-in role (also those in collapsed drop-downs), without duplicates. */
	@SuppressWarnings("unchecked")
	private List<String> menuPaths() {
		List<String> hrefs = (List<String>) ((JavascriptExecutor) browser).executeScript("""
				return Array.from(document.querySelectorAll('#mainNav a[href]'))
				  .map(a => new URL(a.href)).filter(u => u.hash === '' && u.origin === location.origin)
				  .map(u => u.pathname + u.search);""");
		return new ArrayList<>(new LinkedHashSet<>(hrefs));
	}

	private void assertWidthFits(boolean phone) {
		long limit = phone ? PHONE_WIDTH_LIMIT : 1366;
		assertThat(Browser.pageWidth(browser)).as(browser.getCurrentUrl()).isLessThanOrEqualTo(limit);
	}

	private void account(String username, String role, Long unit, Long person) {
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, unit_id, person_id,
				  must_change_password, password_changed_at, created_at)
				values (?, ?, ?, ?, ?, ?, false, ?, ?)""")
			.params(username, encoder.encode(PASSWORD), username, role, unit, person, LocalDateTime.now(),
					LocalDateTime.now())
			.update();
		accounts.put(role, username);
	}

	/** A fresh session each time (the cookies of the page size stay only within one test). */
	private void signIn(String username) {
		browser.manage().deleteAllCookies();
		Browser.logIn(browser, url(""), username, PASSWORD);
	}

}
