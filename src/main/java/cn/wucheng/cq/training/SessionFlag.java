package cn.wucheng.cq.training;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** What is wrong with a training session. */
public enum SessionFlag {

	/** The question bank (题库) reached the trainees less than 15 days before the session. */
	BANK_LATE,
	/** No question-bank release date is recorded. */
	BANK_MISSING,
	/** An auxiliary attended in place of a formal officer (不得出现辅助人员代替正式队员参会). */
	SUBSTITUTION,
	/** The session has taken place and someone who signed in has no exam score (即学即考). */
	SCORES_MISSING;

	/**
	 * The flags of a session from its facts; the session page and the list (one SQL pass) both ask here.
	 * @param substitutions attendees recorded as attending in place of a formal officer
	 * @param signedInWithoutScore attendees who signed in and have no exam score
	 */
	public static Set<SessionFlag> of(LocalDate heldOn, LocalDate bankReleasedOn, long substitutions,
			long signedInWithoutScore, LocalDate today) {
		Set<SessionFlag> flags = EnumSet.noneOf(SessionFlag.class);
		if (bankReleasedOn == null) {
			flags.add(BANK_MISSING);
		}
		else if (!QuestionBankPolicy.inTime(bankReleasedOn, heldOn)) {
			flags.add(BANK_LATE);
		}
		if (substitutions > 0) {
			flags.add(SUBSTITUTION);
		}
		if (signedInWithoutScore > 0 && !heldOn.isAfter(today)) {
			flags.add(SCORES_MISSING);
		}
		return flags;
	}

}
