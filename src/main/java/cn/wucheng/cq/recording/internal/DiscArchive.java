package cn.wucheng.cq.recording.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.cases.CaseFile;

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

	/** @throws RecordingRefusal when the case is no concluded ordinary case or the entry does not fit it */
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
			throw new RecordingRefusal("光盘归档（一案一档）只适用于普通程序和重大疑难案件，案件 " + c.getCaseNo() + " 是"
					+ c.getCategory().label() + "案件（实施方案 四（四））");
		}
		if (c.concludedOnEffective() == null) {
			throw new RecordingRefusal("案件 " + c.getCaseNo() + " 尚未办结，办结后再刻录光盘归档（一案一档）");
		}
		String no = discNo == null ? "" : discNo.strip();
		if (no.isEmpty()) {
			throw new RecordingRefusal("请填写光盘编号");
		}
		if (no.length() > CaseVideo.MAX_NO) {
			throw new RecordingRefusal("光盘编号最长 " + CaseVideo.MAX_NO + " 个字符");
		}
		if (archivedOn == null) {
			throw new RecordingRefusal("请填写归档日期");
		}
		if (archivedOn.isBefore(c.concludedOnEffective())) {
			throw new RecordingRefusal("归档日期 " + archivedOn + " 不能早于办结日期 " + c.concludedOnEffective());
		}
		if (archivedOn.isAfter(today)) {
			throw new RecordingRefusal("归档日期 " + archivedOn + " 不能晚于今天（" + today + "）");
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
