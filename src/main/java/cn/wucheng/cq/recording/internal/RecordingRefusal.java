package cn.wucheng.cq.recording.internal;

/**
 * A recording rule refused what the user asked; the message, in Chinese, names the field or person and the rule. An
 * IllegalArgumentException so that, uncaught, the error handling shows it with status 400.
 */
public class RecordingRefusal extends IllegalArgumentException {

	public RecordingRefusal(String message) {
		super(message);
	}

}
