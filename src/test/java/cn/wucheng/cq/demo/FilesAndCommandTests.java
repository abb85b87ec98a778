package cn.wucheng.cq.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory sink, the .xlsx copies and the command line. */
@Tag("nodb")
class FilesAndCommandTests {

	private static final BureauSpec SMALL = BureauSpec.county().withCasesPerBureau(300);

	@TempDir
	Path dir;

	@Test
	void theDirectorySinkWritesTheSameUtf8BytesAsMemory() throws IOException {
		DemoBureau.write(SMALL, new CsvDirectorySink(dir));
		Map<String, byte[]> memory = DemoBureau.inMemory(SMALL);
		for (ImportList list : ImportList.values()) {
			assertThat(Files.readAllBytes(dir.resolve(list.csvFileName()))).as(list.key())
				.isEqualTo(memory.get(list.key()));
		}
	}

	@Test
	void xlsxCopiesHaveTheHeaderInRowOneTextCellsAndDateCells() throws IOException {
		DemoBureau.write(SMALL, new CsvDirectorySink(dir));
		assertThat(XlsxWriter.writeAll(dir)).hasSize(6);
		Lists.Table csv = Lists.table(Files.readString(dir.resolve("cases.csv"), StandardCharsets.UTF_8));
		try (InputStream in = Files.newInputStream(dir.resolve("cases.xlsx"));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(0);
			for (int c = 0; c < csv.headers().size(); c++) {
				assertThat(header.getCell(c).getStringCellValue()).isEqualTo(csv.headers().get(c));
			}
			assertThat(sheet.getLastRowNum()).isEqualTo(csv.rows().size());
			Row first = sheet.getRow(1);
			Map<String, String> expected = csv.rows().get(0);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo(expected.get("案件编号"));
			Cell filed = first.getCell(csv.headers().indexOf("立案日期"));
			assertThat(filed.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(filed)).isTrue();
			assertThat(filed.getLocalDateTimeCellValue().toLocalDate())
				.isEqualTo(LocalDate.parse(expected.get("立案日期")));
			assertThat(first.getCell(csv.headers().indexOf("主办人工号")).getCellType()).isEqualTo(CellType.STRING);
		}
		try (InputStream in = Files.newInputStream(dir.resolve("deductions.xlsx"));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Cell points = workbook.getSheetAt(0).getRow(1).getCell(4);
			assertThat(points.getCellType()).as("扣分 stays exact text").isEqualTo(CellType.STRING);
		}
	}

	@Test
	void textCellsAreSharedStringsLikeExcelOrInlineStringsForLargeLists() throws IOException {
		DemoBureau.write(SMALL, new CsvDirectorySink(dir));
		Path people = dir.resolve("people.csv");
		XlsxWriter.write(people, dir.resolve("shared.xlsx"));
		XlsxWriter.write(people, dir.resolve("inline.xlsx"), false);
		assertThat(firstSheetXml(dir.resolve("shared.xlsx"))).contains("t=\"s\"").doesNotContain("inlineStr");
		assertThat(firstSheetXml(dir.resolve("inline.xlsx"))).contains("t=\"inlineStr\"");
		for (String file : new String[] { "shared.xlsx", "inline.xlsx" }) {
			try (InputStream in = Files.newInputStream(dir.resolve(file)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
				assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("WC0001");
			}
		}
	}

	private static String firstSheetXml(Path xlsx) throws IOException {
		try (var zip = new java.util.zip.ZipFile(xlsx.toFile())) {
			return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
					StandardCharsets.UTF_8);
		}
	}

	@Test
	void theCommandWritesTheSixListsAndTheirXlsxCopies() {
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		int status = GenerateBureau.run(
				new String[] { "--size", "county", "--out", dir.toString(), "--seed", "42", "--cases", "250", "--xlsx" },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
		for (ImportList list : ImportList.values()) {
			assertThat(dir.resolve(list.csvFileName())).isNotEmptyFile();
			assertThat(dir.resolve(list.key() + ".xlsx")).isNotEmptyFile();
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("cases").contains("250");
	}

	@Test
	void theCommandSaysWhatIsWrongWithItsArguments() {
		var err = new ByteArrayOutputStream();
		PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
		PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		assertThat(GenerateBureau.run(new String[] { "--size", "county" }, out, errors)).isEqualTo(2);
		assertThat(GenerateBureau.run(new String[] { "--size", "city", "--out", dir.toString() }, out, errors))
			.isEqualTo(2);
		assertThat(GenerateBureau.run(new String[] { "--seed", "x", "--out", dir.toString() }, out, errors))
			.isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("缺少 --out 目录")
			.contains("--size 只能是 county 或 province")
			.contains("--seed 须为整数")
			.contains("用法");
	}

}
