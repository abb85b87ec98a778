package cn.wucheng.cq.dashboard.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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
 * The comparison of bureaus of a quarter as a real .xlsx (issue 16 item 3): one row per bureau, rates and counts as
 * numbers, names through {@link SpreadsheetText} (a name that a spreadsheet would take for a formula stays text).
 */
final class RegionWorkbook {

	static final String[] HEADERS = { "bureau", "city", "leaders", "bestPlaces", "bestHolders", "standardsRate",
			"coverageRate", "reviewRate", "sameDayRate", "recordingGaps", "trainingRate", "tasksDone" };

	private final MessageSource messages;

	private final Locale locale;

	RegionWorkbook(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	void write(Period quarter, List<BureauResults> rows, OutputStream out) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Sheet sheet = wb.createSheet(msg("region.export.sheet") + " " + quarter);
			CellStyle header = wb.createCellStyle();
			Font bold = wb.createFont();
			bold.setBold(true);
			header.setFont(bold);
			SpreadsheetText cells = SpreadsheetText.of(wb);
			cells.text(sheet.createRow(0).createCell(0), msg("region.heading", quarter.label()));
			Row head = sheet.createRow(1);
			for (int i = 0; i < HEADERS.length; i++) {
				Cell c = head.createCell(i);
				c.setCellValue(msg("region.col." + HEADERS[i]));
				c.setCellStyle(header);
			}
			int r = 2;
			for (BureauResults b : rows) {
				Row row = sheet.createRow(r++);
				cells.text(row.createCell(0), b.bureau().name());
				cells.text(row.createCell(1), b.bureau().city() == null ? "" : b.bureau().city());
				cells.text(row.createCell(2), b.leaders()
					.stream()
					.map(l -> msg("region.leader", l.name(), l.total().toString()))
					.collect(Collectors.joining(msg("region.leaders.separator"))));
				row.createCell(3).setCellValue(b.bestPlaces());
				row.createCell(4).setCellValue(b.bestHolders());
				SpreadsheetText.exactNumber(row.createCell(5), b.standardsRate());
				SpreadsheetText.exactNumber(row.createCell(6), b.coverageRate());
				SpreadsheetText.exactNumber(row.createCell(7), b.reviewRate());
				SpreadsheetText.exactNumber(row.createCell(8), b.sameDayRate());
				row.createCell(9).setCellValue(b.totals().review().recordingGaps());
				SpreadsheetText.exactNumber(row.createCell(10), b.trainingRate());
				row.createCell(11).setCellValue(b.tasksDone());
			}
			sheet.createFreezePane(1, 2);
			sheet.setColumnWidth(0, 16 * 256);
			sheet.setColumnWidth(2, 40 * 256);
			for (int i = 3; i < HEADERS.length; i++) {
				sheet.setColumnWidth(i, 12 * 256);
			}
			sheet.getPrintSetup().setLandscape(true);
			sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			wb.write(out);
		}
	}

	private String msg(String key, Object... args) {
		Object[] text = java.util.Arrays.stream(args).map(String::valueOf).toArray();
		return messages.getMessage(key, text, locale);
	}

}
