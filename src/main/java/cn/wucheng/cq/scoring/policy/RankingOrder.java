package cn.wucheng.cq.scoring.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * within a squad category, formal officers are ranked by exact total score, descending; equal totals share a
 * rank and the next rank skips (1, 2, 2, 4 — what SQL's {@code RANK()} would give). Entries of equal total keep the
 * order they are given in: the ledger gives each pool in 工号 order as the database sorts it.
 * <p>
 * The one ranking of the system: the ledger ranks a quarter's scores — computed in one set-based SQL pass, live or
 * from a final quarter's snapshot — with this policy; there is no second ranking in SQL.
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
	public <T> List<Ranked<T>> rank(List<T> pool, Function<T, BigDecimal> total) {
		List<T> sorted = new ArrayList<>(pool);
		// List.sort is stable: equal totals keep the order given
		sorted.sort(Comparator.comparing(total, Comparator.reverseOrder()));
		List<Ranked<T>> ranked = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			boolean tie = i > 0 && total.apply(sorted.get(i)).compareTo(total.apply(sorted.get(i - 1))) == 0;
			ranked.add(new Ranked<>(tie ? ranked.get(i - 1).rank() : i + 1, sorted.get(i)));
		}
		return ranked;
	}

}
