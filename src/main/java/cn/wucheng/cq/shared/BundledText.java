package cn.wucheng.cq.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A message of a messages*.properties file read where no MessageSource is at hand (issue 15 item 3): a value object's
 * label ({@link Period#label()}) or a configuration refused before the context exists. The programme speaks Chinese
 * only, so the base bundle is the one it reads. Everywhere else use {@link Refusals#message} or {@code #{key}}.
 */
public final class BundledText {

	private BundledText() {
	}

	/**
	 * The message {@code key} of {@code <basename>.properties} with its arguments as text (see
	 * {@link Refusal#text(Object)}: no "2,024").
	 */
	public static String of(String basename, String key, Object... args) {
		Object[] text = args == null ? new Object[0] : java.util.Arrays.stream(args).map(Refusal::text).toArray();
		return new MessageFormat(ResourceBundle.getBundle(basename, Locale.ROOT).getString(key),
				Locale.SIMPLIFIED_CHINESE)
			.format(text);
	}

}
