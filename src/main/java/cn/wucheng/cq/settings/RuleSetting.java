package cn.wucheng.cq.settings;

import java.math.BigDecimal;
import cn.wucheng.cq.shared.Refusal;

/**
 * Every default of RULES.md that the legal section can change without a code change. The value in code is the
 * default; a row in table {@code setting} overrides it, and the settings page shows which values are defaults.
 * Label keys are {@code setting.<name>} in messages-settings.properties.
 */
public enum RuleSetting {

	/** warn when one person handles more than this share of a squad's cases in a quarter. */
	FIXED_HANDLER_SHARE("R-13", Kind.DECIMAL, "0.40", "1"),
	/** … only when the squad has at least this many cases in the quarter. */
	FIXED_HANDLER_MIN_CASES("R-13", Kind.INTEGER, "10"),
	/** how awards of one case add up: HIGHEST_ONLY (default) or CUMULATIVE. */
	AWARD_MODE("R-22", Kind.AWARD_MODE, "HIGHEST_ONLY"),
	/** the notice period (公示期) in working days. */
	NOTICE_WORKING_DAYS("R-26", Kind.INTEGER, "5"),
	/** a day-of-month deadline on a non-working day moves to the next working day. */
	DEADLINE_MOVES_TO_NEXT_WORKING_DAY("R-27", Kind.BOOLEAN, "true"),
	/** share of best case handlers in 直属中队. */
	BEST_RATE_DIRECT("R-31", Kind.DECIMAL, "0.10", "1"),
	/** share of best case handlers in 一类中队. */
	BEST_RATE_CLASS1("R-31", Kind.DECIMAL, "0.10", "1"),
	/** share of best case handlers in 二类中队. */
	BEST_RATE_CLASS2("R-31", Kind.DECIMAL, "0.05", "1"),
	/** rounding of N × rate: HALF_UP (default), UP or DOWN. */
	BEST_PLACES_ROUNDING("R-31", Kind.ROUNDING, "HALF_UP"),
	/** at least this many places. */
	BEST_MIN_PLACES("R-31", Kind.INTEGER, "1"),
	/** the default minimum of simple cases per quarter, for years without their own standard. */
	STANDARD_SIMPLE_MIN("R-32", Kind.INTEGER, "0"),
	/** the default minimum of ordinary cases per quarter, for years without their own standard. */
	STANDARD_ORDINARY_MIN("R-32", Kind.INTEGER, "2"),
	/**
	 * R-32 with R-71: from which quarter the standard applies to a squad's officers: BATCH_START (default, the quarter
	 * that contains the start of the squad's batch) or AFTER_BATCH_END (the first quarter that starts after it ends).
	 */
	STANDARD_FROM("R-32", Kind.STANDARD_FROM, "BATCH_START"),
	/** organ officers' minimum of ordinary cases per quarter. */
	ORGAN_ORDINARY_MIN("R-33", Kind.INTEGER, "1"),
	/** coverage target of 直属中队, as a percentage of managed domains. */
	COVERAGE_TARGET_DIRECT_PERCENT("R-34", Kind.DECIMAL, "100", "100"),
	/** coverage target of 一类中队, as a percentage of managed domains (50%: 15 of the default 30). */
	COVERAGE_TARGET_CLASS1_PERCENT("R-34", Kind.DECIMAL, "50", "100"),
	/** coverage target of 二类中队, as a percentage of managed domains (27%: 8 of the default 30). */
	COVERAGE_TARGET_CLASS2_PERCENT("R-34", Kind.DECIMAL, "27", "100"),
	/** the date (MM-DD) by which the coverage targets are due. */
	COVERAGE_DEADLINE("R-34", Kind.MONTH_DAY, "09-30"),
	/** the lowest evaluation score rated 优秀 (default 90, as in published provincial standards). */
	EVALUATION_EXCELLENT_FROM("R-43", Kind.DECIMAL, "90", "100"),
	/** the lowest evaluation score rated 合格 (default 60). */
	EVALUATION_QUALIFIED_FROM("R-43", Kind.DECIMAL, "60", "100"),
	/**
	 * R-52 (一案一档): true limits the disc archive to ordinary cases (普通程序, 重大疑难), as the system first did; the
	 * default, false, requires it of every concluded case, since the programme does not limit it.
	 */
	DISC_ORDINARY_CASES_ONLY("R-52", Kind.BOOLEAN, "false"),
	/** training hours each formal officer completes per calendar year. */
	TRAINING_HOURS_PER_YEAR("R-62", Kind.INTEGER, "60");

