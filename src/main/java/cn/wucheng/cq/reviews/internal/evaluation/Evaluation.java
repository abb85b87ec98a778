package cn.wucheng.cq.reviews.internal.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.reviews.EvaluationGrade;
import cn.wucheng.cq.shared.Refusal;

/**
 * One evaluator's evaluation of one drawn file. A peer evaluator is a person of ANOTHER unit than the file's;
 * a spot check's third party is recorded by name. Submitting scores the file against the standard: 100 minus the
 * items' deductions, never below 0, or 0 when a veto item (否决项) failed; the grade follows
 * {@link EvaluationGrade}. A submitted evaluation is final.
 */
@Table("evaluation")
public class Evaluation {

	static final BigDecimal FULL = new BigDecimal("100.00");

	@Id
	private Long id;

	private Long roundId;

	private Long caseId;

	private Long unitId;

	private Long evaluatorPersonId;

	private String evaluatorName;

	private EvaluationStatus status;

	private BigDecimal score;

	private boolean vetoed;

	private EvaluationGrade grade;

	private LocalDate submittedOn;

	private String remark;

	@MappedCollection(idColumn = "evaluation_id")
	private Set<EvaluationDeduction> deductions = new HashSet<>();

	@Version
	private Integer version;

	protected Evaluation() {
	}

	/**
	 * a peer evaluator of a file; refused when he belongs to the file's own unit.
	 * @param evaluatorUnitId the evaluator's unit
	 */
	static Evaluation peer(EvaluationRound round, DrawnFile file, long personId, String personName,
			long evaluatorUnitId, String fileUnitName) {
		if (round.getKind() != RoundKind.PEER_REVIEW) {
			throw Refusal.of("evaluation.refused.spotCheckByName");
		}
		if (file.unitId() == evaluatorUnitId) {
			throw Refusal.of("evaluation.refused.sameUnit", personName, fileUnitName);
		}
		Evaluation e = new Evaluation(round, file);
		e.evaluatorPersonId = personId;
		e.evaluatorName = personName;
		return e;
	}

	/** a spot check's third-party evaluator, recorded by name. */
	static Evaluation spotCheck(EvaluationRound round, DrawnFile file, String name) {
		if (round.getKind() != RoundKind.SPOT_CHECK) {
			throw Refusal.of("evaluation.refused.peerByPerson");
		}
		if (name == null || name.isBlank()) {
			throw Refusal.of("evaluation.refused.nameMissing");
		}
		if (name.strip().length() > 100) {
			throw Refusal.of("evaluation.refused.nameTooLong", 100);
		}
		Evaluation e = new Evaluation(round, file);
		e.evaluatorName = name.strip();
		return e;
	}

	private Evaluation(EvaluationRound round, DrawnFile file) {
		this.roundId = round.getId();
		this.caseId = file.caseId();
		this.unitId = file.unitId();
		this.status = EvaluationStatus.ASSIGNED;
	}

	/**
	 * Scores the file against the standard and submits.
	 * @param failed the items found failed: deduction items and veto items, each of the active standard
	 * @throws Refusal when already submitted
	 */
	void submit(Collection<EvaluationItem> failed, String remark, LocalDate today, EvaluationGrade.Thresholds thresholds) {
		if (status == EvaluationStatus.SUBMITTED) {
			throw Refusal.of("evaluation.refused.submitted", submittedOn);
		}
		if (remark != null && remark.strip().length() > 500) {
			throw Refusal.of("evaluation.refused.remarkTooLong", 500);
		}
		deductions.clear();
		BigDecimal off = BigDecimal.ZERO;
		boolean veto = false;
		for (EvaluationItem i : failed) {
			deductions.add(new EvaluationDeduction(i.getId(), i.getPoints(), i.isVeto()));
			veto |= i.isVeto();
			if (!i.isVeto()) {
				off = off.add(i.getPoints());
			}
		}
		this.vetoed = veto;
		this.score = veto ? BigDecimal.ZERO.setScale(2) : FULL.subtract(off).max(BigDecimal.ZERO).setScale(2);
		this.grade = EvaluationGrade.of(score, thresholds);
		this.remark = remark == null || remark.isBlank() ? null : remark.strip();
		this.submittedOn = today;
		this.status = EvaluationStatus.SUBMITTED;
	}

	boolean isSubmitted() {
		return status == EvaluationStatus.SUBMITTED;
	}

	String describe() {
		return "evaluator=" + evaluatorName + "\nstatus=" + status + "\nscore="
				+ (score == null ? "" : score.toPlainString()) + "\nvetoed=" + vetoed + "\ngrade="
				+ (grade == null ? "" : grade.label());
	}

	public Long getId() {
		return id;
	}

	public Long getRoundId() {
		return roundId;
	}

	public Long getCaseId() {
		return caseId;
	}

	public Long getUnitId() {
		return unitId;
	}

	public Long getEvaluatorPersonId() {
		return evaluatorPersonId;
	}

	public String getEvaluatorName() {
		return evaluatorName;
	}

	public EvaluationStatus getStatus() {
		return status;
	}

	public BigDecimal getScore() {
		return score;
	}

	public boolean isVetoed() {
		return vetoed;
	}

	public EvaluationGrade getGrade() {
		return grade;
	}

	public LocalDate getSubmittedOn() {
		return submittedOn;
	}

	public String getRemark() {
		return remark;
	}

	public Set<EvaluationDeduction> getDeductions() {
		return Set.copyOf(deductions);
	}

	public Integer getVersion() {
		return version;
	}

}
