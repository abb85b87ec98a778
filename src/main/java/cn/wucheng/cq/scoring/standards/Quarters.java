package cn.wucheng.cq.scoring.standards;

import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Refusal;

/** Reads the {@code period} parameter of the standards: only a quarter makes sense (R-32, R-33 are quarterly). */
final class Quarters {

	private Quarters() {
	}

	/**
	 * The quarter a request must give (the export and the API have no default); the formatter has already refused a
	 * bad or non-quarter value ({@code @QuarterOnly}).
	 * @throws Refusal saying what was expected
	 */
	static Period required(Period quarter) {
		if (quarter == null) {
			throw Refusal.of("standards.period.missing");
		}
		return quarter;
	}

}
