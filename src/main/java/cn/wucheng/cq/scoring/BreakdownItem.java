package cn.wucheng.cq.scoring;

import java.time.LocalDate;
import java.util.List;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.reviews.AwardLevel;
import cn.wucheng.cq.scoring.policy.HandlerRole;
import cn.wucheng.cq.shared.Points;

/**
 * One line of a person's breakdown: a case concluded in the period (quantity and quality, with the deductions
 * behind the quality) or an excellent-file award rated in the period (excellence). The components are the person's
 * share; {@code creditedBefore} is what earlier awards of the case already counted (R-22, highest only).
 */
public record BreakdownItem(Kind kind, String caseNo, HandlerRole role, CaseCategory category, LocalDate concludedOn,
		AwardLevel awardLevel, LocalDate ratedOn, Points creditedBefore, Points quantity, Points quality,
		Points excellence, List<Deduction> deductions) {

	/** What the item is. */
	public enum Kind {
		/** A case concluded in the period. */
		CASE,
		/** An excellent-file award rated in the period. */
		AWARD
	}

	/** A deducted item of a return (退卷) of the case, with the points recorded at the time. */
	public record Deduction(String code, String text, Points points, LocalDate returnedOn, String reason) {
	}

	public Points total() {
		return quantity.plus(quality).plus(excellence);
	}

	/** The sum of the case's deductions (before the floor at 0 and the co-handler's half). */
	public Points deducted() {
		return deductions.stream().map(Deduction::points).reduce(Points.ZERO, Points::plus);
	}

}
