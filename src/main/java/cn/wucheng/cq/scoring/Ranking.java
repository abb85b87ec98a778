package cn.wucheng.cq.scoring;

import java.util.List;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Points;

/**
 * A quarter's ranking: one category per squad type, in the order 直属中队, 一类中队, 二类中队. Pool and places
 * count the whole category; entries may be narrowed to a user's data scope.
 */
public record Ranking(Period period, List<Category> categories) implements DataCache.Weighed {

	/** Its weight in the rankings cache: every category's entries. */
	@Override
	public long rows() {
		return categories.stream().mapToLong(c -> c.entries().size()).sum();
	}

	/** One squad category: its pool of formal officers, the best-handler places and the ranked entries. */
	public record Category(UnitType category, int pool, int places, List<Entry> entries) {
	}

	/** One ranked formal officer. */
	public record Entry(int rank, long personId, String employeeNo, String name, long unitId, String unitName,
			Points total, boolean bestHandler) {
	}

}
