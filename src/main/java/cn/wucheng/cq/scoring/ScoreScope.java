package cn.wucheng.cq.scoring;

import cn.wucheng.cq.security.CurrentUser;

/**
 * Which people a score or ranking query may return: everyone, one unit (by the unit on the last day of the period,
 * R-02) or one person. Applied inside the SQL, not after it.
 */
public record ScoreScope(Long unitId, Long personId) {

	public static final ScoreScope EVERYONE = new ScoreScope(null, null);

	/** The data scope of a signed-in user (see {@link CurrentUser}), optionally narrowed to a unit he may see. */
	public static ScoreScope of(CurrentUser user, Long chosenUnitId) {
		Long unit = user.unitFilter().orElse(null);
		Long person = user.personFilter().orElse(null);
		if (unit == null && person == null && !user.readsAll()) {
			// a role without business data (ADMIN): nothing at all
			return new ScoreScope(-1L, -1L);
		}
		if (unit == null && person == null && chosenUnitId != null) {
			unit = chosenUnitId;
		}
		return new ScoreScope(unit, person);
	}

	public static ScoreScope unit(long unitId) {
		return new ScoreScope(unitId, null);
	}

	public static ScoreScope person(long personId) {
		return new ScoreScope(null, personId);
	}

	/** Whether a person whose unit (at the period's end) is given falls in this scope. */
	public boolean includes(long personId, long unitIdAtEnd) {
		return (this.unitId == null || this.unitId == unitIdAtEnd) && (this.personId == null || this.personId == personId);
	}

}
