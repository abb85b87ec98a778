package cn.wucheng.cq.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader: file type from the content, encodings, Excel cells as text, and files it must refuse. */
@Tag("nodb")
class TabularFileTests {

	@TempDir
	Path dir;

	private static final String CSV = "工号,姓名,出生日期\nWC0001,沈斌,1968-08-01\n\"WC,2\",\"严\"\"雷强\",1990/8/9\n";

	@Test
	void readsUtf8CsvWithoutBom() throws Exception {
		assertThat(rows(file("a.csv", CSV.getBytes(StandardCharsets.UTF_8)))).containsExactly("1:工号|姓名|出生日期",
				"2:WC0001|沈斌|1968-08-01", "3:WC,2|严\"雷强|1990/8/9");
	}

	@Test
	void readsUtf8CsvWithBomAndTheBomIsNotPartOfTheFirstHeader() throws Exception {
		byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);
		List<String> rows = rows(file("bom.csv", withBom));
		assertThat(rows.get(0)).isEqualTo("1:工号|姓名|出生日期");
	}

	@Test
	void detectsGbkCsvAsGb18030() throws Exception {
		Path f = file("gbk.csv", CSV.getBytes(Charset.forName("GBK")));
		TabularFile table = TabularFile.open(f);
		assertThat(((CsvFile) table).charset().name()).isEqualTo("GB18030");
		assertThat(rows(f)).contains("2:WC0001|沈斌|1968-08-01");
	}

	/** Over 64 KB of ASCII rows: what decides the encoding then comes while the file is parsed (one pass). */
	private static byte[] asciiRowsThen(byte[] last) {
		StringBuilder b = new StringBuilder("no,name\n");
		for (int i = 0; b.length() <= CsvFile.HEAD; i++) {
			b.append("WC").append(i).append(",plain\n");
		}
		byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
		byte[] all = java.util.Arrays.copyOf(head, head.length + last.length);
		System.arraycopy(last, 0, all, head.length, last.length);
		return all;
	}

	@Test
	void aGbkByteAfterTheFirst64KbReadsTheFileAgainAsGb18030() throws Exception {
		Path f = file("late-gbk.csv", asciiRowsThen("WC9,沈斌\n".getBytes(Charset.forName("GBK"))));
		TabularFile table = TabularFile.open(f);
		assertThat(((CsvFile) table).charset()).isEqualTo(StandardCharsets.UTF_8);
		List<String> seen = new ArrayList<>();
		assertThatThrownBy(() -> table.read((row, cells) -> seen.add(String.join("|", cells))))
			.isInstanceOfSatisfying(CsvFile.NotUtf8.class, e -> {
				assertThat(e.table().charset().name()).isEqualTo("GB18030");
				assertThat(e.table().describe()).contains("GB18030");
			});
		assertThat(seen).isNotEmpty().doesNotContain("WC9|沈斌");
		List<String> again = new ArrayList<>();
		((CsvFile.NotUtf8) catchThrowable(() -> TabularFile.open(f).read((row, cells) -> true))).table()
			.read((row, cells) -> again.add(String.join("|", cells)));
		assertThat(again).first().isEqualTo("no|name");
		assertThat(again).last().isEqualTo("WC9|沈斌");
	}

	private static final Charset GB = Charset.forName("GB18030");

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}

	@Test
	void aUtf8FileWithARowPastedFromAGbkFileIsRefusedAsMixedFromThatRow() throws Exception {
		Path f = file("utf8-then-gbk.csv", concat(CSV.getBytes(StandardCharsets.UTF_8),
				"WC0004,孙丽华,1985-03-02\n".getBytes(GB)));
		assertMixedFrom(f, 4);
	}

	@Test
	void aGbkRowAfterTheFirst64KbOfAUtf8FileIsRefusedAsMixedFromThatRow() throws Exception {
		StringBuilder b = new StringBuilder("工号,姓名,出生日期\n");
		int lines = 1;
		while (b.toString().getBytes(StandardCharsets.UTF_8).length <= CsvFile.HEAD) {
			for (int i = 0; i < 100; i++) {
				b.append("WC").append(lines).append(",沈斌,1968-08-01\n");
				lines++;
			}
		}
		Path f = file("utf8-then-late-gbk.csv",
				concat(b.toString().getBytes(StandardCharsets.UTF_8), "WC9,孙丽华,1985-03-02\n".getBytes(GB)));
		assertThat(((CsvFile) TabularFile.open(f)).charset()).isEqualTo(StandardCharsets.UTF_8);
		assertMixedFrom(f, lines + 1);
	}

	@Test
	void aGbkFileWithARowPastedFromAUtf8FileIsRefusedAsMixedFromThatRow() throws Exception {
		Path f = file("gbk-then-utf8.csv", concat(CSV.getBytes(GB), "WC0004,孙丽华,1985-03-02\n".getBytes(StandardCharsets.UTF_8),
				"WC0005,严雷强,1990-08-09\n".getBytes(GB)));
		assertMixedFrom(f, 4);
	}

	@Test
	void theMixedEncodingMessageSaysSoAndNamesTheRow() {
		org.springframework.context.support.ResourceBundleMessageSource messages = new org.springframework.context.support.ResourceBundleMessageSource();
		messages.setBasename("messages-imports");
		messages.setDefaultEncoding("UTF-8");
		assertThat(messages.getMessage("imports.file.mixedEncoding", new Object[] { "4" }, java.util.Locale.CHINA))
			.contains("混用了 UTF-8 和 GBK/GB18030").contains("第 4 行起").doesNotContain("表头");
	}

	@Test
	void everyExampleListReadsAsPureUtf8AndAsPureGb18030() throws Exception {
		for (String kind : List.of("domains", "units", "people", "cases", "deductions", "awards")) {
			byte[] utf8;
			try (var in = getClass().getResourceAsStream("/examples/small/" + kind + ".csv")) {
				utf8 = in.readAllBytes();
			}
			byte[] gb = new String(utf8, StandardCharsets.UTF_8).getBytes(GB);
			List<String> asUtf8 = rows(file(kind + "-utf8.csv", utf8));
			List<String> asGb = rows(file(kind + "-gb.csv", gb));
			assertThat(asGb).as(kind).isEqualTo(asUtf8).hasSizeGreaterThan(1);
		}
	}

	private void assertMixedFrom(Path f, int line) {
		assertThatThrownBy(() -> TabularFile.open(f).read((row, cells) -> true))
			.isInstanceOfSatisfying(UnreadableFileException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("imports.file.mixedEncoding");
				assertThat(e.args()).containsExactly(String.valueOf(line));
			});
	}

	@Test
	void aBinaryByteAfterTheFirst64KbIsRefusedEvenWhenTheReaderStoppedBeforeIt() throws Exception {
		Path f = file("late-binary.csv", asciiRowsThen(new byte[] { 'W', 'C', 0, 1, 2, '\n' }));
		assertThat(TabularFile.open(f)).isInstanceOf(CsvFile.class);
		assertUnreadable(f, "imports.file.notSpreadsheet");
		assertThatThrownBy(() -> TabularFile.open(f).read((row, cells) -> false))
			.isInstanceOfSatisfying(UnreadableFileException.class,
					e -> assertThat(e.messageKey()).isEqualTo("imports.file.notSpreadsheet"));
	}

	@Test
	void keepsExcelRowNumbersAcrossBlankLines() throws Exception {
		List<String> rows = rows(file("blank.csv", "a,b\n\n1,2\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(rows).containsExactly("1:a|b", "2:", "3:1|2");
	}

	@Test
	void readsTabSeparatedText() throws Exception {
		assertThat(rows(file("t.csv", "a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8)))).containsExactly("1:a|b",
				"2:1|2");
	}

	@Test
	void readsXlsxDatesAsIsoNumbersWithoutPointZeroAndSparseCellsInPlace() throws Exception {
		Path f = dir.resolve("x.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
			writeSample(wb);
			wb.write(out);
		}
		assertThat(rows(f)).containsExactly("1:工号|出生日期|扣分|手机号|备注", "2:1001|2024-03-05|1.5|13800138000",
				"4:A002|2024-12-31|2||末列");
	}

	@Test
	void readsStreamingWrittenXlsxWithInlineStrings() throws Exception {
		Path f = dir.resolve("s.xlsx");
		try (SXSSFWorkbook wb = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
			writeSample(wb);
			wb.write(out);
		}
		assertThat(rows(f)).containsExactly("1:工号|出生日期|扣分|手机号|备注", "2:1001|2024-03-05|1.5|13800138000",
				"4:A002|2024-12-31|2||末列");
	}

	@Test
	void readsOnlyTheFirstSheet() throws Exception {
		Path f = dir.resolve("two.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
			wb.createSheet("一").createRow(0).createCell(0).setCellValue("first");
			wb.createSheet("二").createRow(0).createCell(0).setCellValue("second");
			wb.write(out);
		}
		assertThat(rows(f)).containsExactly("1:first");
	}

	@Test
	void refusesACorruptXlsx() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			writeSample(wb);
			wb.write(bytes);
		}
		byte[] truncated = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
		assertUnreadable(file("broken.xlsx", truncated), "imports.file.corruptXlsx");
	}

	@Test
	void refusesAZipThatIsNoWorkbook() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("hello".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		assertUnreadable(file("a.xlsx", bytes.toByteArray()), "imports.file.corruptXlsx");
	}

	@Test
	void refusesAZipBomb() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			entry(zip, "[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
					<Default Extension="xml" ContentType="application/xml"/>\
					<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
					<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
					</Types>""");
			entry(zip, "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
					</Relationships>""");
			entry(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
					xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>""");
			entry(zip, "xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
					</Relationships>""");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			zip.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				.getBytes(StandardCharsets.UTF_8));
			byte[] spaces = new byte[1 << 20];
			Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 30; i++) {
				zip.write(spaces);
			}
			zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		assertThat(bytes.size()).isLessThan(200_000);
		assertUnreadable(file("bomb.xlsx", bytes.toByteArray()), "imports.file.zipBomb");
	}

	@Test
	void refusesBinaryFilesThatAreNoSpreadsheet() throws Exception {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		assertThatThrownBy(() -> TabularFile.open(file("a.png", png)))
			.isInstanceOfSatisfying(UnreadableFileException.class,
					e -> assertThat(e.messageKey()).isEqualTo("imports.file.notSpreadsheet"));
	}

	@Test
	void refusesOldXlsFiles() throws Exception {
		byte[] ole = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
		assertThatThrownBy(() -> TabularFile.open(file("a.xls", ole)))
			.isInstanceOfSatisfying(UnreadableFileException.class,
					e -> assertThat(e.messageKey()).isEqualTo("imports.file.xls"));
	}

	@Test
	void refusesAnEmptyFile() throws Exception {
		assertThatThrownBy(() -> TabularFile.open(file("e.csv", new byte[0])))
			.isInstanceOfSatisfying(UnreadableFileException.class,
					e -> assertThat(e.messageKey()).isEqualTo("imports.file.empty"));
	}

	@Test
	void parsesTheDateFormsOfImportMd() {
		LocalDate d = LocalDate.of(2024, 3, 5);
		assertThat(DateText.parse("2024-03-05")).contains(d);
		assertThat(DateText.parse("2024/3/5")).contains(d);
		assertThat(DateText.parse("2024年3月5日")).contains(d);
		assertThat(DateText.parse(" 2024-3-5 ")).contains(d);
		assertThat(DateText.parse("2024.03.05")).contains(d);
		assertThat(DateText.parse("20240305")).contains(d);
		assertThat(DateText.parse("2024-03-05 10:30:00")).contains(d);
		assertThat(DateText.parse("2024-13-05")).isEmpty();
		assertThat(DateText.parse("2024-02-30")).isEmpty();
		assertThat(DateText.parse("2024-03/05")).isEmpty();
		assertThat(DateText.parse("三月五日")).isEmpty();
	}

	@Test
	void writesExcelNumbersAsPlainText() {
		assertThat(XlsxFile.plainNumber("1001.0")).isEqualTo("1001");
		assertThat(XlsxFile.plainNumber("1.5")).isEqualTo("1.5");
		assertThat(XlsxFile.plainNumber("1.3800138E10")).isEqualTo("13800138000");
		assertThat(XlsxFile.plainNumber("0.30000000000000004")).isEqualTo("0.3");
		assertThat(XlsxFile.plainNumber("0")).isEqualTo("0");
	}

	@Test
	void keyIndexRemembersTheFirstRowOfEachKeyAcrossGrowth() {
		KeyIndex index = new KeyIndex();
		for (int i = 2; i < 100_002; i++) {
			assertThat(index.putIfAbsent("WCZF-" + i, i)).isZero();
		}
		assertThat(index.putIfAbsent("WCZF-5", 200_000)).isEqualTo(5);
		assertThat(index.putIfAbsent("WCZF-100001", 200_001)).isEqualTo(100_001);
	}

	private static void writeSample(Workbook wb) {
		Sheet s = wb.createSheet("人员");
		CellStyle date = wb.createCellStyle();
		date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
		CellStyle chineseDate = wb.createCellStyle();
		chineseDate.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
		Row h = s.createRow(0);
		String[] headers = { "工号", "出生日期", "扣分", "手机号", "备注" };
		for (int i = 0; i < headers.length; i++) {
			h.createCell(i).setCellValue(headers[i]);
		}
		Row r = s.createRow(1);
		r.createCell(0).setCellValue(1001);
		r.createCell(1).setCellValue(LocalDate.of(2024, 3, 5));
		r.getCell(1).setCellStyle(date);
		r.createCell(2).setCellValue(1.5);
		r.createCell(3).setCellValue(13800138000d);
		// row 3 left out entirely: rows keep their Excel numbers
		Row r4 = s.createRow(3);
		r4.createCell(0).setCellValue("A002");
		r4.createCell(1).setCellValue(LocalDate.of(2024, 12, 31));
		r4.getCell(1).setCellStyle(chineseDate);
		r4.createCell(2).setCellValue(2);
		r4.createCell(4).setCellValue("末列");
	}

	private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private void assertUnreadable(Path f, String key) {
		assertThatThrownBy(() -> TabularFile.open(f).read((row, cells) -> true))
			.isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
	}

	private Path file(String name, byte[] content) throws IOException {
		Path f = dir.resolve(name);
		Files.write(f, content);
		return f;
	}

	private static List<String> rows(Path f) throws UnreadableFileException {
		List<String> rows = new ArrayList<>();
		TabularFile.open(f).read((row, cells) -> {
			rows.add(row + ":" + String.join("|", cells));
			return true;
		});
		return rows;
	}

}
