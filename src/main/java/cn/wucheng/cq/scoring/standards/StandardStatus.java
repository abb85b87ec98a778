package cn.wucheng.cq.scoring.standards;

/** An officer's result against the case-handling standard for one quarter. */
public enum StandardStatus {

	/** 达标: the full standard (or the organ rule) is reached. */
	MET("达标"),
	/** 未达标: the full standard (or the organ rule) is not reached. */
	NOT_MET("未达标"),
	/** 减半达标: a man aged 50–54 reaches the halved standard. */
	HALVED_MET("减半达标"),
	/** 减半未达标: a man aged 50–54 does not reach the halved standard. */
	HALVED_NOT_MET("减半未达标"),
	/** 免考核: men 55+ and women 50+ are not assessed (不参与全员办案考核). */
	EXEMPT("免考核");

	private final String label;

	StandardStatus(String label) {
		this.label = label;
	}

	/** The Chinese status of the API contract and exports. */
	public String label() {
		return label;
	}

	/** 达标 or 减半达标. */
	public boolean isMet() {
		return this == MET || this == HALVED_MET;
	}

	/** 未达标 or 减半未达标: these feed the squad's assessment. */
	public boolean isNotMet() {
		return this == NOT_MET || this == HALVED_NOT_MET;
	}

}
