package cn.wucheng.cq.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/** What the casework pages share: today, the month and quarter parameters, a stale version's words. */
@Component
class CaseworkPages {

	private final Clock clock;

	private final LatestPeriods latest;

	CaseworkPages(Clock clock, LatestPeriods latest) {
		this.clock = clock;
		this.latest = latest;
	}

	/**
	 * The monthly list a page opens on: last month's (the one due now), or the latest month with cases when that is
	 * earlier — a bureau whose cases are of last year opens on a list that has rows (issue 13).
	 */
	YearMonth listMonth() {
		YearMonth due = YearMonth.from(today()).minusMonths(1);
		YearMonth withCases = latest.month();
		return withCases.isBefore(due) ? withCases : due;
	}

	/**
	 * Runs a change for {@link Refusals#act}: a record someone else saved meanwhile is refused in the casework pages'
	 * own words (casework.stale).
	 */
	static String staleAsRefusal(Supplier<String> change) {
		try {
			return change.get();
		}
		catch (OptimisticLockingFailureException e) {
			throw Refusal.of("casework.stale").withStatus(HttpStatus.CONFLICT);
		}
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** {@code 2024-03}; a bad month is refused with a Chinese message (400). */
	YearMonth month(String text) {
		if (text == null || text.isBlank()) {
			return YearMonth.from(today());
		}
		try {
			YearMonth m = YearMonth.parse(text.strip());
			if (m.getYear() < 2000 || m.getYear() > 2100) {
				throw Refusal.of("casework.badMonth", text);
			}
			return m;
		}
		catch (DateTimeParseException e) {
			throw Refusal.of("casework.badMonth", text);
		}
	}

	/**
	 * The quarter asked for (read and checked by the web shell's period converter, issue 15 item 2), or when none the
	 * latest quarter with cases, the current one once it has any (issue 13).
	 */
	Period quarter(Period asked) {
		return asked == null ? latest.quarter() : asked;
	}

}
