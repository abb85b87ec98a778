package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.Bureau;

/**
 * The form, filter and card fragments (issue 15 item 6) in a real browser at 1366×768 and 390×844: a refused field of
 * the 人员 form shows its error under the control, the people filter swaps the list by htmx when a picker changes, and
 * the case filter and the dashboard's cards fit the phone. Screenshots i15-frags-*.png in target/screenshots/.
 */
// the shared browser context and the JVM's one Chromium (issue 15: it had a context and a Chromium of its own)
class FragmentsBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	long squad;

	@BeforeAll
	void start() {
		Bureau bureau = new Bureau(jdbc);
		squad = bureau.unit("片段浏览中队", "直属中队");
		bureau.officer("FRB-A", "片段甲", squad);
		bureau.officer("FRB-B", "片段乙", squad);
		logIn("legal", LEGAL_PASSWORD);
	}

	@Test
	void aRefusedFieldShowsItsErrorUnderItsControlOnBothScreens() {
		for (boolean phone : new boolean[] { false, true }) {
			if (phone) {
				Browser.phone(browser);
			}
			else {
				Browser.desktop(browser);
			}
			browser.get(url("/people/new"));
			js("document.getElementById('employeeNo').value = 'FRB-X';"
					+ "document.getElementById('name').value = '片段丙';"
					+ "document.getElementById('birthDate').value = '1985-03-05';"
					+ "document.getElementById('phone').value = '12345';"
					+ "for (const id of ['sex', 'category', 'post']) {"
					+ "  const s = document.getElementById(id); s.selectedIndex = 1; }"
					+ "document.getElementById('unitId').value = arguments[0];", String.valueOf(squad));
			WebElement save = browser.findElement(By.cssSelector("form[action$='/people/new'] button[type=submit]"));
			js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", save);
			save.click();
			Browser.await(browser, d -> !d.findElements(By.cssSelector("#phone.is-invalid")).isEmpty());
			WebElement error = browser.findElement(By.cssSelector("#phone ~ .invalid-feedback"));
			assertThat(error.isDisplayed()).isTrue();
			assertThat(error.getText()).startsWith("手机号格式不正确");
			assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("片段丙");
			assertThat(browser.findElement(By.cssSelector("#certificateNo")).getAttribute("aria-describedby"))
				.isEqualTo("certificateNo-hint");
			assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(phone ? 392 : 1366);
			js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", error);
			Browser.screenshot(browser, phone ? "i15-frags-person-error-phone" : "i15-frags-person-error-desktop");
		}
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

	@Test
	void thePeopleFilterSwapsTheListWhenAPickerChanges() {
		Browser.desktop(browser);
		browser.get(url("/people"));
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("unit")))
			.selectByValue(String.valueOf(squad));
		Browser.await(browser, d -> d.getCurrentUrl().contains("unit=" + squad));
		Browser.await(browser, d -> d.findElements(By.cssSelector("#people-table tr[data-person]")).size() == 2);
		assertThat(browser.findElement(By.id("unit")).getAttribute("value")).isEqualTo(String.valueOf(squad));
		Browser.screenshot(browser, "i15-frags-people-filter-desktop");

		Browser.phone(browser);
		browser.get(url("/people?unit=" + squad));
		assertThat(browser.findElements(By.cssSelector("#people-table tr[data-person]"))).hasSize(2);
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(392);
		Browser.screenshot(browser, "i15-frags-people-filter-phone");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

	@Test
	void theCaseFilterAndTheDashboardCardsFitAPhone() {
		Browser.phone(browser);
		browser.get(url("/cases"));
		assertThat(browser.findElement(By.id("case-filter")).isDisplayed()).isTrue();
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(392);
		Browser.screenshot(browser, "i15-frags-case-filter-phone");

		browser.get(url("/dashboard"));
		assertThat(browser.findElements(By.cssSelector("#dashboard-totals [data-figure]"))).hasSize(9);
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(392);
		Browser.screenshot(browser, "i15-frags-dashboard-phone");

		Browser.desktop(browser);
		browser.get(url("/dashboard"));
		assertThat(browser.findElement(By.id("dashboard-quarter")).isDisplayed()).isTrue();
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(1366);
		Browser.screenshot(browser, "i15-frags-dashboard-desktop");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

	private Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

}
