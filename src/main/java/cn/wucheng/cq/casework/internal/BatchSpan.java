package cn.wucheng.cq.casework.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import cn.wucheng.cq.shared.Refusal;

/**
 * Which days a batch page (the legal officer's review table, the squad leader's assignment of new cases) works
 * through: 今日, 本月 or a range of dates. Labels in messages-casework.properties ({@code casework.batch.span.*}).
 */
enum BatchSpan {

	/** 今日: for reviews, today's cases and the overdue ones still unreviewed; for assignments, today's. */
	TODAY,
	/** 本月: the current month's cases, those still to do first. */
	MONTH,
	/** 日期范围: the days chosen, at most a year. */
	RANGE;

	/** The days of a batch page, checked: a range needs both ends in order and at most 366 days. */
	record Window(BatchSpan span, LocalDate from, LocalDate to) {

		static Window of(BatchSpan span, LocalDate from, LocalDate to, LocalDate today) {
			BatchSpan s = span == null ? TODAY : span;
			return switch (s) {
				case TODAY -> new Window(s, today, today);
				case MONTH -> new Window(s, YearMonth.from(today).atDay(1), YearMonth.from(today).atEndOfMonth());
				case RANGE -> {
					if (from == null || to == null) {
						throw Refusal.of("casework.batch.range.missing");
					}
					if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 366) {
						throw Refusal.of("casework.batch.range.bad", from, to);
					}
					yield new Window(s, from, to);
				}
			};
		}

	}

}
