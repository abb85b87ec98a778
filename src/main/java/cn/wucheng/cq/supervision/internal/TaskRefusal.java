package cn.wucheng.cq.supervision.internal;

/** Something the rules of the supervision feature do not allow; the message (Chinese) is shown to the user. */
class TaskRefusal extends RuntimeException {

	TaskRefusal(String message) {
		super(message, null, false, false);
	}

}
