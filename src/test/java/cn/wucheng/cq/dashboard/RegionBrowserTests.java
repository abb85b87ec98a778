package cn.wucheng.cq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * Issue 16 item 3 in a real browser: a province account (省厅法制处) signs in, lands on the comparison of bureaus, sees
 * the bars drawn and the table within the window at 1366×768 and at 390×844, and opens one bureau's results.
 * Its own context: it adds bureaus, which the shared browser context's journeys do not expect.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=region-browser", "CQ_LEGAL_PASSWORD=Browser-Test-Pass-3" })
class RegionBrowserTests extends BrowserTest {

	static final String PASSWORD = "Region-Browser-Pass-1";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@BeforeAll
	void provinceOfThreeBureaus() {
		account(jdbc, encoder.encode(PASSWORD), "rb-province", "PROVINCE_LEGAL", null, null);
		bureau("rb-jia", "甲县综合行政执法局", "金华市", "甲县", 2);
		bureau("rb-yi", "乙县综合行政执法局", "金华市", "乙县", 1);
		bureau("rb-bing", "丙县综合行政执法局", "杭州市", "丙县", 3);
		logIn("rb-province", PASSWORD);
	}

	@AfterAll
	void leave() {
		signOut();
	}

	private void bureau(String code, String name, String city, String mark, int cases) {
		jdbc.sql("insert into bureau (code, name, city) values (?, ?, ?)").params(code, name, city).update();
		long id = jdbc.sql("select id from bureau where code = ?").param(code).query(Long.class).single();
		Bureaus.runAs(id, () -> {
			jdbc.sql("insert into domain (code, name, sort_order) values ('01', '市容环境卫生', 1)").update();
			Bureau bureau = new Bureau(jdbc);
			long unit = bureau.unit(mark + "直属中队", "直属中队");
			bureau.manages(unit, "市容环境卫生"); // the squad covers its one domain: a bar of coverage to see
			long lead = bureau.officer("RB001", mark + "张三", unit);
			long co = bureau.officer("RB002", mark + "李四", unit);
			for (int i = 1; i <= cases; i++) {
				bureau.concludedCase("RB-" + i, "简易程序", unit, lead, co, LocalDate.of(2024, 2, i));
			}
		});
	}

	@Test
	void theProvinceComparesItsBureausAsBarsAndATableAtDesktopAndPhoneWidthAndOpensOne() {
		Browser.desktop(browser);
		browser.get(url("/region?quarter=2024-Q1"));
		await(d -> !d.findElements(By.cssSelector("#region-chart canvas")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("#region-table tr.bureau-row"))).hasSize(4);
		assertThat(browser.findElement(By.id("region-table")).getText()).contains("甲县张三", "丙县张三");
		// the bars are named after the table's bureaus (region.js reads each row's first cell)
		assertThat(String.valueOf(((JavascriptExecutor) browser).executeScript(
				"return echarts.getInstanceByDom(document.getElementById('region-chart')).getOption().xAxis[0].data.join(',')")))
			.contains("甲县综合行政执法局", "丙县综合行政执法局");
		assertThat(Browser.pageWidth(browser)).as("page width at 1366×768").isLessThanOrEqualTo(1366);
		screenshot("region-desktop");

		Browser.phone(browser);
		browser.get(url("/region?quarter=2024-Q1"));
		await(d -> !d.findElements(By.cssSelector("#region-chart canvas")).isEmpty());
		assertThat(Browser.pageWidth(browser)).as("page width at 390×844").isLessThanOrEqualTo(390);
		screenshot("region-phone");

		Browser.desktop(browser);
		click(browser.findElement(By.linkText("丙县综合行政执法局")));
		await(d -> d.getCurrentUrl().contains("/region/bureaus/"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("丙县综合行政执法局", "2024年第1季度");
		assertThat(browser.findElement(By.id("region-leaders")).getText()).contains("丙县张三").doesNotContain("甲县");
		screenshot("region-bureau");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

}
