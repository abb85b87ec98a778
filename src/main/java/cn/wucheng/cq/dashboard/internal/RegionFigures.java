package cn.wucheng.cq.dashboard.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.bureau.Bureau;
import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.supervision.TaskOverview;
import cn.wucheng.cq.supervision.TaskStatus;

/**
 * The comparison of bureaus (issue 16 item 3): for each bureau, within it ({@link Bureaus#runAs}, so its row-level
 * security and its own settings, pools and standards apply), the figures of its own dashboard — set-based inside the
 * bureau, kept per bureau and quarter — reduced to one row. The whole comparison is kept under the data stamp too,
 * keyed by the quarter, the day and the bureaus compared (a city's scope is its bureaus).
 * <p>
 * A province's first view after a change computes a hundred dashboards: tens of seconds (bench/RESULTS.md). So the
 * page does not wait for it: the bureaus are computed on {@link #WORKERS} threads of their own, and the page shows how
 * many are done until the comparison is there ({@link #comparison}); whoever asks meanwhile shares the one computation.
 */
@Service
class RegionFigures {

	/** How many points leaders a bureau's row names. */
	static final int LEADERS = 3;

	private static final Logger log = LoggerFactory.getLogger(RegionFigures.class);

	/** How many bureaus are computed at once: the database works on one core while the JVM uses the other. */
	static final int WORKERS = 2;

	private record Key(Period quarter, LocalDate today, List<Long> bureaus) {
	}

	/**
	 * A comparison's end: its rows, or why it failed. A failure completes the future normally, so that it stays in the
	 * cache until a page has said so and forgotten it — a failed future would leave the cache by itself, and a view
	 * asking just then would start the same failing computation again unseen.
	 */
	record Outcome(List<BureauResults> rows, Throwable failure) {
	}

	/** A comparison being computed: how many of its bureaus are done. */
	static final class Computing extends CompletableFuture<Outcome> {

		private final AtomicInteger done = new AtomicInteger();

		private final int total;

		Computing(int total) {
			this.total = total;
		}

		int done() {
			return done.get();
		}

		int total() {
			return total;
		}

	}

	private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemons());

	private final DashboardFigures figures;

	private final TaskOverview tasks;

	private final DataStamp stamp;

	RegionFigures(DashboardFigures figures, TaskOverview tasks, DataStamp stamp) {
		this.figures = figures;
		this.tasks = tasks;
		this.stamp = stamp;
	}

	private static CustomizableThreadFactory daemons() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("region-");
		threads.setDaemon(true);
		return threads;
	}

	@PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	LocalDate today() {
		return figures.today();
	}

	/** The latest quarter with a concluded case in any of the bureaus (each bureau's own default, the newest). */
	Period defaultQuarter(List<Bureau> bureaus) {
		return bureaus.stream()
			.map(b -> Bureaus.runAs(b.id(), figures::defaultQuarter))
			.max(Comparator.comparing(Period::start))
			.orElseGet(() -> Period.quarterOf(figures.today()));
	}

	/** One row per bureau, in the order given: waits for the computation (the .xlsx export). */
	List<BureauResults> compare(Period quarter, List<Bureau> bureaus, CurrentUser user) {
		Key key = key(quarter, bureaus);
		CompletableFuture<Outcome> computation = computation(key, bureaus, user);
		Outcome outcome = computation.join();
		if (outcome.failure() != null) {
			stamp.forget(DataCache.REGIONS, key, computation);
			throw new IllegalStateException("the comparison of bureaus failed", outcome.failure());
		}
		return outcome.rows();
	}

	/**
	 * The rows if they are kept, else the progress of their computation, started if none runs. A failed computation is
	 * reported once and forgotten: the next view starts afresh.
	 */
	RegionComparison comparison(Period quarter, List<Bureau> bureaus, CurrentUser user) {
		Key key = key(quarter, bureaus);
		CompletableFuture<Outcome> computation = computation(key, bureaus, user);
		if (!computation.isDone()) {
			return computation instanceof Computing c ? new RegionComparison(null, c.done(), c.total(), false)
					: new RegionComparison(null, 0, bureaus.size(), false);
		}
		Outcome outcome = computation.join();
		if (outcome.failure() != null) {
			stamp.forget(DataCache.REGIONS, key, computation);
			return new RegionComparison(null, 0, bureaus.size(), true);
		}
		return new RegionComparison(outcome.rows(), bureaus.size(), bureaus.size(), false);
	}

	private Key key(Period quarter, List<Bureau> bureaus) {
		return new Key(quarter, figures.today(), bureaus.stream().map(Bureau::id).toList());
	}

	private CompletableFuture<Outcome> computation(Key key, List<Bureau> bureaus, CurrentUser user) {
		return stamp.cachedAsync(DataCache.REGIONS, key, () -> start(key, bureaus, user));
	}

	/** Hands each bureau to the workers; the future completes when all are done (or one failed), in the order given. */
	private Computing start(Key key, List<Bureau> bureaus, CurrentUser user) {
		Period quarter = key.quarter();
		Computing computing = new Computing(bureaus.size());
		List<CompletableFuture<BureauResults>> parts = bureaus.stream()
			.map(b -> CompletableFuture.supplyAsync(asCaller(() -> {
				BureauResults row = Bureaus.runAs(b.id(), () -> of(b, quarter, user));
				computing.done.incrementAndGet();
				return row;
			}), workers))
			.toList();
		CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((all, failure) -> {
			if (failure != null) {
				log.error("the comparison of {} bureaus for {} failed", bureaus.size(), quarter, failure);
				computing.complete(new Outcome(null, failure));
			}
			else {
				computing.complete(new Outcome(parts.stream().map(CompletableFuture::join).toList(), null));
			}
		});
		return computing;
	}

	/** The work with the caller's sign-in and language, as on the request's own thread. */
	private static <T> Supplier<T> asCaller(Supplier<T> work) {
		SecurityContext security = SecurityContextHolder.getContext();
		Locale locale = LocaleContextHolder.getLocale();
		return () -> {
			SecurityContextHolder.setContext(security);
			LocaleContextHolder.setLocale(locale);
			try {
				return work.get();
			}
			finally {
				SecurityContextHolder.clearContext();
				LocaleContextHolder.resetLocaleContext();
			}
		};
	}

	/** The bureau's dashboard of the quarter, computed within it (the caller runs this within the bureau). */
	Dashboard dashboard(Period quarter, CurrentUser user) {
		return figures.of(quarter, user);
	}

	private BureauResults of(Bureau bureau, Period quarter, CurrentUser user) {
		Dashboard d = figures.of(quarter, user);
		List<TaskOverview.TaskState> states = tasks.tasks(user, d.asOf());
		int done = (int) states.stream().filter(t -> t.status() == TaskStatus.DONE).count();
		int places = d.best().stream().mapToInt(Dashboard.CategoryBest::places).sum();
		int holders = d.best().stream().mapToInt(Dashboard.CategoryBest::holderCount).sum();
		return new BureauResults(bureau, List.copyOf(d.leaders().subList(0, Math.min(LEADERS, d.leaders().size()))),
				places, holders, d.totals(), done, states.size());
	}

}
