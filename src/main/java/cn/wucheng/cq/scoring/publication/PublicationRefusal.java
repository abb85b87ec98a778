package cn.wucheng.cq.scoring.publication;

import java.util.List;

/**
 * A publication rule refused what the user asked: publishing twice, finalising too early or with open appeals,
 * appealing outside the notice period… The message, in Chinese, says what and why. An IllegalArgumentException so
 * that, uncaught, the error handling shows it with status 400.
 * <p>
 * Newer refusals carry a message key and its arguments instead of the text ({@link #of}); the controller renders
 * them through the message source ({@link #text}).
 */
public class PublicationRefusal extends IllegalArgumentException {

	private final String messageKey;

	private final List<Object> args;

	public PublicationRefusal(String message) {
		super(message);
		this.messageKey = null;
		this.args = List.of();
	}

	private PublicationRefusal(String messageKey, List<Object> args) {
		super(messageKey + args);
		this.messageKey = messageKey;
		this.args = args;
	}

	/** A refusal whose text is the message {@code key} (messages-publication.properties) with {@code args}. */
	static PublicationRefusal of(String key, Object... args) {
		return new PublicationRefusal(key, List.of(args));
	}

	/** The text for the user: the message of the key, or the text given. */
	String text(org.springframework.context.MessageSource messages, java.util.Locale locale) {
		return messageKey == null ? getMessage() : messages.getMessage(messageKey, args.toArray(), locale);
	}

}
