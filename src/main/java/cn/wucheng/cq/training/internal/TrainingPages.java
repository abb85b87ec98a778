package cn.wucheng.cq.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/** What the training pages share: who may do what, the year parameter, a stale version's words. */
@Component
class TrainingPages {

	/** Read plans and sessions: the legal section, supervision, leaders, and squad roles for their own squad. */
	static final String READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER')";

	/** Write plans and sessions: the squad's leader or legal officer for their own squad, the legal section for any. */
	static final String ACTORS = "hasAnyRole('LEGAL','SQUAD_LEADER','LEGAL_OFFICER')";

	/** Coordinate or send back a plan. */
	static final String LEGAL = "hasRole('LEGAL')";

	/** Hours: also an officer, for himself. */
	static final String HOURS_READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')";

	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2100;

	private final Refusals refusals;

	private final Clock clock;

	private final LatestPeriods latest;

	TrainingPages(Refusals refusals, Clock clock, LatestPeriods latest) {
		this.refusals = refusals;
		this.clock = clock;
		this.latest = latest;
	}

	/**
	 * The year asked for, or the default year (the latest with cases, the current one once it has any: issue 13), with
	 * a warning in the model when the text is no year.
	 */
	int year(String text, Model model) {
		int now = latest.year();
		if (text == null || text.isBlank()) {
			return now;
		}
		try {
			int y = Integer.parseInt(text.strip());
			if (y >= MIN_YEAR && y <= MAX_YEAR) {
				return y;
			}
		}
		catch (NumberFormatException e) {
			// the warning below
		}
		if (model != null) {
			model.addAttribute("badYear", refusals.message("training.badYear", text, MIN_YEAR, MAX_YEAR));
		}
		return now;
	}

	/** The years to choose from: around the one shown, the default and the current one, newest first. */
	List<Integer> years(int shown) {
		int now = LocalDate.now(clock).getYear();
		return latest.newestFirst(List.of(now + 1, now, now - 1, now - 2, shown));
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * Runs a change for {@link Refusals#act}: a record someone else saved meanwhile is refused in the training pages'
	 * own words ("未保存：…", training.stale).
	 */
	static String staleAsRefusal(Supplier<String> change) {
		try {
			return change.get();
		}
		catch (OptimisticLockingFailureException e) {
			throw Refusal.of("training.stale").withStatus(HttpStatus.CONFLICT);
		}
	}

}
