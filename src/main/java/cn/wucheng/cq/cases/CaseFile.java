package cn.wucheng.cq.cases;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A case (案件) with its two handlers: the lead (主办) and the co-handler (协办). It scores in the period that
 * contains its conclusion date. Table {@code case_file} because {@code case} is an SQL keyword.
 */
@Table("case_file")
public class CaseFile {

	/** The case source that allows auxiliary staff to be present at the discovery. */
	public static final String ROADSIDE = "路面查处";

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
			throw new IllegalArgumentException("案件须指派两名承办人（主办人与协办人）");
		}
		if (leadId.equals(coId)) {
			throw new IllegalArgumentException("主办人与协办人不能是同一人");
		}
		this.leadId = leadId;
		this.coId = coId;
	}

	/** conclusion cannot precede filing. */
	public void conclude(LocalDate concludedOn) {
		if (concludedOn != null && concludedOn.isBefore(filedOn)) {
			throw new IllegalArgumentException("办结日期不能早于立案日期");
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

	public LocalDate getConcludedOn() {
		return concludedOn;
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
