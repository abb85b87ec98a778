package cn.wucheng.cq.casework;

import java.time.YearMonth;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.casework.internal.CaseworkActions;

/**
 * The squad's casework for another module acting as a user (the demo bureau's 法制员 and 中队长): the same service
 * methods the pages call, with the signed-in user's checks and the audit they write.
 */
@Component
public class CaseworkWork {

	private final CaseworkActions actions;

	CaseworkWork(CaseworkActions actions) {
		this.actions = actions;
	}

	/**
	 * the signed-in 法制员 (or the 中队长, when the 法制员 handled the case) reviews a simple case on the five
	 * checks of attachment 2; a 否 needs the note that says what is wrong. Dated today.
	 */
	public void reviewSimpleCase(long caseId, boolean subjectOk, boolean partyOk, boolean evidenceOk, boolean lawOk,
			boolean recordOk, String note) {
		actions.reviewSimpleCase(caseId, subjectOk, partyOk, evidenceOk, lawOk, recordOk, note);
	}

	/** the signed-in 中队长 signs his squad's monthly list (refused while cases are unreviewed). */
	public void signList(long unitId, YearMonth month) {
		actions.signList(unitId, month);
	}

	/** the signed-in 中队长 submits the signed list to 法制科 (late after the 15th of the next month). */
	public void submitList(long unitId, YearMonth month) {
		actions.submitList(unitId, month);
	}

}
