package cn.wucheng.cq.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;

/**
 * The squad's journey in a real browser at 1366×768: the squad leader registers a simple case, sees the refusal of
 * the same person as both handlers, assigns two officers; the legal officer reviews it on the checklist of
 * attachment 2; the squad leader signs the month's list and exports it (.xlsx opened with POI). No horizontal
 * scrolling, no console errors. Screenshots in target/screenshots/.
 */
class CaseworkBrowserTests extends BrowserTest {

	static final String PASSWORD = "Casework-Browser-9";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CaseworkFixture squad;

	@BeforeAll
	void start() {
		squad = new CaseworkFixture(jdbc, "WB", "浏览器办案中队", "直属中队", true);
		account("wb-leader", "SQUAD_LEADER", squad.leader);
		account("wb-legal", "LEGAL_OFFICER", squad.legalOfficer);
	}

	@Test
	void theSquadLeaderAssignsTheLegalOfficerReviewsAndTheMonthsListIsSignedAndExported() throws Exception {
		Browser.logIn(browser, url(""), "wb-leader", PASSWORD);
		browser.get(url("/casework/squads/" + squad.unit + "/cases/new"));
		browser.findElement(By.id("caseNo")).sendKeys("WB-2024-01");
		new Select(browser.findElement(By.id("domainId"))).selectByVisibleText("市容环境卫生");
		browser.findElement(By.id("decisionNo")).sendKeys("婺综执简罚〔2024〕1号");
		browser.findElement(By.id("videoNo")).sendKeys("VID-WB-01");
		new Select(browser.findElement(By.id("leadId"))).selectByVisibleText("WB-A WB甲");
		new Select(browser.findElement(By.id("coId"))).selectByVisibleText("WB-A WB甲");
		browser.findElement(By.cssSelector("#register-form button[type=submit]")).click();
		await(d -> !d.findElements(By.id("form-error")).isEmpty());
		assertThat(browser.getPageSource()).contains("不能与主办人是同一人");
		screenshot("casework-register-refused");
		new Select(browser.findElement(By.id("coId"))).selectByVisibleText("WB-B WB乙");
		browser.findElement(By.cssSelector("#register-form button[type=submit]")).click();
		await(d -> d.getCurrentUrl().matches(".*/casework/cases/\\d+$"));
		assertThat(browser.findElement(By.id("history")).getText()).contains("WB甲", "WB乙");
		assertThat(horizontalOverflow()).isFalse();
		screenshot("casework-case-assigned");
		String casePage = browser.getCurrentUrl();

		browser.manage().deleteAllCookies();
		Browser.logIn(browser, url(""), "wb-legal", PASSWORD);
		browser.get(url("/casework/reviews"));
		await(d -> d.getCurrentUrl().endsWith("/reviews"));
		assertThat(browser.findElement(By.id("unreviewed")).getText()).contains("WB-2024-01", "今日待审核");
		browser.findElement(By.linkText("WB-2024-01")).click();
		await(d -> d.getCurrentUrl().equals(casePage));
		for (String check : new String[] { "subjectOk", "partyOk", "evidenceOk", "lawOk", "recordOk" }) {
			// a click at the element's centre can land on its label at 1366×768: click it as a user's script would
			((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({behavior: 'instant', block: 'center'}); arguments[0].click();",
					browser.findElement(By.id(check + "-yes")));
		}
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({behavior: 'instant', block: 'center'});",
				browser.findElement(By.cssSelector("#review-form button[type=submit]")));
		browser.findElement(By.cssSelector("#review-form button[type=submit]")).click();
		await(d -> !d.findElements(By.id("review")).isEmpty());
		assertThat(browser.findElement(By.id("review")).getText()).contains("VID-WB-01");
		screenshot("casework-reviewed");

		browser.manage().deleteAllCookies();
		Browser.logIn(browser, url(""), "wb-leader", PASSWORD);
		YearMonth month = YearMonth.from(LocalDate.now());
		browser.get(url("/casework/squads/" + squad.unit + "/lists/" + month));
		assertThat(browser.findElement(By.id("list-title")).getText())
			.isEqualTo(month.getYear() + "年" + month.getMonthValue() + "月浏览器办案中队简易案件审核清单");
		// signing cannot be undone: the box that says so is ticked first (issue 13 item 7), no dialog
		browser.findElement(By.id("sign-confirm")).click();
		browser.findElement(By.cssSelector("#list-actions form[action$='/sign'] button")).click();
		await(d -> "SIGNED".equals(d.findElement(By.id("list-status")).getAttribute("data-status")));
		assertThat(browser.findElement(By.id("signature")).getText()).contains("电子签名");
		assertThat(horizontalOverflow()).isFalse();
		screenshot("casework-list-signed");

		String href = browser.findElement(By.id("export-xlsx")).getAttribute("href");
		String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", "JSESSIONID=" + session).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
				.isEqualTo(month.getYear() + "年" + month.getMonthValue() + "月浏览器办案中队简易案件审核清单");
			assertThat(wb.getSheetAt(0).getRow(2).getCell(2).getStringCellValue()).isEqualTo("婺综执简罚〔2024〕1号");
		}
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

	private void account(String username, String role, long personId) {
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, unit_id, person_id,
				  must_change_password, password_changed_at, created_at)
				values (?, ?, ?, ?, ?, ?, false, ?, ?)""")
			.params(username, encoder.encode(PASSWORD), username, role, squad.unit, personId, LocalDateTime.now(),
					LocalDateTime.now())
			.update();
	}

	private boolean horizontalOverflow() {
		Object r = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
		return Boolean.TRUE.equals(r);
	}

}
