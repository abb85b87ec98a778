package cn.wucheng.cq.supervision.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.wucheng.cq.scoring.standards.StandardStatus;
import cn.wucheng.cq.shared.Points;
import cn.wucheng.cq.shared.SpreadsheetText;

/**
 * The assessment exports as real .xlsx: points as exact text with two decimals, hours, counts and
 * percentages as numbers,
 * text that a spreadsheet would take for a formula (= + - @, tab, carriage return first) quote-prefixed so it shows as
 * text and never runs. A4 landscape, header row repeated on each printed page.
 */
final class AssessmentWorkbooks {

	static final String[] OFFICER_HEADERS = { "工号", "姓名", "单位", "单位类别", "第一季度积分", "第二季度积分", "第三季度积分",
			"第四季度积分", "年度积分", "类别内排名", "第一季度办案标准", "第二季度办案标准", "第三季度办案标准", "第四季度办案标准",
			"达标季度数", "培训学时" };

	static final String[] UNIT_HEADERS = { "单位", "单位类别", "正式执法人员", "年度积分合计", "人均积分", "办案标准达标人次",
			"应考核人次", "办案标准达标率(%)", "领域覆盖（已覆盖/管理）", "领域覆盖率(%)", "覆盖率达标", "培训学时合计", "人均培训学时" };

	private AssessmentWorkbooks() {
	}

	static void officers(Assessment.Year year, OutputStream out) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Styles st = new Styles(wb);
			Sheet sheet = wb.createSheet(year.year() + "年度个人考核汇总");
			title(sheet, st, year.year() + "年度执法人员考核汇总（截至 " + year.asOf() + "，供年度考核使用）");
			header(sheet, st, OFFICER_HEADERS);
			int r = 2;
			for (Assessment.OfficerRow o : year.officers()) {
				Row row = sheet.createRow(r++);
				int c = 0;
				text(row.createCell(c++), o.employeeNo(), st);
				text(row.createCell(c++), o.name(), st);
				text(row.createCell(c++), o.unitName(), st);
				text(row.createCell(c++), o.unitType().label(), st);
				for (Points p : o.quarterPoints()) {
					points(row.createCell(c++), p, st);
				}
				points(row.createCell(c++), o.yearPoints(), st);
				if (o.rank() != null) {
					row.createCell(c).setCellValue(o.rank());
				}
				c++;
				for (StandardStatus s : o.standards()) {
					text(row.createCell(c++), s == null ? "" : s.label(), st);
				}
				row.createCell(c++).setCellValue(o.standardsMet());
				number(row.createCell(c), o.trainingHours(), st);
			}
			finish(sheet, OFFICER_HEADERS.length);
			wb.write(out);
		}
	}

	static void units(Assessment.Year year, OutputStream out) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Styles st = new Styles(wb);
			Sheet sheet = wb.createSheet(year.year() + "年度单位考核汇总");
			title(sheet, st, year.year() + "年度单位目标责任制考核汇总（截至 " + year.asOf() + "）");
			header(sheet, st, UNIT_HEADERS);
			int r = 2;
			for (Assessment.UnitRow u : year.units()) {
				Row row = sheet.createRow(r++);
				int c = 0;
				text(row.createCell(c++), u.unitName(), st);
				text(row.createCell(c++), u.unitType().label(), st);
				row.createCell(c++).setCellValue(u.officers());
				points(row.createCell(c++), u.totalPoints(), st);
				number(row.createCell(c++), u.averagePoints(), st);
				row.createCell(c++).setCellValue(u.standardsMet());
				row.createCell(c++).setCellValue(u.standardsAssessed());
				number(row.createCell(c++), u.standardsRate(), st);
				if (u.coverage() != null) {
					text(row.createCell(c++), u.coverage().outcome().covered() + "/" + u.coverage().outcome().managed(), st);
					number(row.createCell(c++), u.coverage().outcome().rate(), st);
					text(row.createCell(c++), u.coverage().outcome().met() ? "是" : "否", st);
				}
				else {
					c += 3;
				}
				number(row.createCell(c++), u.trainingHours(), st);
				number(row.createCell(c), u.averageHours(), st);
			}
			finish(sheet, UNIT_HEADERS.length);
			wb.write(out);
		}
	}


	private record Styles(CellStyle header, SpreadsheetText cells, CellStyle decimal, CellStyle title,
			java.util.Map<String, CellStyle> pointStyles) {

		Styles(XSSFWorkbook wb) {
			this(wb.createCellStyle(), SpreadsheetText.of(wb), wb.createCellStyle(), wb.createCellStyle(),
					new java.util.HashMap<>());
			Font bold = wb.createFont();
			bold.setBold(true);
			header.setFont(bold);
			header.setWrapText(true);
			title.setFont(bold);
			decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
		}

		/** A numeric style per format (0.00, 0.000, …), made once per workbook. */
		CellStyle points(org.apache.poi.ss.usermodel.Workbook wb, String format) {
			return pointStyles.computeIfAbsent(format, f -> {
				CellStyle s = wb.createCellStyle();
				s.setDataFormat(wb.createDataFormat().getFormat(f));
				return s;
			});
		}

	}

	private static void title(Sheet sheet, Styles st, String text) {
		Cell c = sheet.createRow(0).createCell(0);
		c.setCellValue(text);
		c.setCellStyle(st.title());
	}

	private static void header(Sheet sheet, Styles st, String[] headers) {
		Row head = sheet.createRow(1);
		for (int i = 0; i < headers.length; i++) {
			Cell c = head.createCell(i);
			c.setCellValue(headers[i]);
			c.setCellStyle(st.header());
		}
	}

	private static void text(Cell cell, String value, Styles st) {
		st.cells().text(cell, value);
	}

	/**
	 * points as a number whose format shows every decimal of the exact value (10.50, 0.875), never rounded to two
	 * places; the values of the points system (halves and quarters of small decimals) are exact in a double.
	 */
	private static void points(Cell cell, Points value, Styles st) {
		if (value != null) {
			cell.setCellValue(value.value().doubleValue());
			cell.setCellStyle(st.points(cell.getSheet().getWorkbook(), value.spreadsheetFormat()));
		}
	}

	/** Hours and percentages (not points) as numbers, shown with two decimals. */
	private static void number(Cell cell, BigDecimal value, Styles st) {
		if (value != null) {
			cell.setCellValue(value.doubleValue());
			cell.setCellStyle(st.decimal());
		}
	}

	private static void finish(Sheet sheet, int columns) {
		sheet.createFreezePane(2, 2);
		for (int i = 0; i < columns; i++) {
			sheet.setColumnWidth(i, (i < 3 ? 14 : 11) * 256);
		}
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
		sheet.setRepeatingRows(CellRangeAddress.valueOf("2:2"));
	}

}
