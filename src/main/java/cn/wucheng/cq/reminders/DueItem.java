package cn.wucheng.cq.reminders;

import java.time.LocalDate;
import java.util.List;

/**
 * One thing due for a user: the message key and arguments that say what (rendered in the user's language), the
 * page where it is done, its deadline (null when it has none, e.g. "to review today") and whether it is overdue.
 */
public record DueItem(String messageKey, List<Object> args, String link, LocalDate dueOn, boolean overdue) {

	public DueItem {
		args = List.copyOf(args);
	}

	public Object[] argsArray() {
		return args.toArray();
	}

}
