package cn.wucheng.cq.cases;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.shared.Refusal;

/**
 * A case (案件) with its two handlers: the lead (主办) and the co-handler (协办). It scores in the period that
 * contains its conclusion date. Table {@code case_file} because {@code case} is an SQL keyword.
 */
@Table("case_file")
public class CaseFile {

	/** The case source that allows auxiliary staff to be present at the discovery. */
	public static final String ROADSIDE = CaseSources.ROADSIDE;

	@Id
	private Long id;

	private String caseNo;

	private String decisionNo;

	private String title;

	private CaseCategory category;

	private Long domainId;

	private Long unitId;

	private String source;

	private LocalDate filedOn;

	private LocalDate concludedOn;

	private Long leadId;

	private Long coId;

	private String videoNo;

	@Version
	private Integer version;

	protected CaseFile() {
	}

	public CaseFile(String caseNo, CaseCategory category, Long domainId, Long unitId, LocalDate filedOn) {
		this.caseNo = Objects.requireNonNull(caseNo);
		this.category = Objects.requireNonNull(category);
		this.domainId = Objects.requireNonNull(domainId);
		this.unitId = Objects.requireNonNull(unitId);
		this.filedOn = Objects.requireNonNull(filedOn);
	}

	/**
	 * two different people; whether both are formal officers is checked by the caller, who knows them.
	 */
	public void assign(Long leadId, Long coId) {
		if (leadId == null || coId == null) {
			throw Refusal.of("cases.refused.twoHandlers");
		}
		if (leadId.equals(coId)) {
			throw Refusal.of("cases.refused.sameHandler");
		}
		this.leadId = leadId;
		this.coId = coId;
	}

	/**
	 * R-11, as the squad leader assigns (中队长指派制): two handlers, both chosen, different people, both formal officers
	 * (正式执法人员, never 辅助人员) and both of the case's squad. Each refusal names the form field it concerns.
	 * Used when a case is registered; {@link #reassign} changes the handlers of an existing case.
	 * @throws Refusal naming the form field, with a message key
	 */
	public void assignHandlers(HandlerCandidate lead, HandlerCandidate co) {
		checkHandlers(lead, co);
		this.leadId = lead.personId();
		this.coId = co.personId();
	}

	/**
	 * re-assigns the handlers of an existing (possibly imported) case. A re-assignment needs a reason, which
	 * the caller keeps in the assignment history, and must change something.
	 * @throws Refusal naming the form field, with a message key
	 */
	public Reassignment reassign(HandlerCandidate lead, HandlerCandidate co, String reason) {
		checkHandlers(lead, co);
		String r = reason == null ? "" : reason.strip();
		if (r.isEmpty()) {
			throw Refusal.onField("reason", "cases.refused.reasonMissing");
		}
		if (r.length() > 500) {
			throw Refusal.onField("reason", "cases.refused.reasonTooLong", 500);
		}
		if (lead.personId().equals(leadId) && co.personId().equals(coId)) {
			throw Refusal.onField("leadId", "cases.refused.nothingChanged");
		}
		Reassignment change = new Reassignment(leadId, coId, lead.personId(), co.personId(), r);
		this.leadId = lead.personId();
		this.coId = co.personId();
		return change;
	}

	private void checkHandlers(HandlerCandidate lead, HandlerCandidate co) {
		if (lead == null || lead.personId() == null) {
			throw Refusal.onField("leadId", "cases.refused.leadMissing");
		}
		if (co == null || co.personId() == null) {
			throw Refusal.onField("coId", "cases.refused.coMissing");
		}
		if (lead.personId().equals(co.personId())) {
			throw Refusal.onField("coId", "cases.refused.coSameAsLead");
		}
		checkOne("leadId", "cases.handler.lead", lead);
		checkOne("coId", "cases.handler.co", co);
	}

	private void checkOne(String field, String labelKey, HandlerCandidate h) {
		if (!h.formal()) {
			throw Refusal.onField(field, "cases.refused.auxiliary", Refusal.label(labelKey), h.name());
		}
		if (!unitId.equals(h.unitId())) {
			throw Refusal.onField(field, "cases.refused.otherSquad", Refusal.label(labelKey), h.name());
		}
	}

	/** conclusion cannot precede filing. */
	public void conclude(LocalDate concludedOn) {
		if (concludedOn != null && concludedOn.isBefore(filedOn)) {
			throw Refusal.onField("concludedOn", "cases.refused.concludedBeforeFiled");
		}
		this.concludedOn = concludedOn;
	}

	public void describe(String decisionNo, String title, String source, String videoNo) {
		this.decisionNo = blankToNull(decisionNo);
		this.title = blankToNull(title);
		this.source = blankToNull(source);
		this.videoNo = blankToNull(videoNo);
	}

	private static String blankToNull(String v) {
		return v == null || v.isBlank() ? null : v.trim();
	}

	public boolean isRoadside() {
		return ROADSIDE.equals(source);
	}

	public Long getId() {
		return id;
	}

	public String getCaseNo() {
		return caseNo;
	}

	public String getDecisionNo() {
		return decisionNo;
	}

	public String getTitle() {
		return title;
	}

	public CaseCategory getCategory() {
		return category;
	}

	public Long getDomainId() {
		return domainId;
	}

	public Long getUnitId() {
		return unitId;
	}

	public String getSource() {
		return source;
	}

	public LocalDate getFiledOn() {
		return filedOn;
	}

	/** The 办结日期 as recorded (imported or entered); may be empty. */
	public LocalDate getConcludedOn() {
		return concludedOn;
	}

	/**
	 * the day the case is concluded for every rule: its 办结日期, or for a simple case without one its 立案日期
	 * (当场处罚: the decision is the conclusion); null for an ordinary case not concluded yet. The same as the stored
	 * column {@code case_file.concluded_on_effective} that set-based SQL reads.
	 */
	public LocalDate concludedOnEffective() {
		return concludedOn == null && category == CaseCategory.SIMPLE ? filedOn : concludedOn;
	}

	public Long getLeadId() {
		return leadId;
	}

	public Long getCoId() {
		return coId;
	}

	public String getVideoNo() {
		return videoNo;
	}

	public Integer getVersion() {
		return version;
	}

}
