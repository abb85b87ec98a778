package cn.wucheng.cq.imports.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wucheng.cq.imports.ImportKind;

/**
 * The mapping step of the import page (issue 14 item 2), as the template shows it: each column of the list beside a
 * choice of the file's headers (preselected where the header or an alias already names it), a preview of the first
 * rows, a name, and what was wrong with the last attempt.
 */
record MappingStep(String token, ImportKind kind, String fileName, int headerRow, List<String> headers,
		List<List<String>> preview, List<Choice> columns, String name, String error) {

	/** One column of the list: its header of IMPORT.md, whether required, what goes in it, the header chosen. */
	record Choice(String column, boolean required, String description, String selected) {
	}

	static MappingStep of(PendingUploads.Pending pending, FileHeaders file, List<Column> columns,
			ImportTemplates templates, Map<String, String> chosen, String name, String error) {
		Map<String, String> selected = new LinkedHashMap<>(file.matched());
		if (chosen != null) {
			selected.putAll(chosen);
		}
		List<Choice> choices = columns.stream()
			.sorted((a, b) -> Boolean.compare(b.required(), a.required()))
			.map(c -> new Choice(c.header(), c.required(), templates.describe(c), selected.getOrDefault(c.header(), "")))
			.toList();
		return new MappingStep(pending.token(), pending.kind(), pending.fileName(), file.headerRow(), file.headers(),
				file.preview(), choices, name == null ? "" : name, error);
	}

}
