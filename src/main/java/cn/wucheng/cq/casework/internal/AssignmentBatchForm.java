package cn.wucheng.cq.casework.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The squad leader's batch of new cases (R-11, issue 13 item 5): the rows ticked, one 主办/协办 pair for all, and the
 * version of each case as the page showed it ({@code versions[caseId]}).
 */
public class AssignmentBatchForm {

	private List<Long> selected = new ArrayList<>();

	private Long leadId;

	private Long coId;

	private Map<Long, Integer> versions = new HashMap<>();

	public List<Long> getSelected() {
		return selected;
	}

	public void setSelected(List<Long> selected) {
		this.selected = selected == null ? new ArrayList<>() : selected;
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

	public Map<Long, Integer> getVersions() {
		return versions;
	}

	public void setVersions(Map<Long, Integer> versions) {
		this.versions = versions == null ? new HashMap<>() : versions;
	}

}
