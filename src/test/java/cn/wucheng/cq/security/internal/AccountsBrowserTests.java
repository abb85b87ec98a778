package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.BrowserTest;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * The administrator's journey in a real browser (CSP on, scripts from files only): sign in, create an account, see
 * its initial password once, confirm a password reset through the page's script; the new user must change his
 * password first, then works; the audit administrator sees it all in the audit log. Screenshots at 1366x768 go to
 * target/screenshots.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "CQ_ADMIN_PASSWORD=Br0wser!Admin#1", "CQ_LEGAL_PASSWORD=Br0wser!Legal#1",
				"CQ_AUDIT_PASSWORD=Br0wser!Audit#1",
				"cq.security.totp-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" })
class AccountsBrowserTests extends BrowserTest {

	@Test
	void theAdministratorCreatesAnAccountWhoseUserMustChooseHisOwnPasswordFirst() throws Exception {
		signIn("admin", "Br0wser!Admin#1");
		enrolSecondFactor("admin-totp");
		browser.get(url("/admin/users/new"));
		browser.findElement(By.id("username")).sendKeys("browser-user");
		browser.findElement(By.id("displayName")).sendKeys("李四");
		new Select(browser.findElement(By.id("role"))).selectByValue("LEGAL");
		screenshot("admin-users-new");
		click(By.cssSelector("button[type=submit].btn-primary"));

		String first = browser.findElement(By.cssSelector("#issued-password code")).getText();
		assertThat(first).hasSizeGreaterThan(8);
		screenshot("admin-users-created");

		// reset through the confirm dialog of app.js (no inline script allowed by the CSP)
		browser.get(url("/admin/users?q=browser-user"));
		click(By.xpath("//form[contains(@action,'reset-password')]/button"));
		Browser.waitFor(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
		String password = browser.findElement(By.cssSelector("#issued-password code")).getText();
		assertThat(password).isNotEqualTo(first);
		browser.get(url("/admin/users"));
		assertThat(browser.getPageSource()).doesNotContain(password);

		logOut();
		signIn("browser-user", password);
		assertThat(browser.getCurrentUrl()).endsWith("/account/password");
		screenshot("account-password-forced");
		browser.findElement(By.id("currentPassword")).sendKeys(password);
		browser.findElement(By.id("newPassword")).sendKeys("Short1!");
		browser.findElement(By.id("repeatPassword")).sendKeys("Short1!");
		click(By.cssSelector("form[action$='/account/password'] button[type=submit]"));
		pageShows("新密码太短");
		browser.findElement(By.id("currentPassword")).sendKeys(password);
		browser.findElement(By.id("newPassword")).sendKeys("Qz7!river-Stone");
		browser.findElement(By.id("repeatPassword")).sendKeys("Qz7!river-Stone");
		click(By.cssSelector("form[action$='/account/password'] button[type=submit]"));
		pageShows("密码已修改。");

		// the audit log is the audit administrator's (三员分立)
		browser.get(url("/audit"));
		assertThat(browser.getPageSource()).contains("您没有权限访问此页面或数据。");
		logOut();
		signIn("audit", "Br0wser!Audit#1");
		enrolSecondFactor("audit-totp");
		browser.get(url("/audit"));
		assertThat(browser.getPageSource()).contains("新建账号", "重置密码", "修改密码");
		screenshot("audit");
	}

	/**
	 * An administrator's first sign-in leads to the second factor: read the secret off the page as an authenticator
	 * app would, and confirm its current code.
	 */
	private void enrolSecondFactor(String screenshot) throws Exception {
		assertThat(browser.getCurrentUrl()).endsWith("/account/totp");
		assertThat(browser.findElement(By.id("totp-qr")).getAttribute("src")).startsWith("data:image/svg+xml");
		screenshot(screenshot);
		byte[] secret = new Base32().decode(browser.findElement(By.id("totp-secret")).getText());
		browser.findElement(By.id("enrol-code")).sendKeys(Totp.code(secret, Totp.step(java.time.Instant.now())));
		click(By.cssSelector("form[action$='/account/totp/enrol'] button[type=submit]"));
		pageShows("两步验证已启用。");
	}

	/**
	 * A form's submit returns before the next page has loaded (the home page it redirects to computes the user's
	 * reminders): wait for the text rather than reading the page that is still there.
	 */
	private void pageShows(String text) {
		Browser.waitFor(browser, Duration.ofSeconds(20)).until(d -> d.getPageSource().contains(text));
	}

	/** Scrolls the element to the middle first: at 1366x768 a long form's button may sit below the fold. */
	private void click(By by) {
		WebElement element = browser.findElement(by);
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({behavior: 'instant', block: 'center'});", element);
		element.click();
	}

	/**
	 * Signs out and waits for the login page: a sign-in sent while the sign-out is still on its way shares the old
	 * session with it, and the sign-out, answered second, may end the new sign-in's session (the audit administrator's
	 * sign-in stayed on /login once in a whole run).
	 */
	private void logOut() {
		click(By.cssSelector("form[action$='/logout'] button"));
		Browser.waitFor(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/login?logout"));
	}

	private void signIn(String username, String password) {
		Browser.logIn(browser, url(""), username, password);
	}

}
