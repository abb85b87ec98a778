package cn.wucheng.cq.shared;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * The one way every export writes text into a spreadsheet cell (OWASP CSV injection, CWE-1236): text that Excel or WPS
 * would take for a formula — starting with {@code = + - @}, a tab or a carriage return — is written as a string cell
 * with the quote-prefix style (the cell's own style plus the prefix), so it shows as typed and never runs, also after
 * the user edits the cell. A plain number written as text ({@code -3.00}, points kept exact, R-24) is no formula and
 * keeps its style. Numbers that should be numbers are written with {@code setCellValue(double)}, not through this.
 * <p>
 * One instance per workbook: the quoted copy of each style is made once (a workbook holds at most 64,000 styles).
 */
public final class SpreadsheetText {

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

	private final Workbook workbook;

	private final Map<Integer, CellStyle> quoted = new HashMap<>();

	private SpreadsheetText(Workbook workbook) {
		this.workbook = workbook;
	}

	public static SpreadsheetText of(Workbook workbook) {
		return new SpreadsheetText(workbook);
	}

	/**
	 * an exact decimal as a numeric cell. The file holds the number as decimal text ({@code <v>0.875</v>}), so
	 * it is written from the BigDecimal's own digits instead of through a binary double. Only .xlsx cells (XSSF).
	 */
	public static Cell exactNumber(Cell cell, BigDecimal value) {
		if (!(cell instanceof XSSFCell xssf)) {
			throw new IllegalArgumentException("exact numbers are written to .xlsx (XSSF) cells only");
		}
		xssf.setCellValue(0); // a numeric cell; its value is replaced by the exact digits below
		xssf.getCTCell().setV(value.stripTrailingZeros().toPlainString());
		return cell;
	}

	/** Writes {@code value} (null as empty) keeping the cell's style, quote-prefixed if it looks like a formula. */
	public Cell text(Cell cell, String value) {
		cell.setCellValue(value == null ? "" : value);
		if (looksLikeFormula(value)) {
			cell.setCellStyle(quotedCopyOf(cell.getCellStyle()));
		}
		return cell;
	}

	/** As {@link #text(Cell, String)}, in {@code style} (null: the workbook's default). */
	public Cell text(Cell cell, String value, CellStyle style) {
		if (style != null) {
			cell.setCellStyle(style);
		}
		return text(cell, value);
	}

	/** Whether a spreadsheet could read this text as a formula. */
	public static boolean looksLikeFormula(String text) {
		if (text == null || text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0) {
			return false;
		}
		return !PLAIN_NUMBER.matcher(text).matches();
	}

	private CellStyle quotedCopyOf(CellStyle style) {
		return quoted.computeIfAbsent((int) style.getIndex(), index -> {
			CellStyle copy = workbook.createCellStyle();
			copy.cloneStyleFrom(style);
			copy.setQuotePrefixed(true);
			return copy;
		});
	}

}
