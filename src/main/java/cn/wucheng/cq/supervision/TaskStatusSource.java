package cn.wucheng.cq.supervision;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A module that can tell a key task's status from its data contributes a bean of this type (R-70: "系统抓取", review
 * rates, list submission dates). Tasks are named by their number in attachment 4 as {@code "T01"} … {@code "T18"}.
 * Return empty for a task the source does not know (or cannot judge yet): the status set by hand then stands. When
 * several sources answer for one task, the first by {@link org.springframework.core.annotation.Order} wins.
 * Implementations must be set-based (a few queries, not one per unit or person).
 */
public interface TaskStatusSource {

	Optional<TaskEvidence> statusOf(String taskCode, LocalDate today);

	/** The code of task number {@code n} of attachment 4, e.g. 8 → "T08". */
	static String code(int n) {
		return String.format("T%02d", n);
	}

}
