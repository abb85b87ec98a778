package cn.wucheng.cq.scoring.standards;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.SpreadsheetText;

/**
 * The standards of a quarter as a real .xlsx (one row per officer, counts as numbers). Text that a spreadsheet would
 * take for a formula (starting with = + - @, or a tab / carriage return) is written with the quote-prefix style, so
 * it shows as text and never runs (CSV/formula injection).
 */
final class StandardsWorkbook {

	private static final String[] HEADERS = { "employeeNo", "name", "unit", "unitType", "rule", "requiredSimple",
			"requiredOrdinary", "doneSimple", "doneOrdinary", "status" };

	private final MessageSource messages;

	private final Locale locale;

	StandardsWorkbook(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	void write(Period quarter, List<OfficerStandard> rows, OutputStream out) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Sheet sheet = wb.createSheet(msg("standards.export.sheet") + " " + quarter);
			CellStyle header = wb.createCellStyle();
			Font bold = wb.createFont();
			bold.setBold(true);
			header.setFont(bold);
			SpreadsheetText cells = SpreadsheetText.of(wb);

			Row title = sheet.createRow(0);
			cells.text(title.createCell(0), msg("standards.heading", quarter.label()));
			Row head = sheet.createRow(1);
			for (int i = 0; i < HEADERS.length; i++) {
				Cell c = head.createCell(i);
				c.setCellValue(msg("standards.col." + HEADERS[i]));
				c.setCellStyle(header);
			}
			int r = 2;
			for (OfficerStandard s : rows) {
				Row row = sheet.createRow(r++);
				StandardOutcome o = s.outcome();
				cells.text(row.createCell(0), s.employeeNo());
				cells.text(row.createCell(1), s.name());
				cells.text(row.createCell(2), s.unitName());
				cells.text(row.createCell(3), s.unitType().label());
				cells.text(row.createCell(4), o.rule().label());
				if (o.rule().requiresSimple()) {
					row.createCell(5).setCellValue(o.required().simple());
				}
				row.createCell(6).setCellValue(o.required().ordinary());
				row.createCell(7).setCellValue(o.done().simple());
				row.createCell(8).setCellValue(o.done().ordinary());
				cells.text(row.createCell(9), o.status().label());
				if (o.reason() != null) {
					// R-32 "原则上": an exemption shows its reason wherever the status is
					cells.text(row.createCell(10), msg("standards.exemption.shown", o.reason()));
				}
			}
			sheet.createFreezePane(0, 2);
			sheet.setColumnWidth(0, 12 * 256);
			sheet.setColumnWidth(1, 12 * 256);
			sheet.setColumnWidth(2, 16 * 256);
			for (int i = 3; i < HEADERS.length; i++) {
				sheet.setColumnWidth(i, 11 * 256);
			}
			sheet.getPrintSetup().setLandscape(true);
			sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			sheet.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("2:2"));
			wb.write(out);
		}
	}


	private String msg(String key, Object... args) {
		Object[] text = java.util.Arrays.stream(args).map(String::valueOf).toArray();
		return messages.getMessage(key, text, locale);
	}

}
