package cn.wucheng.cq.casework.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import cn.wucheng.cq.cases.CaseCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The squad leader's form to register a case with its two handlers. */
public class RegistrationForm {

	@NotBlank(message = "{casework.form.caseNo.required}")
	@Size(max = 60, message = "{casework.form.caseNo.size}")
	private String caseNo;

	@NotNull(message = "{casework.form.category.required}")
	private CaseCategory category;

	@NotNull(message = "{casework.form.domain.required}")
	private Long domainId;

	@Size(max = 40, message = "{casework.form.source.size}")
	private String source;

	@NotNull(message = "{casework.form.filedOn.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate filedOn;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate concludedOn;

	@Size(max = 120, message = "{casework.form.decisionNo.size}")
	private String decisionNo;

	@Size(max = 300, message = "{casework.form.title.size}")
	private String title;

	@Size(max = 60, message = "{casework.form.videoNo.size}")
	private String videoNo;

	private Long leadId;

	private Long coId;

	private List<Long> discoveryStaff = new ArrayList<>();

	Assignments.Registration toRegistration() {
		return new Assignments.Registration(caseNo, category, domainId, source, filedOn, concludedOn, decisionNo,
				title, videoNo, leadId, coId, discoveryStaff);
	}

	public String getCaseNo() {
		return caseNo;
	}

	public void setCaseNo(String caseNo) {
		this.caseNo = caseNo;
	}

	public CaseCategory getCategory() {
		return category;
	}

	public void setCategory(CaseCategory category) {
		this.category = category;
	}

	public Long getDomainId() {
		return domainId;
	}

	public void setDomainId(Long domainId) {
		this.domainId = domainId;
	}

	public String getSource() {
		return source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public LocalDate getFiledOn() {
		return filedOn;
	}

	public void setFiledOn(LocalDate filedOn) {
		this.filedOn = filedOn;
	}

	public LocalDate getConcludedOn() {
		return concludedOn;
	}

	public void setConcludedOn(LocalDate concludedOn) {
		this.concludedOn = concludedOn;
	}

	public String getDecisionNo() {
		return decisionNo;
	}

	public void setDecisionNo(String decisionNo) {
		this.decisionNo = decisionNo;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getVideoNo() {
		return videoNo;
	}

	public void setVideoNo(String videoNo) {
		this.videoNo = videoNo;
	}

	public Long getLeadId() {
		return leadId;
	}

	public void setLeadId(Long leadId) {
		this.leadId = leadId;
	}

	public Long getCoId() {
		return coId;
	}

	public void setCoId(Long coId) {
		this.coId = coId;
	}

	public List<Long> getDiscoveryStaff() {
		return discoveryStaff;
	}

	public void setDiscoveryStaff(List<Long> discoveryStaff) {
		this.discoveryStaff = discoveryStaff == null ? new ArrayList<>() : discoveryStaff;
	}

}
