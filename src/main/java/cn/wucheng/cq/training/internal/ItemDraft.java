package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;

/**
 * The values of a plan item as entered, checked at construction (the form checks first and says which field; this
 * is the last line of defence with the same limits).
 */
record ItemDraft(String topic, String content, int month, BigDecimal hours, String trainer, String trainees,
		String assessment) {

	static final BigDecimal MAX_HOURS = new BigDecimal("200");

	ItemDraft {
		topic = text(topic, 100, "培训主题", true);
		content = text(content, 1000, "培训内容", false);
		trainer = text(trainer, 50, "授课人", false);
		trainees = text(trainees, 200, "参训对象", false);
		assessment = text(assessment, 200, "考核方式", false);
		if (month < 1 || month > 12) {
			throw new TrainingRefusal("培训月份须为 1–12，收到: " + month);
		}
		if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0
				|| hours.stripTrailingZeros().scale() > 2) {
			throw new TrainingRefusal("学时须大于 0、不超过 200，最多两位小数，收到: " + (hours == null ? "空" : hours));
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

	private static String text(String value, int max, String field, boolean required) {
		String v = value == null ? "" : value.strip();
		if (required && v.isEmpty()) {
			throw new TrainingRefusal("请填写" + field);
		}
		if (v.length() > max) {
			throw new TrainingRefusal(field + "不能超过 " + max + " 个字");
		}
		return v.isEmpty() ? null : v;
	}

}
