package cn.wucheng.cq.training;

/**
 * where an officer's training hours come from. Every source counts towards the year's hours and each is shown
 * with its source on the officer's and the squad's hours pages; labels are {@code training.source.<NAME>}.
 */
public enum TrainingSource {

	/** 中队培训: a session held from an item of a 直属中队's coordinated plan. */
	SQUAD,
	/** 全局培训: a session the bureau holds for several units, 机关 officers included. */
	BUREAU,
	/** 法制科培训: a session 法制科 holds for several units. */
	LEGAL,
	/** 外部培训: training outside the bureau (上级培训, 网络学院, certificates), entered by hand or imported. */
	EXTERNAL;

	/** Whether a session of the bureau (not a squad's plan) may have this organiser. */
	public boolean organisesOpenSessions() {
		return this == BUREAU || this == LEGAL;
	}

	/** The message key of the Chinese label. */
	public String labelKey() {
		return "training.source." + name();
	}

}
