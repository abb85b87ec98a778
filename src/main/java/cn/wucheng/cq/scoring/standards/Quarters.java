package cn.wucheng.cq.scoring.standards;

import cn.wucheng.cq.shared.Period;

/** Reads the {@code period} parameter of the standards: only a quarter makes sense (R-32, R-33 are quarterly). */
final class Quarters {

	private Quarters() {
	}

	/**
	 * The quarter a request must give (the export and the API have no default); the formatter has already refused a
	 * bad or non-quarter value ({@code @QuarterOnly}).
	 * @throws IllegalArgumentException with a Chinese message saying what was expected
	 */
	static Period required(Period quarter) {
		if (quarter == null) {
			throw new IllegalArgumentException("缺少参数 period：办案标准按季度考核，请给出季度，如 2024-Q1");
		}
		return quarter;
	}

	/** @throws IllegalArgumentException with a Chinese message saying what was expected */
	static Period parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("缺少参数 period：办案标准按季度考核，请给出季度，如 2024-Q1");
		}
		Period p = Period.parse(text);
		if (!p.isQuarter()) {
			throw new IllegalArgumentException("参数 period 须为季度（如 2024-Q1）：办案标准按季度考核，收到: " + text.trim());
		}
		return p;
	}

}
