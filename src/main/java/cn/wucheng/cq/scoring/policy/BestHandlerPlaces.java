package cn.wucheng.cq.scoring.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import cn.wucheng.cq.organisation.UnitType;

/**
 * R-31 最佳办案能手: in 直属中队 and 一类中队 the top 10%, in 二类中队 the top 5% of the category's formal officers. The
 * number of places is N × rate rounded (default half up), at least the minimum (default 1); everyone whose rank is
 * within the places wins (ties at the edge all win), but a total of 0 never wins. Rates, rounding and the minimum are
 * settings (BEST_RATE_*, BEST_PLACES_ROUNDING, BEST_MIN_PLACES).
 */
public final class BestHandlerPlaces implements ScoringPolicy {

	private final Map<UnitType, BigDecimal> rates;

	private final RoundingMode rounding;

	private final int minPlaces;

	public BestHandlerPlaces(BigDecimal directRate, BigDecimal class1Rate, BigDecimal class2Rate, RoundingMode rounding,
			int minPlaces) {
		this.rates = new EnumMap<>(UnitType.class);
		this.rates.put(UnitType.DIRECT_SQUAD, Objects.requireNonNull(directRate));
		this.rates.put(UnitType.CLASS1_SQUAD, Objects.requireNonNull(class1Rate));
		this.rates.put(UnitType.CLASS2_SQUAD, Objects.requireNonNull(class2Rate));
		this.rounding = Objects.requireNonNull(rounding);
		this.minPlaces = minPlaces;
	}

	@Override
	public String ruleId() {
		return "R-31";
	}

	public BigDecimal rate(UnitType category) {
		BigDecimal rate = rates.get(category);
		if (rate == null) {
			throw new IllegalArgumentException("not a squad category: " + category);
		}
		return rate;
	}

	/** The number of places of a category whose pool has {@code poolSize} formal officers; none for an empty pool. */
	public int places(UnitType category, int poolSize) {
		if (poolSize <= 0) {
			return 0;
		}
		int share = BigDecimal.valueOf(poolSize).multiply(rate(category)).setScale(0, rounding).intValueExact();
		return Math.max(minPlaces, share);
	}

	/** Whether an entry of this rank and total is a best case handler. */
	public boolean awarded(int rank, int places, BigDecimal total) {
		return rank <= places && total.signum() > 0;
	}

}
