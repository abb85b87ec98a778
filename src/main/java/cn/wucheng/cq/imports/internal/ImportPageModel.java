package cn.wucheng.cq.imports.internal;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.wucheng.cq.imports.ImportHistory;
import cn.wucheng.cq.imports.ImportKind;

/** What the whole import page shows around its result area: the lists with their columns and the latest imports. */
@Component
class ImportPageModel {

	/** One list on the page: its kind, its columns by role, and the text of each column. */
	record KindView(ImportKind kind, String key, List<ColumnView> required, List<ColumnView> optional) {
	}

	record ColumnView(String header, String description) {
	}

	/** How many of the latest imports the import page shows (the history page shows more). */
	static final int LATEST = 5;

	private final ImportEngine engine;

	private final ImportTemplates templates;

	private final ImportHistory history;

	ImportPageModel(ImportEngine engine, ImportTemplates templates, ImportHistory history) {
		this.engine = engine;
		this.templates = templates;
		this.history = history;
	}

	/** Fills the model of the whole page and answers its template. */
	String fill(Model model) {
		if (!model.containsAttribute("selected")) {
			model.addAttribute("selected", ImportKind.DOMAINS);
		}
		model.addAttribute("kinds", Arrays.stream(ImportKind.values()).map(this::view).toList());
		model.addAttribute("history", history.list(LATEST));
		return "imports/index";
	}

	private KindView view(ImportKind kind) {
		List<Column> columns = engine.columns(kind);
		String key = String.join(" + ", engine.keyColumns(kind).stream().map(Column::header).toList());
		return new KindView(kind, key,
				columns.stream().filter(Column::required).map(c -> new ColumnView(c.header(), templates.describe(c))).toList(),
				columns.stream().filter(c -> !c.required()).map(c -> new ColumnView(c.header(), templates.describe(c))).toList());
	}

}
