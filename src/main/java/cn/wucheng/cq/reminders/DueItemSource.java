package cn.wucheng.cq.reminders;

import java.time.LocalDate;
import java.util.List;

import cn.wucheng.cq.security.CurrentUser;

/**
 * Contributed by each module with deadlines: what is due for this user today, within the user's role and data scope
 * (a squad leader's items are his squad's). Implementations must be set-based (one or a few queries, not one per
 * record) and return an empty list for roles they do not concern.
 */
public interface DueItemSource {

	List<DueItem> dueFor(CurrentUser user, LocalDate today);

}
