package cn.wucheng.cq.scoring.standards;

/**
 * A number of cases by category as the case-handling standard counts them: simple, and ordinary which
 * includes 重大疑难. Used both for what is required and for what was done.
 */
public record CaseCounts(int simple, int ordinary) {

	public static final CaseCounts NONE = new CaseCounts(0, 0);

	public CaseCounts {
		if (simple < 0 || ordinary < 0) {
			throw new IllegalArgumentException("case counts cannot be negative: simple " + simple + ", ordinary " + ordinary);
		}
	}

	/** Whether these counts reach a requirement in every category. */
	public boolean reach(CaseCounts required) {
		return simple >= required.simple && ordinary >= required.ordinary;
	}

	/**
	 * What is still missing to reach a requirement, per category and never below zero: "还差 1 件普通程序" on an
	 * officer's home (the requirement itself comes from the standard policies).
	 */
	public CaseCounts shortOf(CaseCounts required) {
		return new CaseCounts(Math.max(0, required.simple - simple), Math.max(0, required.ordinary - ordinary));
	}

	/** No case in either category. */
	public boolean isNone() {
		return simple == 0 && ordinary == 0;
	}

	/** men aged 50–54 — each minimum halved, rounded up (3 → 2, 1 → 1, 0 → 0). */
	public CaseCounts halvedRoundingUp() {
		return new CaseCounts((simple + 1) / 2, (ordinary + 1) / 2);
	}

}
