package cn.wucheng.cq.recording.internal;

/** The stage of the case an audio/video record covers (全过程记录, R-50). */
public enum RecordingStage {

	/** 现场检查. */
	SCENE_INSPECTION,
	/** 调查询问. */
	INQUIRY,
	/** 告知 (the notice of the intended decision and of the party's rights). */
	NOTICE,
	/** 送达. */
	SERVICE,
	/** 全过程: the whole procedure in one record, as on the spot for a simple case. */
	WHOLE_PROCESS

}
