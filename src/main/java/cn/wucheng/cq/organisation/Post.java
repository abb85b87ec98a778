package cn.wucheng.cq.organisation;

import java.util.Arrays;
import java.util.Optional;
import cn.wucheng.cq.shared.InputVocabulary;

/**
 * 职务. There is deliberately no 办案内勤 (case clerk): the programme abolishes the post.
 */
@InputVocabulary("the names an import file, the people API and the exports use for it")
public enum Post {

	/** 局长. */
	DIRECTOR("局长"),
	/** 副局长. */
	DEPUTY_DIRECTOR("副局长"),
	/** 科长 (head of a section or the command centre). */
	SECTION_CHIEF("科长"),
	/** 副科长. */
	DEPUTY_SECTION_CHIEF("副科长"),
	/** 主任. */
	HEAD("主任"),
	/** 副主任. */
	DEPUTY_HEAD("副主任"),
	/** 科员. */
	CLERK("科员"),
	/** 中队长: assigns the handlers of his squad's cases. */
	SQUAD_LEADER("中队长"),
	/** 副中队长: reviews the cases the squad leader handles himself. */
	DEPUTY_SQUAD_LEADER("副中队长"),
	/** 指导员. */
	INSTRUCTOR("指导员"),
	/** 法制员: the squad's legal officer, who reviews simple cases. */
	LEGAL_OFFICER("法制员"),
	/** 队员: a squad member. */
	MEMBER("队员"),
	/** 辅助队员: auxiliary member. */
	AUXILIARY_MEMBER("辅助队员");

	/** The abolished post, named so an import can say why it is refused. */
	public static final String ABOLISHED_CASE_CLERK = "办案内勤";

	private final String label;

	Post(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<Post> fromLabel(String text) {
		String t = text == null ? "" : text.trim();
		return Arrays.stream(values()).filter(v -> v.label.equals(t) || v.name().equals(t)).findFirst();
	}

}
