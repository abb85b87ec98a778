package cn.wucheng.cq.imports.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which of a file's own headers each column of a list is read from (issue 14 item 2, IMPORT.md "Files as the platform
 * and other systems export them"): applying it renames the file's headers before the normal import, so every rule,
 * message and the all-or-nothing behaviour stay, and a problem still names the file's own header.
 *
 * @param name the saved mapping's name, or null for a mapping used once
 * @param columns the list's column (its header of IMPORT.md, e.g. 主办人工号) → the file's header (办案人员编码);
 *        columns left out are looked up as without a mapping
 */
public record ColumnMapping(String name, Map<String, String> columns) {

	public ColumnMapping {
		Map<String, String> clean = new LinkedHashMap<>();
		columns.forEach((column, header) -> {
			if (column != null && header != null && !header.isBlank()) {
				clean.put(column, header.strip());
			}
		});
		columns = Collections.unmodifiableMap(clean); // in the list's column order
	}

	/** The file header a column is read from, or null. */
	String fileHeader(Column column) {
		return columns.get(column.header());
	}

}
