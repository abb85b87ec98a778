package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import cn.wucheng.cq.support.Browser;
import cn.wucheng.cq.support.SharedBrowser;

/**
 * The import page in a real browser: 法制科 signs in, picks a list and a file, and the script uploads it (with the
 * CSRF token of the layout) and shows the counts, or the table of every error.
 */
@Tag("browser")
@ExtendWith(SharedBrowser.class)
class ImportPageBrowserTests extends ImportTestSupport {

	private WebDriver browser;

	private Path dir;

	@BeforeEach
	void openABrowser() throws Exception {
		dir = Files.createTempDirectory("cq-import-browser");
		Browser.logIn(browser, "http://127.0.0.1:" + port, "legal", LEGAL_PASSWORD);
	}

	@Test
	void theLegalSectionUploadsAListAndSeesTheCountsThenABadFileAndSeesEveryError() throws Exception {
		browser.get("http://127.0.0.1:" + port + "/imports");
		new Select(browser.findElement(By.id("import-kind"))).selectByValue("units");
		Path units = dir.resolve("units.csv");
		Files.write(units, example("units"));
		browser.findElement(By.id("import-file")).sendKeys(units.toString());
		browser.findElement(By.id("import-submit")).click();
		WebElement created = Browser.waitFor(browser, Duration.ofSeconds(60))
			.until(b -> b.findElements(By.id("import-created")).stream().findFirst().orElse(null));
		assertThat(created.getText()).isEqualTo("9");
		assertThat(browser.getCurrentUrl()).endsWith("/imports"); // the page stayed: the script uploaded it
		assertThat(jdbc.sql("select count(*) from unit").query(Integer.class).single()).isEqualTo(9);

		Path bad = dir.resolve("bad.csv");
		Files.write(bad, utf8("单位名称,单位类型\n城中中队,三类中队\n,科室\n"));
		browser.findElement(By.id("import-file")).clear();
		browser.findElement(By.id("import-file")).sendKeys(bad.toString());
		browser.findElement(By.id("import-submit")).click();
		WebElement errors = Browser.waitFor(browser, Duration.ofSeconds(60))
			.until(b -> b.findElements(By.id("import-errors")).stream().findFirst().orElse(null));
		List<String> rows = errors.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
		assertThat(rows).containsExactly("2 单位类型 无法识别的单位类型：三类中队（可选：直属中队、一类中队、二类中队、科室、指挥中心）",
				"3 单位名称 缺少必填项：单位名称");
		assertThat(browser.findElement(By.id("import-progress")).getAttribute("class")).contains("d-none");
	}

}
