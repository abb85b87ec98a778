package cn.wucheng.cq.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.support.RefusalText;

/** Reading the attendance .xlsx: row and column in every error, numbers without binary rounding. */
@Tag("nodb")
class AttendanceSheetTests {

	/** A workbook from rows of cells; a Double becomes a numeric cell, anything else text. */
	static byte[] xlsx(Object[]... rows) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet();
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					Object v = rows[r][c];
					if (v instanceof Double d) {
						row.createCell(c).setCellValue(d);
					}
					else if (v != null) {
						row.createCell(c).setCellValue(v.toString());
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	static final Object[] HEADER = { "工号", "姓名", "是否签到", "考试成绩", "代替人工号" };

	@Test
	void readsRowsWithNumericEmployeeNumbersAndExactScores() throws IOException {
		AttendanceSheet.Parsed p = AttendanceSheet.read(new ByteArrayInputStream(xlsx(HEADER,
				new Object[] { 1001.0, "张三", "是", 85.5, null }, new Object[] { "X9", "王五", "否", null, null },
				new Object[] {}, new Object[] { "X8", null, "是", "90", "1001" })));

		assertThat(p.errors()).isEmpty();
		assertThat(p.lines()).hasSize(3);
		AttendanceSheet.Line first = p.lines().get(0);
		assertThat(first.employeeNo()).isEqualTo("1001");
		assertThat(first.score()).isEqualByComparingTo("85.5");
		assertThat(first.score().toPlainString()).isEqualTo("85.5");
		assertThat(p.lines().get(1).signedIn()).isFalse();
		assertThat(p.lines().get(2).row()).isEqualTo(5);
		assertThat(p.lines().get(2).replacesNo()).isEqualTo("1001");
	}

	@Test
	void everyBadCellIsReportedWithItsRowAndColumn() throws IOException {
		AttendanceSheet.Parsed p = AttendanceSheet.read(new ByteArrayInputStream(xlsx(HEADER,
				new Object[] { "A1", "甲", "也许", 80.0, null }, new Object[] { "A2", "乙", "是", 101.0, null },
				new Object[] { "A1", "甲", "是", "八十", null }, new Object[] { null, "丙", "是", null, null })));

		assertThat(texts(p)).containsExactly("第 2 行「是否签到」列：应为“是”或“否”，收到“也许”",
				"第 3 行「考试成绩」列：应为 0–100 之间的数，最多两位小数，收到“101”",
				"第 4 行「工号」列：工号 A1 与第 2 行重复", "第 4 行「考试成绩」列：应为 0–100 之间的数，收到“八十”",
				"第 5 行「工号」列：不能为空");
	}

	@Test
	void aMissingRequiredColumnOrAFileThatIsNoXlsxIsRefused() throws IOException {
		AttendanceSheet.Parsed p = AttendanceSheet
			.read(new ByteArrayInputStream(xlsx(new Object[] { "工号", "姓名" }, new Object[] { "A1", "甲" })));
		assertThat(texts(p)).singleElement().asString().contains("缺少「是否签到」列");

		AttendanceSheet.Parsed csv = AttendanceSheet
			.read(new ByteArrayInputStream("工号,是否签到\nA1,是\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(texts(csv)).singleElement().asString().contains(".xlsx");

		AttendanceSheet.Parsed empty = AttendanceSheet.read(new ByteArrayInputStream(xlsx(HEADER)));
		assertThat(texts(empty)).singleElement().asString().contains("没有数据行");
	}

	/** The problems as the user reads them. */
	static List<String> texts(AttendanceSheet.Parsed parsed) {
		return parsed.errors().stream().map(e -> e.text(RefusalText.refusals())).toList();
	}

}
