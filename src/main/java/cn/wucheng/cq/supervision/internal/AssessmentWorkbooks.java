package cn.wucheng.cq.supervision.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

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
 * The assessment exports as real .xlsx: points as numbers whose format shows every decimal; ranks, hours,
 * counts and percentages as numbers; text that a spreadsheet would take for a formula (= + - @, tab, carriage return
 * first) quote-prefixed so it shows as text and never runs (SpreadsheetText). A4 landscape, header row repeated on each
 * printed page. Titles and headers come from messages ({@code supervision.assessment.*}). The columns of R-73's second
 * reading (quarter ranks, 最佳办案能手, evaluation grades, review rates, lists, recording gaps) follow the earlier ones,
 * so the positions of the columns people already use stay where they were.
 */
final class AssessmentWorkbooks {

	/** Message lookup: {@code SupervisionPages::msg}. */
	@FunctionalInterface
	interface Text {

		String msg(String key, Object... args);

	}

	/** Header keys of the per-officer sheet, under {@code supervision.assessment.col.}. */
	static final List<String> OFFICER_COLUMNS = List.of("employeeNo", "name", "unit", "unitType", "q1Points",
			"q2Points", "q3Points", "q4Points", "yearPoints", "yearRank", "q1Standard", "q2Standard", "q3Standard",
			"q4Standard", "standardsMet", "trainingHours", "q1Rank", "q2Rank", "q3Rank", "q4Rank", "bestHandler",
			"evalFiles", "evalScored", "evalExcellent", "evalQualified", "evalFailed");

	/** Header keys of the per-unit sheet, under {@code supervision.assessment.col.}. */
	static final List<String> UNIT_COLUMNS = List.of("unit", "unitType", "officers", "totalPoints", "averagePoints",
			"standardsMetCount", "standardsAssessed", "standardsRate", "coverage", "coverageRate", "coverageMet",
			"trainingHoursTotal", "averageHours", "bestHandlerTimes", "ordinaryConcluded", "ordinaryReviewed",
			"reviewRate", "simpleCases", "simpleReviewed", "simpleReviewRate", "listsDue", "listsOnTime",
			"listsOnTimeRate", "recordingGaps", "unitEvalFiles", "evalScored", "evalExcellent", "evalQualified",
			"evalFailed");

	private AssessmentWorkbooks() {
	}

	static void officers(Assessment.Year year, Text text, OutputStream out) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Styles st = new Styles(wb);
			Sheet sheet = wb.createSheet(text.msg("supervision.assessment.officersSheet", year.year()));
			title(sheet, st, text.msg("supervision.assessment.officersTitle", year.year(), year.asOf()));
			header(sheet, st, OFFICER_COLUMNS, text);
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
				count(row, c++, o.rank());
				for (StandardStatus s : o.standards()) {
					text(row.createCell(c++), s == null ? "" : s.label(), st);
				}
				row.createCell(c++).setCellValue(o.standardsMet());
				number(row.createCell(c++), o.trainingHours(), st);
				// the rank of each quarter's published ranking; R-31: quarters named 最佳办案能手
				for (Integer rank : o.quarterRanks()) {
					count(row, c++, rank);
				}
				row.createCell(c++).setCellValue(o.bestHandler());
				// the grades of the files he handled
				grades(row, c, o.grades());
			}
			finish(sheet, OFFICER_COLUMNS.size());
			wb.write(out);
		}
	}

	static void units(Assessment.Year year, Text text, OutputStream out) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Styles st = new Styles(wb);
			Sheet sheet = wb.createSheet(text.msg("supervision.assessment.unitsSheet", year.year()));
			title(sheet, st, text.msg("supervision.assessment.unitsTitle", year.year(), year.asOf()));
			header(sheet, st, UNIT_COLUMNS, text);
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
					text(row.createCell(c++), text.msg(u.coverage().outcome().met() ? "supervision.assessment.yes"
							: "supervision.assessment.no"), st);
				}
				else {
					c += 3;
				}
				number(row.createCell(c++), u.trainingHours(), st);
				number(row.createCell(c++), u.averageHours(), st);
				row.createCell(c++).setCellValue(u.bestHandler());
				Assessment.UnitWork w = u.work();
				// R-42 ordinary cases reviewed by the legal section
				row.createCell(c++).setCellValue(w.ordinaryConcluded());
				row.createCell(c++).setCellValue(w.ordinaryReviewed());
				number(row.createCell(c++), w.reviewRate(), st);
				// R-40 simple cases reviewed by the squad's legal officer, R-41 monthly lists on time
				row.createCell(c++).setCellValue(w.simpleCases());
				row.createCell(c++).setCellValue(w.simpleReviewed());
				number(row.createCell(c++), w.simpleReviewRate(), st);
				row.createCell(c++).setCellValue(w.listsDue());
				row.createCell(c++).setCellValue(w.listsOnTime());
				number(row.createCell(c++), w.listsOnTimeRate(), st);
				// recording gaps
				row.createCell(c++).setCellValue(w.recordingGaps());
				// R-43 the evaluation results of the unit's files
				grades(row, c, w.evaluation());
			}
			finish(sheet, UNIT_COLUMNS.size());
			wb.write(out);
		}
	}

	private static void grades(Row row, int c, Assessment.Grades g) {
		row.createCell(c++).setCellValue(g.files());
		row.createCell(c++).setCellValue(g.scored());
		row.createCell(c++).setCellValue(g.excellent());
		row.createCell(c++).setCellValue(g.qualified());
		row.createCell(c).setCellValue(g.failed());
	}

	/** A whole number, or an empty cell when there is none (not ranked, quarter not begun). */
	private static void count(Row row, int c, Integer value) {
		if (value != null) {
			row.createCell(c).setCellValue(value);
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

	private static void header(Sheet sheet, Styles st, List<String> columns, Text text) {
		Row head = sheet.createRow(1);
		for (int i = 0; i < columns.size(); i++) {
			Cell c = head.createCell(i);
			c.setCellValue(text.msg("supervision.assessment.col." + columns.get(i)));
			c.setCellStyle(st.header());
		}
	}

	private static void text(Cell cell, String value, Styles st) {
		st.cells().text(cell, value);
	}

	/**
	 * points as a number whose format shows every decimal of the exact value (10.50, 0.875), never rounded to two
	 * places, written from the exact decimal (no binary double in between).
	 */
	private static void points(Cell cell, Points value, Styles st) {
		if (value != null) {
			SpreadsheetText.exactNumber(cell, value.value());
			cell.setCellStyle(st.points(cell.getSheet().getWorkbook(), value.spreadsheetFormat()));
		}
	}

	/** Hours and percentages (not points) as numbers, shown with two decimals. */
	private static void number(Cell cell, BigDecimal value, Styles st) {
		if (value != null) {
			SpreadsheetText.exactNumber(cell, value);
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
