package cn.wucheng.cq.casework.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The legal officer's review table (R-40, issue 13 item 5): one entry per case row of the table, bound as
 * {@code rows[i].subjectOk} …; {@code allOk} is what a "本行全部合格" ({@code caseId}: the row's five checks 是) or
 * "全部合格" ({@code ALL}: every check not yet chosen on a row never reviewed becomes 是, a 否 stays) button sent
 * when the page runs without script; with script the buttons tick the same boxes in the page and nothing is sent.
 */
public class ReviewBatchForm {

	/** {@link #allOk} value of the "全部合格" button. */
	static final String ALL = "ALL";

	private List<Entry> rows = new ArrayList<>();

	private String allOk;

	/** One row as entered: the five checks of attachment 2 (null: not chosen), 视频编号, note and the version seen. */
	public static class Entry {

		private Long caseId;

		private Boolean subjectOk;

		private Boolean partyOk;

		private Boolean evidenceOk;

		private Boolean lawOk;

		private Boolean recordOk;

		private String videoNo;

		private String note;

		private Integer version;

		static Entry of(long caseId, SimpleReview.Checklist k, String videoNo, Integer version) {
			Entry e = new Entry();
			e.caseId = caseId;
			if (k != null) {
				e.subjectOk = k.subjectOk();
				e.partyOk = k.partyOk();
				e.evidenceOk = k.evidenceOk();
				e.lawOk = k.lawOk();
				e.recordOk = k.recordOk();
				e.note = k.note();
			}
			e.videoNo = videoNo;
			e.version = version;
			return e;
		}

		List<Boolean> checks() {
			return java.util.Arrays.asList(subjectOk, partyOk, evidenceOk, lawOk, recordOk);
		}

		/** Nothing chosen and no note: the row was left alone. */
		boolean untouched() {
			return checks().stream().allMatch(java.util.Objects::isNull) && (note == null || note.isBlank());
		}

		/** Every check chosen. */
		boolean complete() {
			return checks().stream().noneMatch(java.util.Objects::isNull);
		}

		boolean anyNo() {
			return checks().contains(Boolean.FALSE);
		}

		/** 本行全部合格: every check 是. */
		void allOk() {
			subjectOk = partyOk = evidenceOk = lawOk = recordOk = Boolean.TRUE;
		}

		/** 全部合格 on a row never reviewed: every check not yet chosen becomes 是; a 否 chosen stays. */
		void fillOk() {
			if (version != null) {
				return;
			}
			subjectOk = subjectOk == null ? Boolean.TRUE : subjectOk;
			partyOk = partyOk == null ? Boolean.TRUE : partyOk;
			evidenceOk = evidenceOk == null ? Boolean.TRUE : evidenceOk;
			lawOk = lawOk == null ? Boolean.TRUE : lawOk;
			recordOk = recordOk == null ? Boolean.TRUE : recordOk;
		}

		SimpleReview.Checklist toChecklist() {
			return new SimpleReview.Checklist(subjectOk, partyOk, evidenceOk, lawOk, recordOk, blankToNull(videoNo),
					blankToNull(note));
		}

		private static String blankToNull(String s) {
			return s == null || s.isBlank() ? null : s.strip();
		}

		public Long getCaseId() {
			return caseId;
		}

		public void setCaseId(Long caseId) {
			this.caseId = caseId;
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

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

		public Integer getVersion() {
			return version;
		}

		public void setVersion(Integer version) {
			this.version = version;
		}

	}

	public List<Entry> getRows() {
		return rows;
	}

	public void setRows(List<Entry> rows) {
		this.rows = rows == null ? new ArrayList<>() : rows;
	}

	public String getAllOk() {
		return allOk;
	}

	public void setAllOk(String allOk) {
		this.allOk = allOk;
	}

}
