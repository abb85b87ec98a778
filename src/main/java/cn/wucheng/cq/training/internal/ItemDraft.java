package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;

import cn.wucheng.cq.shared.Refusal;

/**
 * The values of a plan item as entered, checked at construction (the form checks first and says which field; this
 * is the last line of defence with the same limits).
 */
record ItemDraft(String topic, String content, int month, BigDecimal hours, String trainer, String trainees,
		String assessment) {

	static final BigDecimal MAX_HOURS = new BigDecimal("200");

	ItemDraft {
		topic = text(topic, 100, "topic", true);
		content = text(content, 1000, "content", false);
		trainer = text(trainer, 50, "trainer", false);
		trainees = text(trainees, 200, "trainees", false);
		assessment = text(assessment, 200, "assessment", false);
		if (month < 1 || month > 12) {
			throw Refusal.of("training.refused.month", month);
		}
		if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0
				|| hours.stripTrailingZeros().scale() > 2) {
			throw hours(hours);
		}
		hours = plain(hours);
	}

	/** 2.50 as 2.5 and 20.00 as 20, for forms and storage alike. */
	static BigDecimal plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal v = value.stripTrailingZeros();
		return v.scale() < 0 ? v.setScale(0) : v;
	}

	/** Hours that are none, not above 0, above 200 or with more than two decimals. */
	static Refusal hours(BigDecimal hours) {
		return hours == null ? Refusal.of("training.refused.hoursMissing") : Refusal.of("training.refused.hours", hours);
	}

	private static String text(String value, int max, String field, boolean required) {
		String v = value == null ? "" : value.strip();
		if (required && v.isEmpty()) {
			throw Refusal.of("training.refused.fieldMissing", Refusal.label("training.item.field." + field));
		}
		if (v.length() > max) {
			throw Refusal.of("training.refused.fieldTooLong", Refusal.label("training.item.field." + field), max);
		}
		return v.isEmpty() ? null : v;
	}

}
