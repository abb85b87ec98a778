package cn.wucheng.cq.imports;

import java.util.List;

import cn.wucheng.cq.bureau.Bureau;

/**
 * What an import of a city's or the province's file split by its 所属执法局 column did (issue 16 item 3): every bureau's
 * part was imported ({@link ImportResult.Status#IMPORTED}) or none was. {@code parts} are the bureaus the file named, in
 * the order of their ids, with their counts (all zero when nothing was imported) and how many problems each had;
 * {@code errors} and {@code warnings} carry the file's own row numbers and the bureau of the row (null for a problem
 * of the whole file or of a row whose bureau is unknown).
 */
public record BureauImportResult(ImportKind kind, String fileName, ImportResult.Status status, List<Part> parts,
		List<Problem> errors, List<Problem> warnings) {

	/** One bureau's rows of the file. */
	public record Part(Bureau bureau, int rows, int created, int updated, int unchanged, long errors,
			long warnings) {
	}

	/** A problem where the user finds it: row of the file (header = 1), column header, the row's bureau. */
	public record Problem(Integer row, String column, String bureau, String message) {

		public static Problem ofFile(String message) {
			return new Problem(null, null, null, message);
		}

	}

	public BureauImportResult {
		parts = List.copyOf(parts);
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
	}

	/** A file not read at all (unreadable, or it waited too long in line): nothing imported. */
	public static BureauImportResult of(ImportResult.Status status, ImportKind kind, String fileName, String message) {
		return new BureauImportResult(kind, fileName, status, List.of(), List.of(Problem.ofFile(message)), List.of());
	}

	public boolean imported() {
		return status == ImportResult.Status.IMPORTED;
	}

	public int created() {
		return parts.stream().mapToInt(Part::created).sum();
	}

	public int updated() {
		return parts.stream().mapToInt(Part::updated).sum();
	}

	public int unchanged() {
		return parts.stream().mapToInt(Part::unchanged).sum();
	}

	/** Data rows that went to a bureau. */
	public int rows() {
		return parts.stream().mapToInt(Part::rows).sum();
	}

	/** One bureau's part as an {@link ImportResult} of its own, for that bureau's import history. */
	public ImportResult resultOf(Part part) {
		List<ImportProblem> own = warnings.stream()
			.filter(w -> part.bureau().name().equals(w.bureau()))
			.map(w -> new ImportProblem(w.row(), w.column(), w.message()))
			.toList();
		return new ImportResult(kind, fileName, status, part.created(), part.updated(), part.unchanged(), List.of(),
				own);
	}

}