	/** How a value is written and checked. */
	public enum Kind {
		/** A whole number ≥ 0. */
		INTEGER,
		/** An exact decimal ≥ 0. */
		DECIMAL,
		/** true / false. */
		BOOLEAN,
		/** HIGHEST_ONLY or CUMULATIVE. */
		AWARD_MODE,
		/** HALF_UP, UP or DOWN. */
		ROUNDING,
		/** MM-DD. */
		MONTH_DAY,
		/** BATCH_START or AFTER_BATCH_END. */
		STANDARD_FROM
	}

	private final String ruleId;

	private final Kind kind;

	private final String defaultValue;

	/** The largest value allowed for a DECIMAL (a share ≤ 1, a percentage ≤ 100); null when unbounded. */
	private final BigDecimal max;

	RuleSetting(String ruleId, Kind kind, String defaultValue) {
		this(ruleId, kind, defaultValue, null);
	}

	RuleSetting(String ruleId, Kind kind, String defaultValue, String max) {
		this.ruleId = ruleId;
		this.kind = kind;
		this.defaultValue = defaultValue;
		this.max = max == null ? null : new BigDecimal(max);
	}

	public String ruleId() {
		return ruleId;
	}

	public Kind kind() {
		return kind;
	}

	public String defaultValue() {
		return defaultValue;
	}

	/** The largest value allowed, if bounded. */
	public java.util.Optional<BigDecimal> max() {
		return java.util.Optional.ofNullable(max);
	}

	/** The values a user chooses from (BOOLEAN, AWARD_MODE, ROUNDING); empty for typed values. */
	public java.util.List<String> options() {
		return switch (kind) {
			case BOOLEAN -> java.util.List.of("true", "false");
			case AWARD_MODE -> java.util.Arrays.stream(AwardMode.values()).map(Enum::name).toList();
			case ROUNDING -> java.util.List.of("HALF_UP", "UP", "DOWN");
			case STANDARD_FROM -> java.util.Arrays.stream(StandardFrom.values()).map(Enum::name).toList();
			default -> java.util.List.of();
		};
	}

	/**
	 * Checks and normalises a value typed by a user.
	 * @throws Refusal saying what is wrong (settings.value.*)
	 */
	public String normalise(String raw) {
		String v = raw == null ? "" : raw.trim();
		try {
			switch (kind) {
				case INTEGER -> {
					int i = Integer.parseInt(v);
					if (i < 0) {
						throw new IllegalArgumentException();
					}
					return Integer.toString(i);
				}
				case DECIMAL -> {
					BigDecimal d = new BigDecimal(v);
					if (d.signum() < 0) {
						throw new IllegalArgumentException();
					}
					if (max != null && d.compareTo(max) > 0) {
						throw Refusal.of("settings.value.decimalMax", max, v);
					}
					return d.stripTrailingZeros().toPlainString();
				}
				case BOOLEAN -> {
					if (!v.equals("true") && !v.equals("false")) {
						throw new IllegalArgumentException();
					}
					return v;
				}
				case AWARD_MODE -> {
					return AwardMode.valueOf(v).name();
				}
				case ROUNDING -> {
					if (!v.equals("HALF_UP") && !v.equals("UP") && !v.equals("DOWN")) {
						throw new IllegalArgumentException();
					}
					return v;
				}
				case MONTH_DAY -> {
					java.time.MonthDay.parse("--" + v);
					return v;
				}
				case STANDARD_FROM -> {
					return StandardFrom.valueOf(v).name();
				}
				default -> throw new IllegalStateException();
			}
		}
		catch (RuntimeException e) {
			if (e instanceof Refusal refusal) {
				throw refusal;
			}
			throw Refusal.of("settings.value." + kind.name(), v);
		}
	}

	/** R-32 with R-71: from which quarter the case-handling standard applies to a squad's officers. */
	public enum StandardFrom {
		/** Default: from the quarter that contains the start of the squad's rollout batch (or its own start). */
		BATCH_START,
		/** Alternative: from the first quarter that starts after the batch's end. */
		AFTER_BATCH_END
	}

	/** how several awards of one case count. */
	public enum AwardMode {
		/** Default: a case counts only its highest level; a later higher level credits the difference. */
		HIGHEST_ONLY,
		/** Alternative: every award adds its full points. */
		CUMULATIVE
	}

}
