package cn.wucheng.cq.training;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * the question bank (题库) must reach the trainees at least half a month — 15 calendar days — before the
 * session ("题库由培训组织单位提前半个月下发给各参训人员"). Released on 1 March, a session on 16 March is in time, one on
 * 15 March is not.
 */
public final class QuestionBankPolicy {

	/** Days between release and session, at least. */
	public static final int MIN_DAYS = 15;

	private QuestionBankPolicy() {
	}

	/** Calendar days from the release to the session (negative when released after it). */
	public static long daysBefore(LocalDate releasedOn, LocalDate heldOn) {
		return ChronoUnit.DAYS.between(releasedOn, heldOn);
	}

	public static boolean inTime(LocalDate releasedOn, LocalDate heldOn) {
		return daysBefore(releasedOn, heldOn) >= MIN_DAYS;
	}

}
