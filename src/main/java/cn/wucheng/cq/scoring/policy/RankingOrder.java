package cn.wucheng.cq.scoring.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * within a squad category, formal officers are ranked by total score, descending; equal totals share a rank and
 * the next rank skips (1, 2, 2, 4 — what SQL's {@code RANK()} gives). Entries of equal rank are listed by 工号.
 */
public final class RankingOrder implements ScoringPolicy {

	/** One ranked entry. */
	public record Ranked<T>(int rank, T entry) {
	}

	@Override
	public String ruleId() {
		return "R-30";
	}

	/** Ranks the pool of one category. */
	public <T> List<Ranked<T>> rank(List<T> pool, Function<T, BigDecimal> total, Function<T, String> employeeNo) {
		List<T> sorted = new ArrayList<>(pool);
		sorted.sort(Comparator.comparing(total, Comparator.reverseOrder()).thenComparing(employeeNo));
		List<Ranked<T>> ranked = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			boolean tie = i > 0 && total.apply(sorted.get(i)).compareTo(total.apply(sorted.get(i - 1))) == 0;
			ranked.add(new Ranked<>(tie ? ranked.get(i - 1).rank() : i + 1, sorted.get(i)));
		}
		return ranked;
	}

}
