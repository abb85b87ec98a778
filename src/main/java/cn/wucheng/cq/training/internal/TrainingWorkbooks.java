package cn.wucheng.cq.training.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.wucheng.cq.shared.SpreadsheetText;
import cn.wucheng.cq.training.TrainingOverview;
import cn.wucheng.cq.training.TrainingSource;

/**
 * The training spreadsheets: the attendance sheet to fill in and import, and the hours of a year. Text a
 * spreadsheet would take for a formula is written through {@link SpreadsheetText}.
 */
final class TrainingWorkbooks {

	private TrainingWorkbooks() {
	}

	/** The import columns, with the session's attendees so far (signed in as 是/否, the score as a number). */
	static void attendanceTemplate(List<SessionService.AttendeeRow> attendees, String sheetName, OutputStream out)
			throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Sheet sheet = wb.createSheet(sheetName);
			CellStyle bold = boldStyle(wb);
			SpreadsheetText cells = SpreadsheetText.of(wb);
			Row head = sheet.createRow(0);
			for (int i = 0; i < AttendanceSheet.COLUMNS.size(); i++) {
				Cell c = head.createCell(i);
				c.setCellValue(AttendanceSheet.COLUMNS.get(i));
				c.setCellStyle(bold);
				sheet.setColumnWidth(i, 14 * 256);
			}
			int r = 1;
			for (SessionService.AttendeeRow a : attendees) {
				Row row = sheet.createRow(r++);
				cells.text(row.createCell(0), a.employeeNo());
				cells.text(row.createCell(1), a.name());
				cells.text(row.createCell(2), a.signedIn() ? AttendanceSheet.YES_WORD : AttendanceSheet.NO_WORD);
				if (a.score() != null) {
					SpreadsheetText.exactNumber(row.createCell(3), a.score());
				}
				cells.text(row.createCell(4), a.replacesNo());
			}
			sheet.createFreezePane(0, 1);
			wb.write(out);
		}
	}

	/** The hours of a year: one row per officer, hours as numbers; headers and words from {@code msg}. */
	static void hours(TrainingOverview.HoursReport report, String title, Function<String, String> msg,
			OutputStream out) throws IOException {
		String[] headers = { "employeeNo", "name", "unit", "hours", "sessions", "required", "expected", "shortfall",
				"progress" };
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Sheet sheet = wb.createSheet(msg.apply("training.hours.export.sheet") + " " + report.year());
			CellStyle bold = boldStyle(wb);
			SpreadsheetText cells = SpreadsheetText.of(wb);
			cells.text(sheet.createRow(0).createCell(0), title);
			Row head = sheet.createRow(1);
			for (int i = 0; i < headers.length; i++) {
				Cell c = head.createCell(i);
				c.setCellValue(msg.apply("training.hours.col." + headers[i]));
				c.setCellStyle(bold);
				sheet.setColumnWidth(i, (i == 2 ? 18 : 11) * 256);
			}
			// the hours of each source after the existing columns (their positions are what users know)
			TrainingSource[] sources = TrainingSource.values();
			for (int j = 0; j < sources.length; j++) {
				Cell c = head.createCell(headers.length + j);
				c.setCellValue(msg.apply(sources[j].labelKey()));
				c.setCellStyle(bold);
				sheet.setColumnWidth(headers.length + j, 11 * 256);
			}
			int r = 2;
			for (TrainingOverview.OfficerHours o : report.officers()) {
				Row row = sheet.createRow(r++);
				cells.text(row.createCell(0), o.employeeNo());
				cells.text(row.createCell(1), o.name());
				cells.text(row.createCell(2), o.unitName());
				SpreadsheetText.exactNumber(row.createCell(3), o.hours());
				row.createCell(4).setCellValue(o.sessions());
				SpreadsheetText.exactNumber(row.createCell(5), report.required());
				SpreadsheetText.exactNumber(row.createCell(6), report.expected());
				SpreadsheetText.exactNumber(row.createCell(7), o.shortfall());
				cells.text(row.createCell(8), msg.apply(o.complete() ? "training.hours.progress.complete"
						: o.behind() ? "training.hours.progress.behind" : "training.hours.progress.onTrack"));
				for (int j = 0; j < sources.length; j++) {
					SpreadsheetText.exactNumber(row.createCell(headers.length + j), o.hoursFrom(sources[j]));
				}
			}
			sheet.createFreezePane(0, 2);
			sheet.getPrintSetup().setLandscape(true);
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			sheet.setRepeatingRows(CellRangeAddress.valueOf("2:2"));
			wb.write(out);
		}
	}

	static ResponseEntity<byte[]> download(byte[] body, String file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(body);
	}



	private static CellStyle boldStyle(XSSFWorkbook wb) {
		CellStyle style = wb.createCellStyle();
		Font font = wb.createFont();
		font.setBold(true);
		style.setFont(font);
		return style;
	}

}
