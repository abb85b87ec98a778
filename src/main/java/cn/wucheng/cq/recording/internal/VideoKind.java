package cn.wucheng.cq.recording.internal;

/** The device an audio/video record of a case was made with. */
public enum VideoKind {

	/** 执法记录仪: the body camera an officer wears. */
	BODY_CAMERA,
	/** 固定摄像: a fixed camera (e.g. at a window or checkpoint). */
	FIXED_CAMERA,
	/** 询问室录像: the recording system of the inquiry room. */
	INQUIRY_ROOM

}
