package cn.wucheng.cq.imports.internal;

import java.util.Arrays;

/** The file cannot be read as a table. Carries a message key of messages-imports.properties and its arguments. */
public class UnreadableFileException extends Exception {

	private final String messageKey;

	private final transient Object[] args;

	public UnreadableFileException(String messageKey, Object... args) {
		super(messageKey + Arrays.toString(args));
		this.messageKey = messageKey;
		this.args = args;
	}

	public UnreadableFileException(Throwable cause, String messageKey, Object... args) {
		super(messageKey + Arrays.toString(args), cause);
		this.messageKey = messageKey;
		this.args = args;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}

}
