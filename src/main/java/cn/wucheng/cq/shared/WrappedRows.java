package cn.wucheng.cq.shared;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Row heights for wrapped text. An .xlsx row without a stored height is drawn at the default 15 pt by Excel and WPS
 * (only LibreOffice recomputes it on opening), so wrapped text of a longer cell ran over the rows below it (issue 13,
 * item 8). {@link #fit(Row)} estimates the lines each wrapping cell needs in its column's width — a Chinese character
 * as wide as two digits, the unit of a column width — and stores the height of the tallest, never lowering a height
 * already set. An estimate, erring towards one line too many: a little white space rather than hidden text.
 */
public final class WrappedRows {

	/** Line height as a multiple of the font size (宋体/等线 with Excel's default line spacing, rounded up). */
	private static final double LINE = 1.4;

	/** Points above and below the text in a cell. */
	private static final float PADDING = 4;

	private WrappedRows() {
	}

	/** Sets {@code row}'s height to fit the wrapped text of its cells (merged cells are left to their row's height). */
	public static void fit(Row row) {
		Sheet sheet = row.getSheet();
		float needed = 0;
		for (Cell cell : row) {
			CellStyle style = cell.getCellStyle();
			if (cell.getCellType() != CellType.STRING || !style.getWrapText() || merged(sheet, cell)) {
				continue;
			}
			short points = sheet.getWorkbook().getFontAt(style.getFontIndex()).getFontHeightInPoints();
			int lines = lines(cell.getStringCellValue(), sheet.getColumnWidth(cell.getColumnIndex()) / 256.0);
			needed = Math.max(needed, (float) Math.ceil(lines * points * LINE) + PADDING);
		}
		if (needed > row.getHeightInPoints()) {
			row.setHeightInPoints(needed);
		}
	}

	/** The lines {@code text} takes in a column {@code width} characters (digits) wide. */
	static int lines(String text, double width) {
		double usable = Math.max(1, width - 1); // the cell's inner margins take about one digit
		int lines = 0;
		for (String paragraph : text.split("\n", -1)) {
			double w = 0;
			for (int i = 0; i < paragraph.length(); i = paragraph.offsetByCodePoints(i, 1)) {
				w += wide(paragraph.codePointAt(i)) ? 2 : 1.1;
			}
			lines += Math.max(1, (int) Math.ceil(w / usable));
		}
		return lines;
	}

	/** CJK ideographs, kana, Hangul and full-width forms take two digit widths. */
	private static boolean wide(int cp) {
		return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
				|| (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
				|| (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
	}

	private static boolean merged(Sheet sheet, Cell cell) {
		return sheet.getMergedRegions()
			.stream()
			.anyMatch(r -> r.isInRange(cell.getRowIndex(), cell.getColumnIndex()));
	}

}
