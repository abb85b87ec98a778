package cn.wucheng.cq.recording.internal;

/** A new audio/video record of a case. */
public class VideoForm implements java.io.Serializable {

	// flashed across the redirect when refused, so kept in the session, which lives in the database (issue 16)
	private static final long serialVersionUID = 1L;

	private String videoNo;

	private VideoKind videoKind;

	private RecordingStage stage;

	public String getVideoNo() {
		return videoNo;
	}

	public void setVideoNo(String videoNo) {
		this.videoNo = videoNo;
	}

	public VideoKind getVideoKind() {
		return videoKind;
	}

	public void setVideoKind(VideoKind videoKind) {
		this.videoKind = videoKind;
	}

	public RecordingStage getStage() {
		return stage;
	}

	public void setStage(RecordingStage stage) {
		this.stage = stage;
	}

}
