package cn.wucheng.cq.imports.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each column of a list sits in the file, found by header text: order free, spaces ignored. */
final class Header {

	private final int row;

	private final Map<Column, Integer> positions;

	private Header(int row, Map<Column, Integer> positions) {
		this.row = row;
		this.positions = positions;
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
		return new Header(row, positions);
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
		return positions.containsKey(c);
	}

	int position(Column c) {
		Integer i = positions.get(c);
		return i == null ? -1 : i;
	}

}
