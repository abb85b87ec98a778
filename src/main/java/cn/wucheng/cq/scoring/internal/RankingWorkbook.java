package cn.wucheng.cq.scoring.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import cn.wucheng.cq.scoring.Ranking;
import cn.wucheng.cq.shared.Points;
import cn.wucheng.cq.shared.SpreadsheetText;

/**
 * A quarter's ranking as .xlsx: one sheet per squad category with a title row, the header and one row per entry.
 * Ranks are whole numbers and totals numeric cells whose format shows every decimal of the exact value (R-24: 10.50,
 * 0.875 — never rounded to two places); the other cells are text, and text that a spreadsheet could take for a formula (starting with = + - @)
 * is stored as quoted text, never as a formula.
 */
final class RankingWorkbook {

	private final MessageSource messages;

	RankingWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	byte[] write(Ranking ranking) {
		try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(wb);
			SpreadsheetText cells = SpreadsheetText.of(wb);
			for (Ranking.Category c : ranking.categories()) {
				String category = msg("scoring.unitType." + c.category().name());
				Sheet sheet = wb.createSheet(category);
				sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
				sheet.setFitToPage(true);
				sheet.getPrintSetup().setFitWidth((short) 1);
				sheet.getPrintSetup().setFitHeight((short) 0);
				Row title = sheet.createRow(0);
				text(title, 0, msg("scoring.rankings.sheetTitle", ranking.period().label(), category, c.pool(), c.places()),
						styles.title, cells);
				sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
				Row header = sheet.createRow(1);
				List<String> headers = List.of("scoring.col.rank", "scoring.col.employeeNo", "scoring.col.name",
						"scoring.col.unit", "scoring.col.total", "scoring.col.bestHandler");
				for (int i = 0; i < headers.size(); i++) {
					text(header, i, msg(headers.get(i)), styles.header, cells);
				}
				int r = 2;
				for (Ranking.Entry e : c.entries()) {
					Row row = sheet.createRow(r++);
					// a number, so the sheet sorts and filters by rank (as text 10 sorted before 2)
					Cell rank = row.createCell(0);
					rank.setCellValue(e.rank());
					rank.setCellStyle(styles.number);
					text(row, 1, e.employeeNo(), styles.text, cells);
					text(row, 2, e.name(), styles.text, cells);
					text(row, 3, e.unitName(), styles.text, cells);
					points(row, 4, e.total(), styles);
					text(row, 5, e.bestHandler() ? msg("scoring.rankings.badge") : "", styles.text, cells);
				}
				int[] widths = { 8, 14, 14, 22, 12, 16 };
				for (int i = 0; i < widths.length; i++) {
					sheet.setColumnWidth(i, widths[i] * 256);
				}
				sheet.createFreezePane(0, 2);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes a string cell; one that starts like a formula is quote-prefixed so no spreadsheet evaluates it. */
	private static void text(Row row, int column, String value, CellStyle style, SpreadsheetText cells) {
		cells.text(row.createCell(column), value, style);
	}

	/**
	 * points as a number with a format showing each of its decimals, written from the exact decimal.
	 */
	private static void points(Row row, int column, Points points, Styles styles) {
		Cell cell = row.createCell(column);
		SpreadsheetText.exactNumber(cell, points.value());
		cell.setCellStyle(styles.points(row.getSheet().getWorkbook(), points.spreadsheetFormat()));
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private static final class Styles {

		final CellStyle title;

		final CellStyle header;

		final CellStyle text;

		final CellStyle number;

		private final java.util.Map<String, CellStyle> points = new java.util.HashMap<>();

		Styles(Workbook wb) {
			Font bold = wb.createFont();
			bold.setBold(true);
			title = wb.createCellStyle();
			title.setFont(bold);
			header = bordered(wb);
			header.setFont(bold);
			header.setAlignment(HorizontalAlignment.CENTER);
			text = bordered(wb);
			number = bordered(wb);
			number.setAlignment(HorizontalAlignment.RIGHT);
			number.setDataFormat(wb.createDataFormat().getFormat("0"));
		}

		/** A numeric style per number format (0.00, 0.000, …), made once per workbook. */
		CellStyle points(Workbook wb, String format) {
			return points.computeIfAbsent(format, f -> {
				CellStyle s = wb.createCellStyle();
				s.cloneStyleFrom(number);
				s.setDataFormat(wb.createDataFormat().getFormat(f));
				return s;
			});
		}

		private static CellStyle bordered(Workbook wb) {
			CellStyle s = wb.createCellStyle();
			s.setBorderBottom(BorderStyle.THIN);
			s.setBorderTop(BorderStyle.THIN);
			s.setBorderLeft(BorderStyle.THIN);
			s.setBorderRight(BorderStyle.THIN);
			return s;
		}

	}

}
