package cn.wucheng.cq.casework.internal;

import java.util.ArrayList;
import java.util.List;

/** The squad leader's form to re-assign a case's handlers; {@code version} is the case's, for a stale edit. */
public class AssignmentForm {

	private Long leadId;

	private Long coId;

	private String reason;

	private List<Long> discoveryStaff = new ArrayList<>();

	private Integer version;

	static AssignmentForm of(Assignments.CaseView c, List<Assignments.PersonOption> staff) {
		AssignmentForm f = new AssignmentForm();
		f.leadId = c.lead().id();
		f.coId = c.co().id();
		f.discoveryStaff = new ArrayList<>(staff.stream().map(Assignments.PersonOption::id).toList());
		f.version = c.version();
		return f;
	}

	Assignments.Change toChange() {
		return new Assignments.Change(leadId, coId, reason, discoveryStaff, version);
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

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public List<Long> getDiscoveryStaff() {
		return discoveryStaff;
	}

	public void setDiscoveryStaff(List<Long> discoveryStaff) {
		this.discoveryStaff = discoveryStaff == null ? new ArrayList<>() : discoveryStaff;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
