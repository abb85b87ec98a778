package cn.wucheng.cq.casework.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The legal officer's checklist of attachment 2 for one simple case: five 是/否 and the 视频编号. */
public class ReviewForm {

	@NotNull(message = "{casework.review.subject.required}")
	private Boolean subjectOk;

	@NotNull(message = "{casework.review.party.required}")
	private Boolean partyOk;

	@NotNull(message = "{casework.review.evidence.required}")
	private Boolean evidenceOk;

	@NotNull(message = "{casework.review.law.required}")
	private Boolean lawOk;

	@NotNull(message = "{casework.review.record.required}")
	private Boolean recordOk;

	@Size(max = 60, message = "{casework.form.videoNo.size}")
	private String videoNo;

	/** what is wrong, required when any check is 否. */
	@Size(max = 500, message = "{casework.review.note.size}")
	private String note;

	/** The review's version when one exists; empty for a first review. */
	private Integer version;

	static ReviewForm of(Assignments.CaseView c, java.util.Optional<SimpleReview> review) {
		ReviewForm f = new ReviewForm();
		review.ifPresentOrElse(r -> {
			SimpleReview.Checklist k = r.checklist();
			f.subjectOk = k.subjectOk();
			f.partyOk = k.partyOk();
			f.evidenceOk = k.evidenceOk();
			f.lawOk = k.lawOk();
			f.recordOk = k.recordOk();
			f.videoNo = k.videoNo();
			f.note = k.note();
			f.version = r.getVersion();
		}, () -> f.videoNo = c.videoNo());
		return f;
	}

	SimpleReview.Checklist toChecklist() {
		return new SimpleReview.Checklist(subjectOk, partyOk, evidenceOk, lawOk, recordOk, videoNo, note);
	}

	/** a 否 always with a note saying what is wrong (checked again by {@link SimpleReview}). */
	@jakarta.validation.constraints.AssertTrue(message = "{casework.review.note.required}")
	public boolean isNoteGivenForNo() {
		boolean anyNo = Boolean.FALSE.equals(subjectOk) || Boolean.FALSE.equals(partyOk)
				|| Boolean.FALSE.equals(evidenceOk) || Boolean.FALSE.equals(lawOk) || Boolean.FALSE.equals(recordOk);
		return !anyNo || (note != null && !note.isBlank());
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public Boolean getSubjectOk() {
		return subjectOk;
	}

	public void setSubjectOk(Boolean subjectOk) {
		this.subjectOk = subjectOk;
	}

	public Boolean getPartyOk() {
		return partyOk;
	}

	public void setPartyOk(Boolean partyOk) {
		this.partyOk = partyOk;
	}

	public Boolean getEvidenceOk() {
		return evidenceOk;
	}

	public void setEvidenceOk(Boolean evidenceOk) {
		this.evidenceOk = evidenceOk;
	}

	public Boolean getLawOk() {
		return lawOk;
	}

	public void setLawOk(Boolean lawOk) {
		this.lawOk = lawOk;
	}

	public Boolean getRecordOk() {
		return recordOk;
	}

	public void setRecordOk(Boolean recordOk) {
		this.recordOk = recordOk;
	}

	public String getVideoNo() {
		return videoNo;
	}

	public void setVideoNo(String videoNo) {
		this.videoNo = videoNo;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
