package cn.wucheng.cq.supervision.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The leading group as the legal section edits it (R-74): the 组长, the 副组长 and members one per line (or separated
 * by 、 as the programme writes them), the office.
 */
class LeadingGroupForm implements java.io.Serializable {

	// flashed across the redirect when refused, so kept in the session, which lives in the database (issue 16)
	private static final long serialVersionUID = 1L;

	private String leader = "";

	private String deputies = "";

	private String members = "";

	private String office = "";

	static LeadingGroupForm of(Programme.LeadingGroup g) {
		LeadingGroupForm f = new LeadingGroupForm();
		f.leader = String.join("", g.of(LeadingGroupPosition.LEADER));
		f.deputies = String.join("\n", g.of(LeadingGroupPosition.DEPUTY));
		f.members = String.join("\n", g.of(LeadingGroupPosition.MEMBER));
		f.office = String.join("", g.of(LeadingGroupPosition.OFFICE));
		return f;
	}

	/** The members in order: 组长, 副组长, members, office; blank entries dropped. */
	List<Programme.Member> members() {
		List<Programme.Member> list = new ArrayList<>();
		add(list, LeadingGroupPosition.LEADER, List.of(leader));
		add(list, LeadingGroupPosition.DEPUTY, splitNames(deputies));
		add(list, LeadingGroupPosition.MEMBER, split(members));
		add(list, LeadingGroupPosition.OFFICE, List.of(office));
		return list;
	}

	private static void add(List<Programme.Member> list, LeadingGroupPosition p, List<String> names) {
		names.stream()
			.map(n -> n == null ? "" : n.strip())
			.filter(n -> !n.isEmpty())
			.forEach(n -> list.add(new Programme.Member(p, n.length() > 200 ? n.substring(0, 200) : n)));
	}

	/** Members one per line: a line may describe many people (各科室、中队、指挥中心负责人) and keeps its 、. */
	private static List<String> split(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.asList(text.split("\\R"));
	}

	/** 副组长 are names: one per line or separated by 、 or commas, as the programme writes them. */
	static List<String> splitNames(String text) {
		return text == null ? List.of() : Arrays.asList(text.split("[\\r\\n、，,]+"));
	}

	public String getLeader() {
		return leader;
	}

	public void setLeader(String leader) {
		this.leader = leader;
	}

	public String getDeputies() {
		return deputies;
	}

	public void setDeputies(String deputies) {
		this.deputies = deputies;
	}

	public String getMembers() {
		return members;
	}

	public void setMembers(String members) {
		this.members = members;
	}

	public String getOffice() {
		return office;
	}

	public void setOffice(String office) {
		this.office = office;
	}

}
