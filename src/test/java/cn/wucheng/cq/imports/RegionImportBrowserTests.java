package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * Issue 16 item 3 in a real browser: the province's legal office (省厅法制处) opens 分局导入 from the menu, picks the
 * list (the columns change by htmx), uploads a file of two bureaus' units and reads each bureau's counts; then a file
 * with a row of an unknown bureau and a bad row, and reads the problems with the file's rows — at 1366×768 and at
 * 390×844. Its own context: it adds bureaus, which the shared browser context's journeys do not expect.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=region-import-browser", "CQ_LEGAL_PASSWORD=Browser-Test-Pass-4" })
class RegionImportBrowserTests extends BrowserTest {

	static final String PASSWORD = "Region-Import-Pass-1";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	Path dir;

	@BeforeAll
	void provinceOfTwoBureaus() throws Exception {
		account(jdbc, encoder.encode(PASSWORD), "ri-province", "PROVINCE_LEGAL", null, null);
		bureau("ri-jia", "甲县综合行政执法局", "金华市");
		bureau("ri-yi", "乙县综合行政执法局", "金华市");
		dir = Files.createTempDirectory("cq-region-import-browser");
		logIn("ri-province", PASSWORD);
	}

	@AfterAll
	void leave() {
		signOut();
	}

	private void bureau(String code, String name, String city) {
		jdbc.sql("insert into bureau (code, name, city) values (?, ?, ?)").params(code, name, city).update();
		long id = jdbc.sql("select id from bureau where code = ?").param(code).query(Long.class).single();
		Bureaus.runAs(id, () -> {
			jdbc.sql("insert into domain (code, name, sort_order) values ('01', '市容环境卫生', 1)").update();
		});
	}

	private Path file(String name, String content) throws Exception {
		Path f = dir.resolve(name);
		Files.writeString(f, content, StandardCharsets.UTF_8);
		return f;
	}

	private void upload(Path file) {
		browser.findElement(By.id("import-file")).sendKeys(file.toString());
		click(browser.findElement(By.id("import-submit")));
	}

	@Test
	void theProvinceImportsAFileOfTwoBureausAndReadsEachBureausCountsAndTheProblemsAtDesktopAndPhoneWidth()
			throws Exception {
		Browser.desktop(browser);
		browser.get(url("/region"));
		click(browser.findElement(By.linkText("分局导入")));
		await(d -> d.getCurrentUrl().contains("/region/imports"));
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("import-kind"))).selectByValue("units");
		await(d -> d.findElement(By.id("region-import-columns")).getText().contains("单位名称"));
		assertThat(browser.findElement(By.id("region-import-columns")).getText()).contains("所属执法局");
		upload(file("units.csv", "单位名称,单位类型,所属执法局\n甲一中队,直属中队,甲县综合行政执法局\n"
				+ "乙一中队,直属中队,ri-yi\n甲二中队,一类中队,ri-jia\n"));
		await(d -> !d.findElements(By.id("region-import-parts")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("#region-import-parts tr.region-import-part"))).hasSize(2);
		assertThat(browser.findElement(By.id("region-import-parts")).getText()).contains("甲县综合行政执法局",
				"乙县综合行政执法局");
		assertThat(browser.findElement(By.id("region-import-imported")).getText()).contains("新增 3");
		assertThat(Browser.pageWidth(browser)).as("page width at 1366×768").isLessThanOrEqualTo(1366);
		screenshot("region-import-desktop");

		Browser.phone(browser);
		browser.get(url("/region/imports?kind=units"));
		upload(file("bad.csv", "单位名称,单位类型,所属执法局\n甲三中队,直属中队,ri-jia\n丁一中队,直属中队,丁县综合行政执法局\n"
				+ "乙三中队,三类中队,ri-yi\n"));
		await(d -> !d.findElements(By.id("region-import-errors")).isEmpty());
		String errors = browser.findElement(By.id("region-import-errors")).getText();
		assertThat(errors).contains("丁县综合行政执法局", "三类中队", "乙县综合行政执法局");
		assertThat(browser.findElement(By.id("region-import-rejected")).getText()).contains("未导入");
		assertThat(Browser.pageWidth(browser)).as("page width at 390×844").isLessThanOrEqualTo(390);
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
				"document.getElementById('region-import-rejected').scrollIntoView({behavior: 'instant', block: 'start'});");
		screenshot("region-import-phone");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

}
