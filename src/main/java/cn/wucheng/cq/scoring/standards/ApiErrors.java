package cn.wucheng.cq.scoring.standards;

import java.util.List;

/** The API's error body for bad input: {@code {"errors":[{"message":"…"}]}} (API.md). */
public record ApiErrors(List<Message> errors) {

	/** One problem, in Chinese. */
	public record Message(String message) {
	}

	public static ApiErrors of(String message) {
		return new ApiErrors(List.of(new Message(message)));
	}

}
