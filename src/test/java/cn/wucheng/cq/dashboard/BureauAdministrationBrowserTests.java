package cn.wucheng.cq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * Issue 16, 执法局管理 in a real browser: the province's legal office (省厅法制处) opens a bureau from the comparison's
 * link, reads its two administrators' initial passwords once, and the list stays within the window at 1366×768 and
 * at 390×844. Its own context: it opens a bureau, which the other browser contexts' journeys do not expect (the
 * comparison's browser test counts its bureaus).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=bureau-admin-browser", "CQ_LEGAL_PASSWORD=Browser-Test-Pass-4" })
class BureauAdministrationBrowserTests extends BrowserTest {

	static final String PASSWORD = "Bureau-Admin-Pass-1";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@BeforeAll
	void aProvinceAccount() {
		// made while the installation has one bureau: the account is that bureau's (the default of bureau_id)
		account(jdbc, encoder.encode(PASSWORD), "bab-province", "PROVINCE_LEGAL", null, null);
		jdbc.sql("insert into bureau (code, name, city) values ('bab-jinyun', '缙云县综合行政执法局', '丽水市')").update();
		logIn("bab-province", PASSWORD);
	}

	@AfterAll
	void leave() {
		signOut();
	}

	@Test
	void theProvincesLegalOfficeOpensABureauAndReadsItsAdministratorsPasswordsOnceAtDesktopAndPhoneWidth() {
		Browser.desktop(browser);
		browser.get(url("/region"));
		click(browser.findElement(By.id("region-bureaus-manage")));
		await(d -> d.getCurrentUrl().endsWith("/region/bureaus/manage"));
		assertThat(browser.findElements(By.cssSelector("#bureau-table tr.bureau-row"))).hasSize(2);

		browser.findElement(By.id("code")).sendKeys("bab-suichang");
		browser.findElement(By.id("name")).sendKeys("遂昌县综合行政执法局");
		browser.findElement(By.id("city")).sendKeys("丽水市");
		click(browser.findElement(By.cssSelector("#bureau-open button[type=submit]")));
		await(d -> !d.findElements(By.id("bureau-opened")).isEmpty());
		List<WebElement> passwords = browser.findElements(By.cssSelector("#bureau-opened .issued-password"));
		assertThat(passwords).hasSize(2).allMatch(p -> p.getText().length() >= 12);
		assertThat(browser.findElement(By.id("bureau-opened")).getText()).contains("bab-suichang-security",
				"bab-suichang-admin", "安全管理员", "系统管理员");
		assertThat(browser.findElements(By.cssSelector("#bureau-table tr.bureau-row"))).hasSize(3);
		assertThat(Browser.pageWidth(browser)).as("page width at 1366×768").isLessThanOrEqualTo(1366);
		screenshot("bureau-admin-opened-desktop");

		// the same code again: refused beside the field, in Chinese
		browser.findElement(By.id("code")).sendKeys("bab-suichang");
		browser.findElement(By.id("name")).sendKeys("另一个执法局");
		click(browser.findElement(By.cssSelector("#bureau-open button[type=submit]")));
		await(d -> !d.findElements(By.cssSelector("#bureau-open .invalid-feedback")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("#bureau-open .invalid-feedback")).getText())
			.contains("已被“遂昌县综合行政执法局”使用");

		Browser.phone(browser);
		browser.get(url("/region/bureaus/manage"));
		assertThat(Browser.findNow(browser, By.id("bureau-opened"))).as("the passwords are shown once").isEmpty();
		assertThat(browser.findElements(By.cssSelector("#bureau-table tr.bureau-row"))).hasSize(3);
		assertThat(Browser.pageWidth(browser)).as("page width at 390×844").isLessThanOrEqualTo(390);
		screenshot("bureau-admin-phone");

		// the city filter swaps the list (htmx) to the chosen city's bureaus
		Browser.desktop(browser);
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bureau-city-filter")))
			.selectByVisibleText("丽水市");
		await(d -> d.findElements(By.cssSelector("#bureau-table tr.bureau-row")).size() == 2);
		assertThat(browser.findElement(By.id("bureau-table")).getText()).contains("缙云县", "遂昌县").doesNotContain("本局");
		screenshot("bureau-admin-city");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

}
