package cn.wucheng.cq.scoring.publication;

/**
 * A publication rule refused what the user asked: publishing twice, finalising too early or with open appeals,
 * appealing outside the notice period… The message, in Chinese, says what and why. An IllegalArgumentException so
 * that, uncaught, the error handling shows it with status 400.
 */
public class PublicationRefusal extends IllegalArgumentException {

	public PublicationRefusal(String message) {
		super(message);
	}

}
