package cn.wucheng.cq.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of {@link Period#label()} (issue 15 item 3), read from messages.properties: a period is a value object
 * with no MessageSource at hand, and the programme speaks Chinese only, so the base bundle is the one it reads.
 */
final class PeriodLabels {

	private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("messages", Locale.ROOT);

	private PeriodLabels() {
	}

	/** {@code period.label.year|quarter|month} with the year and the number as plain text (no "2,024"). */
	static String label(String kind, String year, String number) {
		return new MessageFormat(MESSAGES.getString("period.label." + kind), Locale.SIMPLIFIED_CHINESE)
			.format(new Object[] { year, number });
	}

}
