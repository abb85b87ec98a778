package cn.wucheng.cq.imports;

import java.util.List;

/**
 * What an import did. {@link Status#IMPORTED}: the counts say what changed and {@code warnings} list rows imported
 * but flagged (e.g. an auxiliary as handler, R-11). Otherwise nothing at all was written and {@code errors} lists
 * every problem found: {@link Status#REJECTED} for invalid rows or columns, {@link Status#UNREADABLE} for a file that
 * is not a readable .xlsx or .csv, {@link Status#BUSY} for a large file that waited its bounded time in line.
 */
public record ImportResult(ImportKind kind, String fileName, Status status, int created, int updated, int unchanged,
		List<ImportProblem> errors, List<ImportProblem> warnings) {

	public enum Status {
		/** Every row was valid and the file was imported. */
		IMPORTED,
		/** Some rows or columns are invalid: nothing was imported. */
		REJECTED,
		/** The file cannot be read as a table: nothing was imported. */
		UNREADABLE,
		/** Other large imports ran for longer than this one may wait (or too many waited): nothing was imported. */
		BUSY
	}

	public ImportResult {
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
	}

	public static ImportResult unreadable(ImportKind kind, String fileName, String message) {
		return new ImportResult(kind, fileName, Status.UNREADABLE, 0, 0, 0, List.of(ImportProblem.ofFile(message)),
				List.of());
	}

	public static ImportResult busy(ImportKind kind, String fileName, String message) {
		return new ImportResult(kind, fileName, Status.BUSY, 0, 0, 0, List.of(ImportProblem.ofFile(message)), List.of());
	}

	public boolean imported() {
		return status == Status.IMPORTED;
	}

	/** The number of data rows imported (created + updated + unchanged). */
	public int rows() {
		return created + updated + unchanged;
	}

}
