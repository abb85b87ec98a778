package cn.wucheng.cq.shared;

import java.time.Duration;

/**
 * The named caches of the system, each with its bound — the one place that says what is kept and how much (issue 15:
 * one cache abstraction instead of a map, an LRU and an identity cache of our own). Spring's cache with Caffeine
 * ({@code shared/internal/CacheConfig}); every entry is kept under the {@link DataStamp} read before it was computed
 * ({@link DataStamp#cached}), so nothing is ever invalidated by hand: after a committed change — on this instance or
 * another one on the same database — the next read has a new stamp and computes afresh, and the entries of older
 * stamps are evicted by size or after {@link #IDLE} unread, without being read again.
 */
public enum DataCache {

	/** A live period's scores of everyone (a province: ~23,000 people, some 10 MB): the last few periods asked for. */
	SCORES(6),

	/** A quarter's ranking, every category (built from the quarter's scores, about as large). */
	RANKINGS(8),

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

	/** A quarter's publication state, per quarter and day: read by every scoring page. */
	QUARTER_STATES(256),

	/** A quarter's appeals per data scope (the whole bureau, a squad, an officer). */
	APPEALS(1_024),

	/** A bureau's stored rule settings (read by nearly every computation; a few dozen rows). */
	SETTINGS(256),

	/** A quarter's standard per officer per data scope: read by the dashboard and the task board. */
	STANDARDS(256),

	/** A year's domain coverage per squad up to a day per data scope: read by the dashboard and the task board. */
	COVERAGE(256),

	/** The leadership dashboard of a quarter, per day (about a thousand squad rows at province scale). */
	DASHBOARDS(16),

	/**
	 * The comparison of bureaus of a quarter per city or province and day (issue 16 item 3): one row per bureau, each
	 * from that bureau's dashboard (kept in {@link #DASHBOARDS}, which this must not be: one is computed inside the other).
	 */
	REGIONS(64),

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

	private final long maximumSize;

	DataCache(long maximumSize) {
		this.maximumSize = maximumSize;
	}

	/** At most this many entries; beyond, Caffeine evicts the least valuable (recency and frequency). */
	public long maximumSize() {
		return maximumSize;
	}

	/** How long an entry no one reads is kept at most. */
	public Duration idle() {
		return IDLE;
	}

	/** The name of the cache in Spring's {@code CacheManager} (and {@code /actuator/caches}). */
	public String cacheName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
