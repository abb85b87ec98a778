package cn.wucheng.cq.dashboard.internal;

import java.util.List;

/**
 * What the comparison page shows (issue 16 item 3): the rows when they are there, else how far their computation is
 * ({@link RegionFigures}), or that it failed.
 *
 * @param rows null while computing or after a failure
 * @param done bureaus computed so far, of {@code total}
 */
public record RegionComparison(List<BureauResults> rows, int done, int total, boolean failed) {

	public boolean ready() {
		return rows != null;
	}

}
