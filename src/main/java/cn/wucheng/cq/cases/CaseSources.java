package cn.wucheng.cq.cases;

import cn.wucheng.cq.shared.InputVocabulary;

/** 案件来源 values the rules read from imported and registered cases (issue 15 item 3: data, not text shown). */
@InputVocabulary("案件来源 stored with a case")
public final class CaseSources {

	/** The case source that allows auxiliary staff to be present at the discovery. */
	public static final String ROADSIDE = "路面查处";

	private CaseSources() {
	}

}
