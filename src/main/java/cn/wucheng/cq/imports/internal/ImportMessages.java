package cn.wucheng.cq.imports.internal;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The Chinese texts of messages-imports.properties, also outside a web request (demo loader, benchmarks). */
@Component
public class ImportMessages {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource source;

	ImportMessages(MessageSource source) {
		this.source = source;
	}

	/** Arguments are passed as text, so numbers such as row 12345 are not grouped ("12,345"). */
	public String get(String key, Object... args) {
		Object[] text = Arrays.stream(args).map(a -> a == null ? "" : String.valueOf(a)).toArray();
		return source.getMessage(key, text, CHINESE);
	}

}
