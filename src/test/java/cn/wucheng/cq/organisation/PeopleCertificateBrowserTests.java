package cn.wucheng.cq.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.Bureau;

/**
 * The people list with its 执法证号 column (issue 14 item 3) in a real browser: at 390×844 the column, beside the name,
 * is in view and the page no wider than the phone (the table scrolls inside itself); at 1366×768 it fits. The person
 * form's 执法证号 field fits the phone too. Screenshots i14-cert-*.png in target/screenshots/.
 */
class PeopleCertificateBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	long officer;

	@BeforeAll
	void start() {
		Bureau bureau = new Bureau(jdbc);
		long squad = bureau.unit("证号浏览中队", "直属中队");
		officer = bureau.officer("PCB-A", "证号甲", squad);
		bureau.officer("PCB-B", "证号乙", squad);
		jdbc.sql("update person set certificate_no = 'ZF330782-2019-00017', phone = '13800001234' where id = ?")
			.param(officer)
			.update();
		Browser.logIn(browser, url(""), "legal", "Browser-Test-Pass-1");
	}

	@Test
	void thePeopleListShowsTheCertificateNumberWithinThePhonesWidth() {
		Browser.phone(browser);
		browser.get(url("/people?q=ZF330782-2019"));
		assertThat(browser.findElements(By.cssSelector("#people-table tr[data-person]"))).hasSize(1);
		assertThat(browser.findElement(By.cssSelector("tr[data-person='PCB-A'] td[data-col='certificate']"))
			.getAttribute("textContent")).isEqualTo("ZF330782-2019-00017");
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(392);
		var cell = browser.findElement(By.cssSelector("tr[data-person='PCB-A'] td[data-col='certificate']")).getRect();
		assertThat(cell.getX() + cell.getWidth()).as("beside the name, without scrolling the table").isLessThanOrEqualTo(390);
		Browser.screenshot(browser, "i14-cert-people-phone");

		Browser.desktop(browser);
		browser.get(url("/people?q=PCB-"));
		assertThat(browser.findElements(By.cssSelector("#people-table tr[data-person]"))).hasSize(2);
		assertThat(browser.findElement(By.cssSelector("tr[data-person='PCB-A'] td[data-col='certificate']"))
			.isDisplayed()).isTrue();
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(1366);
		Browser.screenshot(browser, "i14-cert-people-desktop");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

	@Test
	void thePersonFormOffersTheCertificateNumberOnAPhone() {
		Browser.phone(browser);
		browser.get(url("/people/" + officer + "/edit"));
		assertThat(browser.findElement(By.id("certificateNo")).getAttribute("value")).isEqualTo("ZF330782-2019-00017");
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(392);
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
				"arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", browser.findElement(By.id("certificateNo")));
		Browser.screenshot(browser, "i14-cert-person-form-phone");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

}
