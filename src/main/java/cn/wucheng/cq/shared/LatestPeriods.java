package cn.wucheng.cq.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that decides which period a page opens on (issue 13): the current quarter, month or year once it
 * has data, else the latest one that has, else the current one. "Data" is a case filed up to today: every page's
 * figures (points, standards, coverage, training, meetings, review rates) hang on the bureau's cases, and a bureau
 * that loaded last year's cases (the demo) should not be greeted with zeros. Filed, not concluded: last year's late
 * filings conclude early this year (the demo's do, up to its June snapshot), and a quarter holding only those
 * stragglers — "2026-Q2 with 11 cases" — is not the bureau's data; a bureau at work files cases every week, so its
 * current quarter has filings from its first days. Asked of case_file directly, by plain SQL, so that every module
 * may use it without depending on the cases module.
 */
@Component
public class LatestPeriods {

	private final JdbcClient jdbc;

	private final DataStamp stamp;

	private final Clock clock;

	LatestPeriods(JdbcClient jdbc, DataStamp stamp, Clock clock) {
		this.jdbc = jdbc;
		this.stamp = stamp;
		this.clock = clock;
	}

	private record Key(LocalDate today) {
	}

	/** Today, by the {@link Clock} bean when one is defined (tests set the day), else the system's. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * The latest day up to today on which a case was filed, or today when there is none. One read of the end of
	 * case_filed_on_idx, kept until the cases change (DataStamp).
	 */
	public LocalDate latestDay() {
		LocalDate today = today();
		return stamp.cached(DataCache.LATEST_DAY, new Key(today), () -> {
			LocalDate latest = jdbc.sql("select max(filed_on) from case_file where filed_on <= :today")
				.param("today", today)
				.query(LocalDate.class)
				.optional()
				.orElse(null);
			return latest == null ? today : latest;
		});
	}

	/** The quarter a page opens on. */
	public Period quarter() {
		return Period.quarterOf(latestDay());
	}

	/** The month a page opens on. */
	public YearMonth month() {
		return YearMonth.from(latestDay());
	}

	/** The year a page opens on. */
	public int year() {
		return latestDay().getYear();
	}

	/** The given years and the default year, once each, newest first: how every year selector lists them. */
	public List<Integer> newestFirst(Collection<Integer> years) {
		TreeSet<Integer> all = new TreeSet<>(years);
		all.add(year());
		return List.copyOf(all.descendingSet());
	}

}
