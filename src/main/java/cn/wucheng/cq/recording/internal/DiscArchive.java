package cn.wucheng.cq.recording.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.cases.CaseFile;
import cn.wucheng.cq.shared.Refusal;

/**
 * R-52 (一案一档): the disc a concluded ordinary case's audio/video was burnt to and archived with the file — its
 * number (光盘编号) and the archiving date (归档日期). One per case.
 */
@Table("case_disc_archive")
public class DiscArchive {

	@Id
	private Long id;

	private Long caseId;

	private String discNo;

	private LocalDate archivedOn;

	private LocalDateTime createdAt;

	private String createdBy;

	@Version
	private Integer version;

	protected DiscArchive() {
	}

	/** @throws Refusal when the case is no concluded ordinary case or the entry does not fit it */
	static DiscArchive archive(CaseFile c, boolean required, String discNo, LocalDate archivedOn, LocalDate today,
			LocalDateTime now, String by) {
		DiscArchive d = new DiscArchive();
		d.caseId = c.getId();
		d.createdAt = now;
		d.createdBy = by;
		d.change(c, required, discNo, archivedOn, today);
		return d;
	}

	/**
	 * only a concluded case that needs a disc ({@code required}: every case by default, ordinary ones under the
	 * setting) is archived, on or after its conclusion, not in the future.
	 */
	void change(CaseFile c, boolean required, String discNo, LocalDate archivedOn, LocalDate today) {
		if (!required) {
			throw Refusal.of("recording.refused.discNotRequired", c.getCaseNo(), c.getCategory().label());
		}
		if (c.concludedOnEffective() == null) {
			throw Refusal.of("recording.refused.discNotConcluded", c.getCaseNo());
		}
		String no = discNo == null ? "" : discNo.strip();
		if (no.isEmpty()) {
			throw Refusal.of("recording.refused.discNoMissing");
		}
		if (no.length() > CaseVideo.MAX_NO) {
			throw Refusal.of("recording.refused.discNoTooLong", CaseVideo.MAX_NO);
		}
		if (archivedOn == null) {
			throw Refusal.of("recording.refused.archivedOnMissing");
		}
		if (archivedOn.isBefore(c.concludedOnEffective())) {
			throw Refusal.of("recording.refused.archivedBeforeConclusion", archivedOn, c.concludedOnEffective());
		}
		if (archivedOn.isAfter(today)) {
			throw Refusal.of("recording.refused.archivedInFuture", archivedOn, today);
		}
		this.discNo = no;
		this.archivedOn = archivedOn;
	}

	String describe() {
		return discNo + " " + archivedOn;
	}

	public Long getId() {
		return id;
	}

	public Long getCaseId() {
		return caseId;
	}

	public String getDiscNo() {
		return discNo;
	}

	public LocalDate getArchivedOn() {
		return archivedOn;
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
