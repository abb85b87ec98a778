package cn.wucheng.cq.training.internal;

import java.util.List;

/** An attendance import refused as a whole: nothing was saved; each error names its row and column, in Chinese. */
class AttendanceRejected extends RuntimeException {

	private final List<String> errors;

	AttendanceRejected(List<String> errors) {
		super(errors.size() + " errors", null, false, false);
		this.errors = List.copyOf(errors);
	}

	List<String> errors() {
		return errors;
	}

}
