package cn.wucheng.cq.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.wucheng.cq.demo.BureauSpec;
import cn.wucheng.cq.demo.CsvDirectorySink;
import cn.wucheng.cq.demo.DemoBureau;
import cn.wucheng.cq.demo.XlsxWriter;

/**
 * The .xlsx reader holds no more of a workbook's text than its bound ({@link XlsxLimits}: 10 times the file, at most
 * 128 MB): a shared-strings bomb inside the zip guard's limits is refused with a message naming the limit, in a heap
 * that POI's own table could not survive, while the bench's 200,000 cases written as Excel writes them stay far below
 * the bound.
 */
@Tag("nodb")
class XlsxFileTests {

	@TempDir
	Path dir;

	@Test
	void aSharedStringsTableOverTenTimesTheFileIsRefusedWithAChineseMessageNamingTheLimit() throws Exception {
		Path bomb = file("bomb.xlsx", SharedStringsBomb.xlsx(100_000_000));
		String limit = XlsxLimits.megabytes(Files.size(bomb) * 10);

		assertThatThrownBy(() -> TabularFile.open(bomb).read((row, cells) -> true))
			.isInstanceOfSatisfying(UnreadableFileException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("imports.file.sharedStringsTooLarge");
				assertThat(message(e)).startsWith("工作簿中的文字（共享字符串表 xl/sharedStrings.xml）超过上限 " + limit
						+ "：上限为文件大小的 10 倍，最多 128.0 MB");
			});
	}

	@Test
	void theBombFillsASmallHeapThroughPoisTableButTheReaderRefusesItThere() throws Exception {
		Path bomb = file("bomb.xlsx", SharedStringsBomb.xlsx(100_000_000));

		assertThat(inSmallHeap("poi", bomb)).isEqualTo("OutOfMemoryError");
		assertThat(inSmallHeap("reader", bomb)).isEqualTo("refused imports.file.sharedStringsTooLarge");
	}

	@Test
	void twentyThousandCasesWrittenAsExcelDoesStayUnderAQuarterOfTheBoundAndAreReadInASmallHeap() throws Exception {
		assertExcelWrittenCasesFitTheBound(2, "rows 20001");
	}

	/** The bench's .xlsx figure at its size; ~50 s on 2 busy cores, so with the heavy tests (-Dcq.heavy.tags=none). */
	@Test
	@Tag("load")
	void twoHundredThousandCasesWrittenAsExcelDoesStayUnderAQuarterOfTheBoundAndAreReadInASmallHeap() throws Exception {
		assertExcelWrittenCasesFitTheBound(20, "rows 200001");
	}

	private void assertExcelWrittenCasesFitTheBound(int bureaus, String rowsRead) throws Exception {
		DemoBureau.write(BureauSpec.province().withBureaus(bureaus), new CsvDirectorySink(dir));
		Path xlsx = dir.resolve("cases.xlsx");
		XlsxWriter.write(dir.resolve("cases.csv"), xlsx, true);
		long unpacked;
		try (ZipFile zip = new ZipFile(xlsx.toFile())) {
			unpacked = zip.getEntry("xl/sharedStrings.xml").getSize();
		}

		// measured 1.98 for 200,000 cases (21.8 MB of text in an 11.0 MB file); the bound is 10
		assertThat(unpacked).isGreaterThan(Files.size(xlsx)).isLessThan(Files.size(xlsx) * 10 / 4);
		assertThat(inSmallHeap("reader", xlsx)).isEqualTo(rowsRead);
	}

	@Test
	void aCellLongerThanExcelAllowsIsRefusedNamingItsRow() throws Exception {
		Path f = file("long.xlsx", SharedStringsBomb.withSheet("""
				<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
				<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="7"><c r="A7" t="inlineStr"><is><t>%s</t></is></c></row>\
				</sheetData></worksheet>""".formatted("长".repeat(XlsxFile.MAX_CELL_CHARS + 1))));

		assertThatThrownBy(() -> TabularFile.open(f).read((row, cells) -> true))
			.isInstanceOfSatisfying(UnreadableFileException.class,
					e -> assertThat(message(e)).startsWith("第 7 行有单元格超过 Excel 的上限（32767 个字）"));
	}

	@Test
	void aCellOfExactlyExcelsLimitIsRead() throws Exception {
		String longest = "长".repeat(XlsxFile.MAX_CELL_CHARS);
		Path f = file("longest.xlsx", SharedStringsBomb.withSheet("""
				<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
				<row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c></row></sheetData></worksheet>""".formatted(longest)));
		List<String> cells = new ArrayList<>();

		TabularFile.open(f).read((row, values) -> cells.add(values[0]));

		assertThat(cells).containsExactly(longest);
	}

	@Test
	void sharedStringsJoinTheirRichTextRunsAndLeaveOutPhoneticGuides() throws Exception {
		BoundedSharedStrings table = BoundedSharedStrings.read(xml("""
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2000000000" uniqueCount="2000000000">\
				<si><t>直属</t></si><si><r><rPr><b/></rPr><t>一</t></r><r><t xml:space="preserve">中队 </t></r></si>\
				<si><t>婺城</t><rPh sb="0" eb="2"><t>ウジョウ</t></rPh><phoneticPr fontId="1"/></si><si/><si><t/></si></sst>"""),
				1 << 20);

		assertThat(table.size()).isEqualTo(5);
		assertThat(table.get(0)).isEqualTo("直属");
		assertThat(table.get(1)).isEqualTo("一中队 ");
		assertThat(table.get(2)).isEqualTo("婺城");
		assertThat(table.get(3)).isEmpty();
		assertThat(table.get(4)).isEmpty();
		assertThat(table.get(5)).isNull();
		assertThat(table.get(-1)).isNull();
	}

	@Test
	void stringsAcrossTheTablesMegabyteBlocksReadBackWhole() throws Exception {
		StringBuilder sst = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
		List<String> written = new ArrayList<>();
		for (int i = 0; i < 30_000; i++) {
			String s = "婺城区综合行政执法局第" + i + "号".repeat(i % 50);
			written.add(s);
			sst.append("<si><t>").append(s).append("</t></si>");
		}
		BoundedSharedStrings table = BoundedSharedStrings.read(xml(sst.append("</sst>").toString()), 64L << 20);

		assertThat(table.heldBytes()).isGreaterThan(3L << 20);
		for (int i = 0; i < written.size(); i++) {
			assertThat(table.get(i)).isEqualTo(written.get(i));
		}
	}

	@Test
	void theTextHeldCountsAgainstTheLimitNotOnlyTheXmlRead() throws Exception {
		// UTF-16 XML: 2 bytes for each 案, 3 bytes of UTF-8 held; the XML alone stays under the limit
		byte[] sst = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><sst><si><t>" + "案".repeat(1000) + "</t></si></sst>")
			.getBytes(StandardCharsets.UTF_16);
		assertThat(sst.length).isLessThan(2_500);

		assertThatThrownBy(() -> BoundedSharedStrings.read(new ByteArrayInputStream(sst), 2_500))
			.isInstanceOf(BoundedSharedStrings.TooLarge.class);
		assertThat(BoundedSharedStrings.read(new ByteArrayInputStream(sst), 3_100).get(0)).hasSize(1000);
	}

	private static InputStream xml(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Runs ReadInSmallHeap in a JVM of 64 MB and answers what it printed. */
	private static String inSmallHeap(String mode, Path file) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
				"-cp", System.getProperty("java.class.path"), ReadInSmallHeap.class.getName(), mode, file.toString())
			.redirectErrorStream(true)
			.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
		List<String> lines = out.lines().filter(l -> !l.isBlank() && !l.startsWith("WARNING")).toList();
		return lines.isEmpty() ? out : lines.get(lines.size() - 1);
	}

	private static String message(UnreadableFileException e) {
		Properties messages = new Properties();
		try (InputStream in = XlsxFileTests.class.getResourceAsStream("/messages-imports.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException io) {
			throw new UncheckedIOException(io);
		}
		return new MessageFormat(messages.getProperty(e.messageKey()), Locale.CHINA).format(e.args());
	}

	private Path file(String name, byte[] content) throws IOException {
		Path f = dir.resolve(name);
		Files.write(f, content);
		return f;
	}

}
