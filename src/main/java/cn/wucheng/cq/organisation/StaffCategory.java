package cn.wucheng.cq.organisation;

import java.util.Arrays;
import java.util.Optional;
import cn.wucheng.cq.shared.InputVocabulary;

/** 人员类别: only formal officers may handle cases and are ranked. */
@InputVocabulary("the names an import file, the people API and the exports use for it")
public enum StaffCategory {

	/** 正式执法人员: a formal enforcement officer. */
	FORMAL("正式执法人员"),
	/** 辅助人员: auxiliary staff, never a case handler. */
	AUXILIARY("辅助人员");

	private final String label;

	StaffCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<StaffCategory> fromLabel(String text) {
		String t = text == null ? "" : text.trim();
		return Arrays.stream(values()).filter(v -> v.label.equals(t) || v.name().equals(t)).findFirst();
	}

}
