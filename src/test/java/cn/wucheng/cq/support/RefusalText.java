package cn.wucheng.cq.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * The Chinese text a user reads for a {@link Refusal}, for tests without a Spring context (issue 15 item 3): the
 * application's own messages files, rendered by the one place that renders them ({@link Refusals}).
 */
public final class RefusalText {

	private static final Refusals REFUSALS = new Refusals(messages());

	private RefusalText() {
	}

	/** The one place that renders refusals, over the application's messages files. */
	public static Refusals refusals() {
		return REFUSALS;
	}

	/** The text of the refusal. */
	public static String of(Refusal refusal) {
		return REFUSALS.text(refusal);
	}

	/** The text of the message {@code key} with its arguments. */
	public static String message(String key, Object... args) {
		return REFUSALS.message(key, args);
	}

	/** The text of the refusal the code throws; fails when it throws nothing or something else. */
	public static String thrownBy(ThrowingCallable code) {
		try {
			code.call();
		}
		catch (Refusal r) {
			return of(r);
		}
		catch (Throwable t) {
			throw new AssertionError("expected a Refusal, got " + t, t);
		}
		throw new AssertionError("expected a Refusal, nothing was thrown");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setBasenames(basenames());
		return source;
	}

	private static String[] basenames() {
		try {
			Properties app = new Properties();
			app.load(new StringReader(Files.readString(Path.of("src/main/resources/application.properties"),
					StandardCharsets.UTF_8)));
			return Arrays.stream(app.getProperty("spring.messages.basename", "messages").split(","))
				.map(String::strip)
				.filter(s -> !s.isEmpty())
				.toArray(String[]::new);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
