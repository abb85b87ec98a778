package cn.wucheng.cq.organisation;

import java.util.Arrays;
import java.util.Optional;
import cn.wucheng.cq.shared.InputVocabulary;

/** The type of a unit. The first three are the squad categories (中队类别). */
@InputVocabulary("the names an import file, the people API and the exports use for it")
public enum UnitType {

	/** 直属中队: directly-affiliated squad; manages its own configured subset of domains. */
	DIRECT_SQUAD("直属中队", true),
	/** 一类中队: class-1 squad. */
	CLASS1_SQUAD("一类中队", true),
	/** 二类中队: class-2 squad. */
	CLASS2_SQUAD("二类中队", true),
	/** 科室: a section of the bureau such as 法制科; an organ unit (机关). */
	SECTION("科室", false),
	/** 指挥中心: the command centre; an organ unit (机关). */
	COMMAND_CENTRE("指挥中心", false);

	private final String label;

	private final boolean squad;

	UnitType(String label, boolean squad) {
		this.label = label;
		this.squad = squad;
	}

	/** The Chinese name used in import files, exports and the API. */
	public String label() {
		return label;
	}

	/** Whether this is one of the three squad categories ranked in R-30. */
	public boolean isSquad() {
		return squad;
	}

	/** Organ units (机关): sections and the command centre. */
	public boolean isOrgan() {
		return !squad;
	}

	public static Optional<UnitType> fromLabel(String text) {
		String t = text == null ? "" : text.trim();
		return Arrays.stream(values()).filter(v -> v.label.equals(t) || v.name().equals(t)).findFirst();
	}

}
