package cn.wucheng.cq.scoring.standards;

import java.time.LocalDate;
import java.util.Objects;

import cn.wucheng.cq.settings.RuleSetting.StandardFrom;
import cn.wucheng.cq.shared.Period;

/**
 * R-32 with R-71: the case-handling standard applies to a squad's officers from the quarter that contains the start of
 * the squad's rollout — its batch's start, or the squad's own earlier start recorded by the legal section. In earlier
 * quarters their status is 未纳入 (neither 达标 nor 未达标). Alternative setting ({@link StandardFrom#AFTER_BATCH_END}):
 * from the first quarter that starts after the batch's end; a squad's own start still counts from its quarter (it has
 * no batch window of its own).
 */
public final class StandardRollout {

	private final StandardFrom from;

	public StandardRollout(StandardFrom from) {
		this.from = Objects.requireNonNull(from, "from");
	}

	public StandardFrom from() {
		return from;
	}

	/**
	 * Whether the standard applies to a squad's officers in a quarter.
	 * @param startsOn the squad's rollout start (own or batch); null when no batch exists at all (always applies)
	 * @param batchEndsOn the end of the squad's batch; null when the start is the squad's own
	 */
	public boolean applies(Period quarter, LocalDate startsOn, LocalDate batchEndsOn) {
		if (startsOn == null) {
			return true;
		}
		if (from == StandardFrom.AFTER_BATCH_END && batchEndsOn != null) {
			return quarter.start().isAfter(batchEndsOn);
		}
		return !startsOn.isAfter(quarter.end());
	}

}
