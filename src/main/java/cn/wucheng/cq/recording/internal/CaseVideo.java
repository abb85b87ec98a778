package cn.wucheng.cq.recording.internal;

import java.time.LocalDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.shared.Refusal;

/** An audio/video record of a case: its number (视频编号), the device and the stage it covers. */
@Table("case_video")
public class CaseVideo {

	static final int MAX_NO = 60;

	@Id
	private Long id;

	private Long caseId;

	private String videoNo;

	private VideoKind videoKind;

	private RecordingStage stage;

	private LocalDateTime createdAt;

	private String createdBy;

	@Version
	private Integer version;

	protected CaseVideo() {
	}

	/** @throws Refusal when the number, device or stage is missing or the number too long */
	static CaseVideo record(long caseId, String videoNo, VideoKind kind, RecordingStage stage, LocalDateTime now,
			String by) {
		String no = videoNo == null ? "" : videoNo.strip();
		if (no.isEmpty()) {
			throw Refusal.of("recording.refused.videoNoMissing");
		}
		if (no.length() > MAX_NO) {
			throw Refusal.of("recording.refused.videoNoTooLong", MAX_NO, no.length());
		}
		if (kind == null) {
			throw Refusal.of("recording.refused.videoKindMissing");
		}
		if (stage == null) {
			throw Refusal.of("recording.refused.stageMissing");
		}
		CaseVideo v = new CaseVideo();
		v.caseId = caseId;
		v.videoNo = no;
		v.videoKind = kind;
		v.stage = stage;
		v.createdAt = now;
		v.createdBy = by;
		return v;
	}

	String describe() {
		return videoNo + " " + videoKind + " " + stage;
	}

	public Long getId() {
		return id;
	}

	public Long getCaseId() {
		return caseId;
	}

	public String getVideoNo() {
		return videoNo;
	}

	public VideoKind getVideoKind() {
		return videoKind;
	}

	public RecordingStage getStage() {
		return stage;
	}

	public LocalDateTime getCreatedAt() {
		return createdAt;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Integer getVersion() {
		return version;
	}

}
