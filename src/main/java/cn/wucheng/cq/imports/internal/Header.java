package cn.wucheng.cq.imports.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each column of a list sits in the file, found by header text or one of the column's aliases: order free,
 * spaces ignored, unknown headers (案件状态 and the like) ignored.
 */
final class Header {

	/**
	 * How many non-blank rows at the top of a file may hold the header: exports put a merged title and an export-date
	 * line ("导出时间：2024-07-01") above it (issue 14).
	 */
	static final int SEARCH_ROWS = 10;

	private final int row;

	private final Map<Column, Integer> positions;

	/** The file's own header text of each column found, as the user reads it in the file. */
	private final Map<Column, String> labels;

	/** Columns that two or more of the file's headers claim (e.g. 第一承办人 and 主办人员): the file's headers. */
	private final Map<Column, List<String>> ambiguous;

	/** The columns of the list (the importer's constants) and their positions, looked up by identity per cell. */
	private final Column[] columns;

	private final int[] indexes;

	private Header(int row, Map<Column, Integer> positions, Map<Column, String> labels,
			Map<Column, List<String>> ambiguous, List<Column> columns) {
		this.row = row;
		this.positions = positions;
		this.labels = labels;
		this.ambiguous = ambiguous;
		this.columns = columns.toArray(Column[]::new);
		this.indexes = new int[this.columns.length];
		for (int i = 0; i < this.columns.length; i++) {
			Integer p = positions.get(this.columns[i]);
			this.indexes[i] = p == null ? -1 : p;
		}
	}

	static Header of(int row, String[] cells, List<Column> columns) {
		return of(row, cells, columns, null);
	}

	/**
	 * As {@link #of(int, String[], List)}, with the file's headers renamed by a saved or one-off mapping first: a
	 * mapped column is found only under the file header the mapping names (its label is that header, as the file
	 * writes it), the other columns by their names and aliases as usual.
	 */
	static Header of(int row, String[] cells, List<Column> columns, ColumnMapping mapping) {
		Map<String, Column> byName = new HashMap<>();
		Map<String, String> nameOf = new HashMap<>();
		Map<String, Column> mapped = new HashMap<>();
		if (mapping != null) {
			for (Column c : columns) {
				String fileHeader = mapping.fileHeader(c);
				if (fileHeader != null) {
					mapped.putIfAbsent(normalize(fileHeader), c);
				}
			}
		}
		for (Column c : columns) {
			if (mapped.containsValue(c)) {
				continue; // the mapping says where it is
			}
			for (String name : c.names()) {
				if (byName.putIfAbsent(normalize(name), c) == null) {
					nameOf.put(normalize(name), name);
				}
			}
		}
		Map<Column, Integer> positions = new HashMap<>();
		Map<Column, String> labels = new HashMap<>();
		Map<Column, List<String>> claims = new LinkedHashMap<>();
		for (int i = 0; i < cells.length; i++) {
			String text = normalize(cells[i]);
			Column c = mapped.get(text);
			String label;
			if (c != null) {
				label = cells[i].strip(); // the file's own header: problems name it
			}
			else {
				c = byName.get(text);
				label = nameOf.get(text); // without the asterisk or spaces the cell may have
			}
			if (c == null || text.isEmpty()) {
				continue;
			}
			claims.computeIfAbsent(c, k -> new ArrayList<>()).add(label);
			if (positions.putIfAbsent(c, i) == null) {
				labels.put(c, label);
			}
		}
		Map<Column, List<String>> ambiguous = new LinkedHashMap<>();
		claims.forEach((c, headers) -> {
			if (headers.size() > 1) {
				ambiguous.put(c, List.copyOf(headers));
			}
		});
		return new Header(row, positions, labels, ambiguous, columns);
	}

	/** Spaces (also full-width), a BOM and a required-marker asterisk do not count. */
	static String normalize(String header) {
		if (header == null) {
			return "";
		}
		StringBuilder b = new StringBuilder(header.length());
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (!Text.isSpace(c) && c != '*' && c != '＊') {
				b.append(c);
			}
		}
		return b.toString();
	}

	int row() {
		return row;
	}

	boolean has(Column c) {
		return position(c) >= 0;
	}

	/** Columns more than one header of the file stands for, with those headers in file order. */
	Map<Column, List<String>> ambiguous() {
		return ambiguous;
	}

	/** The column as the file names it (an alias if the file uses one), for problems the user looks up. */
	String label(Column c) {
		String label = labels.get(c);
		return label == null ? c.header() : label;
	}

	int position(Column c) {
		for (int i = 0; i < columns.length; i++) {
			if (columns[i] == c) {
				return indexes[i];
			}
		}
		Integer i = positions.get(c); // an equal column that is not one of the list's own
		return i == null ? -1 : i;
	}

}
