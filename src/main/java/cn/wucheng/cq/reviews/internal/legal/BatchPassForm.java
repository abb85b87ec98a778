package cn.wucheng.cq.reviews.internal.legal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The legal-review queue's batch 通过 (issue 13 item 7): the ticked cases, the version of each as the page showed it
 * (empty for a case never reviewed) and the cases the page showed, which the htmx answer renders again in place.
 */
class BatchPassForm {

	private List<Long> caseIds = new ArrayList<>();

	private Map<Long, Integer> versions = new HashMap<>();

	private List<Long> shown = new ArrayList<>();

	public List<Long> getCaseIds() {
		return caseIds;
	}

	public void setCaseIds(List<Long> caseIds) {
		this.caseIds = caseIds == null ? new ArrayList<>() : caseIds;
	}

	public Map<Long, Integer> getVersions() {
		return versions;
	}

	public void setVersions(Map<Long, Integer> versions) {
		this.versions = versions == null ? new HashMap<>() : versions;
	}

	public List<Long> getShown() {
		return shown;
	}

	public void setShown(List<Long> shown) {
		this.shown = shown == null ? new ArrayList<>() : shown;
	}

}
