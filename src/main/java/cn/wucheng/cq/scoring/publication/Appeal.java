package cn.wucheng.cq.scoring.publication;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

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
		a.reason = text(reason, "申诉须填写理由，说明该项积分哪里有误");
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
			throw PublicationRefusal.of("publication.appeal.missing.noReason");
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
		this.decisionNote = text(note, "认定申诉成立须填写处理意见，说明如何更正");
		this.status = AppealStatus.UPHELD;
		this.decidedBy = by;
		this.decidedOn = on;
	}

	/** 申诉不成立, with the reason. */
	void reject(String why, String by, LocalDate on) {
		requireOpen();
		this.decisionNote = text(why, "驳回申诉须填写理由");
		this.status = AppealStatus.REJECTED;
		this.decidedBy = by;
		this.decidedOn = on;
	}

	private void requireOpen() {
		if (status != AppealStatus.OPEN) {
			throw new PublicationRefusal("该申诉已于 " + decidedOn + " 处理（" + (status == AppealStatus.UPHELD ? "申诉成立" : "申诉不成立")
					+ "），不能再次处理");
		}
	}

	private static String text(String raw, String whenMissing) {
		String t = raw == null ? "" : raw.strip();
		if (t.isEmpty()) {
			throw new PublicationRefusal(whenMissing);
		}
		if (t.length() > MAX_TEXT) {
			throw new PublicationRefusal("内容不能超过 " + MAX_TEXT + " 个字，收到 " + t.length() + " 个字");
		}
		return t;
	}

	/** For the audit log. */
	String describe() {
		return "项目 " + itemLabel + "；状态 " + status + "；理由 " + reason
				+ (decisionNote == null ? "" : "；处理意见 " + decisionNote);
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
