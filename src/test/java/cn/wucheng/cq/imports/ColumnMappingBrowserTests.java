package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.SharedBrowser;

/**
 * Issue 14 item 2 in a real browser, at 1366x768 and 390x844: 法制科 uploads a platform export whose headers the
 * importer does not know, gets the mapping step (each column beside a choice of the file's headers, the first rows),
 * completes it, saves it under a name and sees the result; a second file with the same headers is imported with the
 * saved mapping at once, and the result says which.
 */
@Tag("browser")
@ExtendWith(SharedBrowser.class)
class ColumnMappingBrowserTests extends ImportTestSupport {

	private WebDriver browser;

	private Path dir;

	@BeforeEach
	void openABrowser() throws Exception {
		jdbc.sql("delete from import_mapping").update();
		importExampleThrough("people");
		dir = Files.createTempDirectory("cq-mapping-browser");
		Browser.logIn(browser, "http://127.0.0.1:" + port, "legal", LEGAL_PASSWORD);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "desktop", "phone" })
	void theLegalSectionMapsAnExportOnceAndTheNextFileWithTheSameHeadersImportsByItself(String window)
			throws Exception {
		Consumer<WebDriver> size = window.equals("desktop") ? Browser::desktop : Browser::phone;
		size.accept(browser);
		long width = window.equals("desktop") ? 1366 : 390;
		browser.get("http://127.0.0.1:" + port + "/imports");
		new Select(browser.findElement(By.id("import-kind"))).selectByValue("cases");
		Path first = dir.resolve("省平台导出.csv");
		Files.write(first, ColumnMappingTests.oddCsv(Charset.forName("GB18030")));
		browser.findElement(By.id("import-file")).sendKeys(first.toString());
		click(browser.findElement(By.id("import-submit")));

		WebElement form = wait(By.id("import-mapping-form"));
		assertThat(browser.findElement(By.id("import-mapping-message")).getText()).contains("主办人工号");
		assertThat(new Select(column("案件编号")).getFirstSelectedOption().getText()).isEqualTo("案件编号");
		assertThat(browser.findElement(By.id("import-mapping-preview")).getText()).contains("WCZF-2024-00001");
		ColumnMappingTests.ODD.forEach((column, header) -> new Select(column(column)).selectByValue(header));
		browser.findElement(By.id("import-mapping-name")).sendKeys("省平台案件导出");
		assertThat(Browser.pageWidth(browser)).as("no sideways scrolling").isLessThanOrEqualTo(width);
		scrollTo(form);
		Browser.screenshot(browser, "i14-mapping-" + window + "-1-step");

		click(browser.findElement(By.id("import-mapping-save")));
		WebElement created = wait(By.id("import-created"));
		assertThat(created.getText()).isEqualTo(String.valueOf(dataRows(example("cases"))));
		assertThat(browser.findElement(By.id("import-mapping-used")).getText()).contains("已保存列对应关系“省平台案件导出”");
		assertThat(browser.getCurrentUrl()).endsWith("/imports"); // htmx swapped the result in
		scrollTo(browser.findElement(By.id("import-result")));
		Browser.screenshot(browser, "i14-mapping-" + window + "-2-saved");

		Path second = dir.resolve("省平台导出-次日.xlsx");
		Files.write(second, ExportLikeFileImportTests.exportXlsx(ColumnMappingTests.oddRows()));
		browser.findElement(By.id("import-file")).clear();
		browser.findElement(By.id("import-file")).sendKeys(second.toString());
		click(browser.findElement(By.id("import-submit")));
		WebElement used = Browser.waitFor(browser, Duration.ofSeconds(60)).until(b -> b
			.findElements(By.id("import-mapping-used"))
			.stream()
			.filter(e -> e.getText().contains("按已保存的列对应关系"))
			.findFirst()
			.orElse(null));
		assertThat(used.getText()).isEqualTo("按已保存的列对应关系“省平台案件导出”导入。");
		assertThat(browser.findElement(By.id("import-unchanged")).getText())
			.isEqualTo(String.valueOf(dataRows(example("cases"))));
		assertThat(Browser.findNow(browser, By.id("import-mapping-form"))).isEmpty();
		scrollTo(used);
		Browser.screenshot(browser, "i14-mapping-" + window + "-3-applied");

		browser.get("http://127.0.0.1:" + port + "/imports/mappings");
		assertThat(browser.findElement(By.id("import-mappings")).getText()).contains("省平台案件导出")
			.contains("主办人工号 ← 办案人员编码");
		assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(width);
		Browser.screenshot(browser, "i14-mapping-" + window + "-4-list");
		assertThat(Browser.severeConsoleMessages(browser)).isEmpty();
	}

	private WebElement wait(By by) {
		return Browser.waitFor(browser, Duration.ofSeconds(60))
			.until(b -> b.findElements(by).stream().findFirst().orElse(null));
	}

	private WebElement column(String column) {
		return browser.findElement(By.cssSelector("select[data-column='" + column + "']"));
	}

	private void scrollTo(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});", element);
	}

	private void click(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		Browser.waitFor(browser, Duration.ofSeconds(5)).until(b -> element.isDisplayed() && element.isEnabled());
		element.click();
	}

}
