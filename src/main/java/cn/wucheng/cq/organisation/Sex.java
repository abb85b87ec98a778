package cn.wucheng.cq.organisation;

import java.util.Arrays;
import java.util.Optional;
import cn.wucheng.cq.shared.InputVocabulary;

/** 性别, which with age decides the case-handling standard. */
@InputVocabulary("the names an import file, the people API and the exports use for it")
public enum Sex {

	/** 男. */
	MALE("男"),
	/** 女. */
	FEMALE("女");

	private final String label;

	Sex(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<Sex> fromLabel(String text) {
		String t = text == null ? "" : text.trim();
		return Arrays.stream(values()).filter(v -> v.label.equals(t) || v.name().equals(t)).findFirst();
	}

}
