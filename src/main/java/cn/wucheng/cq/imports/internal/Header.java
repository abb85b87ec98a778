package cn.wucheng.cq.imports.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each column of a list sits in the file, found by header text: order free, spaces ignored. */
final class Header {

	private final int row;

	private final Map<Column, Integer> positions;

	/** The columns of the list (the importer's constants) and their positions, looked up by identity per cell. */
	private final Column[] columns;

	private final int[] indexes;

	private Header(int row, Map<Column, Integer> positions, List<Column> columns) {
		this.row = row;
		this.positions = positions;
		this.columns = columns.toArray(Column[]::new);
		this.indexes = new int[this.columns.length];
		for (int i = 0; i < this.columns.length; i++) {
			Integer p = positions.get(this.columns[i]);
			this.indexes[i] = p == null ? -1 : p;
		}
	}

	static Header of(int row, String[] cells, List<Column> columns) {
		Map<String, Integer> byText = new HashMap<>();
		for (int i = 0; i < cells.length; i++) {
			byText.putIfAbsent(normalize(cells[i]), i);
		}
		Map<Column, Integer> positions = new HashMap<>();
		for (Column c : columns) {
			Integer i = byText.get(normalize(c.header()));
			if (i != null) {
				positions.put(c, i);
			}
		}
		return new Header(row, positions, columns);
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
