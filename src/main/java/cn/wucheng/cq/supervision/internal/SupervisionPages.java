package cn.wucheng.cq.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.shared.LatestPeriods;

/** Who may do what on the supervision pages, and the year parameter. */
@Component
class SupervisionPages {

	/** Read the key tasks: the bureau's readers, and squad roles for the tasks of their squad category. */
	static final String TASK_READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER')";

	/** Upload evidence: the managers, and squad roles for their own squad. */
	static final String UPLOADERS = "hasAnyRole('LEGAL','SUPERVISION','SQUAD_LEADER','LEGAL_OFFICER')";

	/** Set statuses, record meetings, delete files: the legal section and supervision. */
	static final String MANAGERS = "hasAnyRole('LEGAL','SUPERVISION')";

	/** Meetings, reports and assessment exports: the legal section, supervision and the bureau's leaders. */
	static final String READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER')";

	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2100;

	private final Clock clock;

	private final LatestPeriods latest;

	SupervisionPages(Clock clock, LatestPeriods latest) {
		this.clock = clock;
		this.latest = latest;
	}

	/**
	 * The year asked for, or the default year (the latest with cases, the current one once it has any: issue 13) when
	 * the text is none (or out of range).
	 */
	int year(String text) {
		int now = latest.year();
		if (text == null || text.isBlank()) {
			return now;
		}
		try {
			int y = Integer.parseInt(text.strip());
			return y >= MIN_YEAR && y <= MAX_YEAR ? y : now;
		}
		catch (NumberFormatException e) {
			return now;
		}
	}

	/** The years of a year selector, newest first: the last three, the default and the one shown. */
	List<Integer> years(int shown) {
		int now = LocalDate.now(clock).getYear();
		return latest.newestFirst(List.of(now, now - 1, now - 2, shown));
	}

}
