package cn.wucheng.cq.imports;

import java.util.Arrays;
import java.util.Optional;

import cn.wucheng.cq.shared.BundledText;

/**
 * The seven lists of IMPORT.md, in the order they must be imported: each refers only to lists before it (a unit to
 * domains, a person to units, a case to domains, units and people, a deduction or award to cases, training hours
 * to people).
 */
public enum ImportKind {

	/** 执法领域: the domain catalogue. */
	DOMAINS("domains"),
	/** 单位: units with their type and managed domains. */
	UNITS("units"),
	/** 人员: people keyed by 工号. */
	PEOPLE("people"),
	/** 案件: cases with their two handlers. */
	CASES("cases"),
	/** 退卷扣分: deductions of returned cases. */
	DEDUCTIONS("deductions"),
	/** 优秀案卷: excellent-file awards. */
	AWARDS("awards"),
	/** 培训学时: external and bureau-level training of a person (R-62: every kind of training counts). */
	TRAINING_HOURS("training-hours");

	private final String path;

	private final String label;

	ImportKind(String path) {
		this.path = path;
		// read once: an import asks for it with every audited row
		this.label = BundledText.of("messages-imports", "imports.kind." + name());
	}

	/** The name in URLs and JSON ({@code cases}). */
	public String path() {
		return path;
	}

	/** The Chinese name of the list (案件), from messages-imports.properties (imports.kind.CASES). */
	public String label() {
		return label;
	}

	public static Optional<ImportKind> fromPath(String path) {
		return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
	}

}
