package cn.wucheng.cq.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.Period;

/** What the casework pages share: message lookup, today, and the month and quarter parameters. */
@Component
class CaseworkPages {

	private final MessageSource messages;

	private final Clock clock;

	private final LatestPeriods latest;

	CaseworkPages(MessageSource messages, Clock clock, LatestPeriods latest) {
		this.messages = messages;
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

	/** Arguments as text: MessageFormat would write the year 2024 as "2,024". */
	String msg(String key, Object... args) {
		Object[] text = Arrays.stream(args).map(String::valueOf).toArray();
		return messages.getMessage(key, text, LocaleContextHolder.getLocale());
	}

	/** The text of a refusal: its message key rendered, or the text it carries. */
	String text(CaseworkRefusal e) {
		return e.key() == null ? e.getMessage() : msg(e.key(), e.args().toArray());
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
				throw new CaseworkRefusal(msg("casework.badMonth", text));
			}
			return m;
		}
		catch (DateTimeParseException e) {
			throw new CaseworkRefusal(msg("casework.badMonth", text));
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
