package cn.wucheng.cq.shared;

import java.time.Duration;
import java.util.Collection;

/**
 * The named caches of the system, each with its bound — the one place that says what is kept and how much (issue 15:
 * one cache abstraction instead of a map, an LRU and an identity cache of our own). Spring's cache with Caffeine
 * ({@code shared/internal/CacheConfig}); every entry is kept under the {@link DataStamp} read before it was computed
 * ({@link DataStamp#cached}), so nothing is ever invalidated by hand: after a committed change — on this instance or
 * another one on the same database — the next read has a new stamp and computes afresh, and the entries of older
 * stamps are evicted by size or after {@link #IDLE} unread, without being read again.
 */
public enum DataCache {

	/**
	 * A live period's scores of everyone, per bureau, bounded by the people they hold ({@link #rows}): six periods of a
	 * bureau as large as a province (~23,000 people, some 10 MB each), or some six hundred of a county's bureau — a
	 * bound of six entries had a province's hundred bureaus evict each other, so that the rankings asked right after
	 * the scores of every bureau computed every bureau's scores again.
	 */
	SCORES(150_000, Rows.WEIGHED),

	/** A quarter's ranking, every category, per bureau (built from the quarter's scores, about as large), in entries. */
	RANKINGS(200_000, Rows.WEIGHED),

	/** One person's breakdown of a period: one per person viewed (a few dozen rows each). */
	BREAKDOWNS(2_048),

	/**
	 * The years of the period selector, per bureau and day (a few numbers each: room for a province's hundred
	 * bureaus; 8 had each bureau's page evict another's).
	 */
	PERIOD_YEARS(1_024),

	/**
	 * The latest day with a filed case (the quarter, month and year pages open on), per bureau and day: the province's
	 * comparison asks all hundred bureaus' for its default quarter, and with room for 8 it asked the database each time.
	 */
	LATEST_DAY(1_024),

	/**
	 * A quarter's publication state, per bureau, quarter and day: read by every scoring page and call (a few
	 * fields each; 256 held a province's hundred bureaus for two quarters and a half).
	 */
	QUARTER_STATES(4_096),

	/** A quarter's appeals per data scope (the whole bureau, a squad, an officer). */
	APPEALS(1_024),

	/** A bureau's stored rule settings (read by nearly every computation; a few dozen rows). */
	SETTINGS(256),

	/**
	 * A quarter's standard per officer per bureau and data scope, in officers: read by the dashboard, the
	 * task board and the API. 256 entries held a province's hundred bureaus for two quarters and a half.
	 */
	STANDARDS(200_000, Rows.WEIGHED),

	/**
	 * A year's domain coverage per squad up to a day per bureau and data scope, in squads: read by the dashboard
	 * and the task board.
	 */
	COVERAGE(50_000, Rows.WEIGHED),

	/**
	 * The casework figures per bureau and day: a month's overview of the squads' review lists, and a
	 * period's simple cases reviewed and lists due per squad (a dozen squad rows each; the dashboard and the task board
	 * ask for the same months).
	 */
	CASEWORK(4_096),

	/**
	 * The leadership dashboard of a quarter, per bureau and day, in rows (squads, leaders, best handlers): sixteen of a
	 * bureau as large as a province (about a thousand squad rows), or every bureau of a province for a few quarters —
	 * the comparison of bureaus computes all of them.
	 */
	DASHBOARDS(20_000, Rows.WEIGHED),

	/**
	 * The comparison of bureaus of a quarter per city or province and day (issue 16 item 3): one row per bureau, each
	 * from that bureau's dashboard (kept in {@link #DASHBOARDS}, which this must not be: one is computed inside the other).
	 */
	REGIONS(64),

	/** The installation's bureaus, as the account of a city or province compares them (a hundred names). */
	BUREAUS(64),

	/** The home page's cards per data scope and day. */
	HOME_FIGURES(1_024),

	/** What is due for a user on a day (the home page's reminders). */
	REMINDERS(2_048),

	/** The working-day calendar's exceptions of a year. */
	CALENDAR_YEARS(16),

	/**
	 * HTML of the large, reader-independent parts of a page ({@code RenderedFragments}): the menu per role, a
	 * breakdown's rows, a ranking's tables, the dashboard's figures, the period options.
	 */
	FRAGMENTS(512);

	/** How long an entry no one reads is kept at most: those of an older stamp are never read again. */
	public static final Duration IDLE = Duration.ofMinutes(30);

	private final long maximum;

	private final Rows unit;

	DataCache(long maximumEntries) {
		this(maximumEntries, Rows.ENTRIES);
	}

	DataCache(long maximum, Rows unit) {
		this.maximum = maximum;
		this.unit = unit;
	}

	/**
	 * At most this many entries, or rows of the kept values when {@link #weighed()}; beyond, Caffeine evicts the least
	 * valuable (recency and frequency).
	 */
	public long maximum() {
		return maximum;
	}

	/**
	 * Whether the bound counts the rows the kept values hold ({@link #rows}) rather than entries: a value's size varies
	 * a hundredfold between a province run as one bureau and a county's bureau among a hundred.
	 */
	public boolean weighed() {
		return unit == Rows.WEIGHED;
	}

	/** How long an entry no one reads is kept at most. */
	public Duration idle() {
		return IDLE;
	}

	/** What a cache's bound counts. */
	private enum Rows {
		ENTRIES, WEIGHED
	}

	/**
	 * A value's weight in a {@linkplain #weighed() weighed} cache: the rows it holds (a list's elements, or what a
	 * {@link Weighed} value says), at least 1.
	 */
	public static int rows(Object value) {
		long rows = value instanceof Weighed w ? w.rows() : value instanceof Collection<?> c ? c.size() : 1;
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, rows));
	}

	/** A value kept in a weighed cache that holds more than one list: how many rows it holds in all. */
	public interface Weighed {

		long rows();

	}

	/** The name of the cache in Spring's {@code CacheManager} (and {@code /actuator/caches}). */
	public String cacheName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
