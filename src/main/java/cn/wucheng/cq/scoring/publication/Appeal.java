package cn.wucheng.cq.scoring.publication;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.shared.BundledText;
import cn.wucheng.cq.shared.Refusal;

/**
 * An officer's appeal (申诉) against one item of his own score — a case line or an award line of his breakdown — or
 * about a case missing from it, named by its 案件编号, with a reason. The legal section upholds it with a note (and corrects the data through the usual means: the
 * ranking follows while the quarter is not final) or rejects it with a reason.
 */
@Table("score_appeal")
public class Appeal {

	static final int MAX_TEXT = 1000;

	@Id
	private Long id;

	private Long publicationId;

	private AppealKind kind;

	/** For a {@link AppealKind#MISSING_CASE} appeal: the 案件编号 the officer named. */
	private String missingCaseNo;

	private Long personId;

	private Long caseId;

	private Long awardId;

	private String itemLabel;

	private String reason;

	private LocalDate filedOn;

	private String filedBy;

	private AppealStatus status;

	private String decisionNote;

	private LocalDate decidedOn;

	private String decidedBy;

	@Version
	private Integer version;

	protected Appeal() {
	}

	/** Files an appeal while the publication's notice period runs; the reason is required. */
	static Appeal file(Publication publication, long personId, long caseId, Long awardId, String itemLabel,
			String reason, String by, LocalDate today) {
		publication.requireOpenForAppeal(today);
		Appeal a = new Appeal();
		a.publicationId = publication.getId();
		a.kind = AppealKind.ITEM;
		a.personId = personId;
		a.caseId = caseId;
		a.awardId = awardId;
		a.itemLabel = itemLabel;
		a.reason = text(reason, "publication.refused.appealNoReason");
		a.filedOn = today;
		a.filedBy = by;
		a.status = AppealStatus.OPEN;
		return a;
	}

	/**
	 * Files an appeal about a case missing from the officer's breakdown, while the notice period runs: the
	 * case number and the reason are required; {@code caseId} is the case of that number when the system has one.
	 */
	static Appeal fileMissingCase(Publication publication, long personId, Long caseId, String caseNo, String itemLabel,
			String reason, String by, LocalDate today) {
		publication.requireOpenForAppeal(today);
		Appeal a = new Appeal();
		a.publicationId = publication.getId();
		a.kind = AppealKind.MISSING_CASE;
		a.personId = personId;
		a.caseId = caseId;
		a.missingCaseNo = caseNo;
		a.itemLabel = itemLabel;
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw Refusal.of("publication.appeal.missing.noReason");
		}
		a.reason = text(why, null);
		a.filedOn = today;
		a.filedBy = by;
		a.status = AppealStatus.OPEN;
		return a;
	}

	/** 申诉成立, with a note saying what will be corrected. */
	void uphold(String note, String by, LocalDate on) {
		requireOpen();
		this.decisionNote = text(note, "publication.refused.upholdNoNote");
		this.status = AppealStatus.UPHELD;
		this.decidedBy = by;
		this.decidedOn = on;
	}

	/** 申诉不成立, with the reason. */
	void reject(String why, String by, LocalDate on) {
		requireOpen();
		this.decisionNote = text(why, "publication.refused.rejectNoReason");
		this.status = AppealStatus.REJECTED;
		this.decidedBy = by;
		this.decidedOn = on;
	}

	private void requireOpen() {
		if (status != AppealStatus.OPEN) {
			throw Refusal.of("publication.refused.appealDecided", decidedOn,
					BundledText.of("messages-publication", "publication.appeal.status." + status.name()));
		}
	}

	/** @param missingKey the message of the refusal when the text is empty */
	private static String text(String raw, String missingKey) {
		String t = raw == null ? "" : raw.strip();
		if (t.isEmpty()) {
			throw Refusal.of(missingKey);
		}
		if (t.length() > MAX_TEXT) {
			throw Refusal.of("publication.refused.textTooLong", MAX_TEXT, t.length());
		}
		return t;
	}

	/** For the audit log. */
	String describe() {
		return BundledText.of("messages-publication", "publication.audit.appeal", itemLabel, status, reason)
				+ (decisionNote == null ? ""
						: BundledText.of("messages-publication", "publication.audit.appealDecision", decisionNote));
	}

	public Long getId() {
		return id;
	}

	public Long getPublicationId() {
		return publicationId;
	}

	public AppealKind getKind() {
		return kind;
	}

	public String getMissingCaseNo() {
		return missingCaseNo;
	}

	public Long getPersonId() {
		return personId;
	}

	public Long getCaseId() {
		return caseId;
	}

	public Long getAwardId() {
		return awardId;
	}

	public String getItemLabel() {
		return itemLabel;
	}

	public String getReason() {
		return reason;
	}

	public LocalDate getFiledOn() {
		return filedOn;
	}

	public String getFiledBy() {
		return filedBy;
	}

	public AppealStatus getStatus() {
		return status;
	}

	public String getDecisionNote() {
		return decisionNote;
	}

	public LocalDate getDecidedOn() {
		return decidedOn;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Integer getVersion() {
		return version;
	}

}
