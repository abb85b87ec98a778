package cn.wucheng.cq.imports;

/**
 * One problem of an import file, where the user finds it in Excel: {@code row} counts the header as row 1,
 * {@code column} is the header text. Both are null for a problem of the whole file (unreadable, not a table).
 */
public record ImportProblem(Integer row, String column, String message) {

	public static ImportProblem ofFile(String message) {
		return new ImportProblem(null, null, message);
	}

}
