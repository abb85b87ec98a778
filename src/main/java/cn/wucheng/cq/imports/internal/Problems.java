package cn.wucheng.cq.imports.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.wucheng.cq.imports.ImportProblem;
import cn.wucheng.cq.shared.Refusals;

/**
 * Every error and warning of one file. All are counted; the first {@value #LIMIT} of each are kept with their text
 * (a file with a million broken rows must not exhaust memory), and the rest summed up in one closing line.
 */
final class Problems {

	static final int LIMIT = 10_000;

	private final List<ImportProblem> errors = new ArrayList<>();

	private final List<ImportProblem> warnings = new ArrayList<>();

	private long errorCount;

	private long warningCount;

	void error(Integer row, String column, String message) {
		errorCount++;
		if (errors.size() < LIMIT) {
			errors.add(new ImportProblem(row, column, message));
		}
	}

	void warning(Integer row, String column, String message) {
		warningCount++;
		if (warnings.size() < LIMIT) {
			warnings.add(new ImportProblem(row, column, message));
		}
	}

	long errorCount() {
		return errorCount;
	}

	long warningCount() {
		return warningCount;
	}

	List<ImportProblem> errors(Refusals messages) {
		return sorted(errors, errorCount, messages);
	}

	List<ImportProblem> warnings(Refusals messages) {
		return sorted(warnings, warningCount, messages);
	}

	/** By row as the user reads the file (stable: the columns of one row stay in their order). */
	private static List<ImportProblem> sorted(List<ImportProblem> kept, long total, Refusals messages) {
		List<ImportProblem> list = new ArrayList<>(kept);
		list.sort(Comparator.comparing(ImportProblem::row, Comparator.nullsFirst(Comparator.naturalOrder())));
		if (total > kept.size()) {
			list.add(ImportProblem.ofFile(messages.message("imports.error.more", total - kept.size(), kept.size())));
		}
		return list;
	}

}
