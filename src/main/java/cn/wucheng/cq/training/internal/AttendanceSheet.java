package cn.wucheng.cq.training.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.wucheng.cq.shared.InputVocabulary;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * Reads a session's attendance sheet (.xlsx, first sheet): a header row with 工号, 姓名, 是否签到, 考试成绩, 代替人工号 in
 * any order (工号 and 是否签到 required), then one row per person. Checks what can be checked without the database and
 * reports every problem with its row and column; the service checks people and the session's rules. Small files, so
 * the whole workbook is read (no streaming), with POI's zip-bomb limits. The Chinese words here are the sheet's own
 * (its headers and 是/否), read from the file and written into the template; what it says to users is in
 * messages-training.properties.
 */
@InputVocabulary("the attendance sheet: its column headers and its sign-in words")
final class AttendanceSheet {

	static final String EMPLOYEE_NO = "工号";

	static final String NAME = "姓名";

	static final String SIGNED_IN = "是否签到";

	static final String SCORE = "考试成绩";

	static final String REPLACES = "代替人工号";

	static final List<String> COLUMNS = List.of(EMPLOYEE_NO, NAME, SIGNED_IN, SCORE, REPLACES);

	static final int MAX_ROWS = 2000;

	/** 是否签到 as the template writes it. */
	static final String YES_WORD = "是";

	static final String NO_WORD = "否";

	private static final Set<String> YES = Set.of(YES_WORD, "y", "yes", "true", "1", "√", "✓", "已签到");

	private static final Set<String> NO = Set.of("", NO_WORD, "n", "no", "false", "0", "×", "x", "未签到");

	/** One data row, as read; {@code row} is the spreadsheet's row number (the header is row 1). */
	record Line(int row, String employeeNo, String name, boolean signedIn, BigDecimal score, String replacesNo) {
	}

	record Parsed(List<Line> lines, List<Problem> errors) {
	}

	/**
	 * A problem of the file: its spreadsheet row (0 for the file as a whole), its column header (null for the whole
	 * row) and what is wrong.
	 */
	record Problem(int row, String column, Refusal what) {

		static Problem ofFile(String key, Object... args) {
			return new Problem(0, null, Refusal.of(key, args));
		}

		/** "第 3 行「是否签到」列：…" in the user's words. */
		String text(Refusals refusals) {
			String what = refusals.text(this.what);
			if (column != null) {
				return refusals.message("training.import.atCell", row, column, what);
			}
			return row > 0 ? refusals.message("training.import.atRow", row, what) : what;
		}

	}

	private AttendanceSheet() {
	}

	static Problem at(int row, String column, String key, Object... args) {
		return new Problem(row, column, Refusal.of(key, args));
	}

	static Parsed read(InputStream in) {
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
		List<Problem> errors = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		try (XSSFWorkbook wb = new XSSFWorkbook(in)) {
			Sheet sheet = wb.getNumberOfSheets() == 0 ? null : wb.getSheetAt(0);
			Row header = sheet == null ? null : sheet.getRow(sheet.getFirstRowNum());
			if (header == null) {
				return new Parsed(List.of(), List.of(Problem.ofFile("training.import.emptyFile", String.join("、", COLUMNS))));
			}
			Map<String, Integer> columns = new HashMap<>();
			for (Cell c : header) {
				String name = text(c).replace(" ", "").replace("\u3000", "");
				if (COLUMNS.contains(name)) {
					if (columns.putIfAbsent(name, c.getColumnIndex()) != null) {
						errors.add(Problem.ofFile("training.import.columnTwice", name));
					}
				}
			}
			for (String required : List.of(EMPLOYEE_NO, SIGNED_IN)) {
				if (!columns.containsKey(required)) {
					errors.add(Problem.ofFile("training.import.columnMissing", required, String.join("、", COLUMNS)));
				}
			}
			if (!errors.isEmpty()) {
				return new Parsed(List.of(), errors);
			}
			Map<String, Integer> seen = new HashMap<>();
			for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null || blank(row, columns)) {
					continue;
				}
				int n = r + 1;
				if (lines.size() + 1 > MAX_ROWS) {
					errors.add(Problem.ofFile("training.import.tooManyRows", MAX_ROWS));
					break;
				}
				String no = cell(row, columns.get(EMPLOYEE_NO));
				String name = cell(row, columns.get(NAME));
				String signed = cell(row, columns.get(SIGNED_IN));
				String score = cell(row, columns.get(SCORE));
				String replaces = cell(row, columns.get(REPLACES));
				int before = errors.size();
				if (no.isEmpty()) {
					errors.add(at(n, EMPLOYEE_NO, "training.import.cellEmpty"));
				}
				else if (seen.containsKey(no)) {
					errors.add(at(n, EMPLOYEE_NO, "training.import.duplicateNo", no, seen.get(no)));
				}
				else {
					seen.put(no, n);
				}
				Boolean signedIn = null;
				String s = signed.toLowerCase(Locale.ROOT);
				if (YES.contains(s)) {
					signedIn = true;
				}
				else if (NO.contains(s)) {
					signedIn = false;
				}
				else {
					errors.add(at(n, SIGNED_IN, "training.import.badSignedIn", signed));
				}
				BigDecimal value = null;
				if (!score.isEmpty()) {
					try {
						value = new BigDecimal(score);
						if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0
								|| value.stripTrailingZeros().scale() > 2) {
							errors.add(at(n, SCORE, "training.import.badScoreScale", score));
						}
					}
					catch (NumberFormatException e) {
						errors.add(at(n, SCORE, "training.import.badScore", score));
					}
				}
				if (errors.size() == before) {
					lines.add(new Line(n, no, name.isEmpty() ? null : name, signedIn, value,
							replaces.isEmpty() ? null : replaces));
				}
			}
			if (lines.isEmpty() && errors.isEmpty()) {
				errors.add(Problem.ofFile("training.import.noRows"));
			}
		}
		catch (IOException | RuntimeException e) {
			return new Parsed(List.of(), List.of(Problem.ofFile("training.import.unreadable")));
		}
		return new Parsed(lines, errors);
	}

	private static boolean blank(Row row, Map<String, Integer> columns) {
		return columns.values().stream().allMatch(i -> cell(row, i).isEmpty());
	}

	private static String cell(Row row, Integer index) {
		return index == null ? "" : text(row.getCell(index));
	}

	/**
	 * A cell as text: numbers in Excel's own shortest form (85.5 stays 85.5, 1001 is "1001", never "1001.0"), no
	 * binary rounding; formulas by their cached value.
	 */
	static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case NUMERIC -> org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
					? new DataFormatter().formatCellValue(cell) : NumberToTextConverter.toText(cell.getNumericCellValue());
			case STRING -> cell.getRichStringCellValue().getString().strip();
			case BOOLEAN -> cell.getBooleanCellValue() ? YES_WORD : NO_WORD;
			default -> "";
		};
	}

}
