package cn.wucheng.cq.imports.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.wucheng.cq.imports.ImportKind;

/**
 * Which list a file in the drop folder is (issue 14, item 4): by the start of its name — the list's Chinese name or
 * its key in URLs, the names below being the one place where they are defined (README, "Drop folder") — else by its
 * header: the one list whose required columns all appear in one of the top {@value Header#SEARCH_ROWS} rows.
 */
final class DropFolderLists {

	/** Name starts, per list. Longest match wins, so "退卷扣分" is not read as something shorter. */
	static final Map<ImportKind, List<String>> NAME_STARTS = names();

	private static Map<ImportKind, List<String>> names() {
		Map<ImportKind, List<String>> m = new LinkedHashMap<>();
		m.put(ImportKind.DOMAINS, names(ImportVocabulary.DOMAINS_FILE, "domains"));
		m.put(ImportKind.UNITS, names(ImportVocabulary.UNITS_FILE, "units"));
		m.put(ImportKind.PEOPLE, names(ImportVocabulary.PEOPLE_FILE, "people"));
		m.put(ImportKind.CASES, names(ImportVocabulary.CASES_FILE, "cases"));
		m.put(ImportKind.DEDUCTIONS, names(ImportVocabulary.DEDUCTIONS_FILE, "deductions"));
		m.put(ImportKind.AWARDS, names(ImportVocabulary.AWARDS_FILE, "awards"));
		m.put(ImportKind.TRAINING_HOURS,
				names(ImportVocabulary.TRAINING_HOURS_FILE, "training-hours", "training_hours"));
		return m;
	}

	/** The Chinese name starts of a list, then its keys in URLs. */
	private static List<String> names(List<String> chinese, String... keys) {
		List<String> all = new ArrayList<>(chinese);
		all.addAll(Arrays.asList(keys));
		return List.copyOf(all);
	}

	private DropFolderLists() {
	}

	/** The list the file's name starts with (case ignored for the English keys), if any. */
	static Optional<ImportKind> byName(String fileName) {
		String name = fileName.strip().toLowerCase(Locale.ROOT);
		ImportKind found = null;
		int longest = 0;
		for (var e : NAME_STARTS.entrySet()) {
			for (String start : e.getValue()) {
				if (name.startsWith(start.toLowerCase(Locale.ROOT)) && start.length() > longest) {
					found = e.getKey();
					longest = start.length();
				}
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * The list whose required columns (by header or alias) all appear in one of the top rows; when several do, the
	 * one that requires the most columns (a case file also names 案件编号, which awards require too). Empty when none
	 * does, or the file cannot be read (the import then reports why).
	 */
	static Optional<ImportKind> byHeader(Path file, ImportEngine engine) {
		List<String[]> top = new ArrayList<>();
		try {
			TabularFile table = TabularFile.open(file, engine.xlsxLimits());
			try {
				readTop(table, top);
			}
			catch (CsvFile.NotUtf8 e) {
				top.clear();
				readTop(e.table(), top);
			}
		}
		catch (UnreadableFileException | RuntimeException e) {
			return Optional.empty();
		}
		return Arrays.stream(ImportKind.values())
			.filter(kind -> top.stream().anyMatch(cells -> engine.isHeaderOf(kind, cells)))
			.max(Comparator.comparingLong(kind -> engine.columns(kind).stream().filter(Column::required).count()));
	}

	private static void readTop(TabularFile table, List<String[]> top) throws UnreadableFileException {
		table.read((row, cells) -> {
			if (!Text.isBlank(cells)) {
				top.add(cells);
			}
			return top.size() < Header.SEARCH_ROWS;
		});
	}


}
