package cn.wucheng.cq.scoring.standards;

import cn.wucheng.cq.shared.BundledText;

/** An officer's result against the case-handling standard for one quarter. */
public enum StandardStatus {

	/** 达标: the full standard (or the organ rule) is reached. */
	MET,
	/** 未达标: the full standard (or the organ rule) is not reached. */
	NOT_MET,
	/** 减半达标: a man aged 50–54 reaches the halved standard. */
	HALVED_MET,
	/** 减半未达标: a man aged 50–54 does not reach the halved standard. */
	HALVED_NOT_MET,
	/**
	 * 免考核: men 55+ and women 50+ are not assessed (不参与全员办案考核); nor is a person the legal section exempts
	 * for one quarter with a reason (R-32 "原则上").
	 */
	EXEMPT,
	/**
	 * 未纳入: the squad's rollout has not started by the quarter's end, so its officers are not yet in the
	 * programme — neither 达标 nor 未达标, excluded from rates. Comes before every other status.
	 */
	NOT_IN_PROGRAMME;

	/** The Chinese status of the API contract and exports. */
	public String label() {
		return BundledText.of("messages-standards", "standards.status." + name());
	}

	/** 达标 or 减半达标. */
	public boolean isMet() {
		return this == MET || this == HALVED_MET;
	}

	/** Whether the person counts in the rates at all: not 免考核 and not 未纳入. */
	public boolean isAssessed() {
		return this != EXEMPT && this != NOT_IN_PROGRAMME;
	}

	/** 未达标 or 减半未达标: these feed the squad's assessment. */
	public boolean isNotMet() {
		return this == NOT_MET || this == HALVED_NOT_MET;
	}

}
