package cn.wucheng.cq.dashboard.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

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
 */
@Service
class RegionFigures {

	/** How many points leaders a bureau's row names. */
	static final int LEADERS = 3;

	private record Key(Period quarter, LocalDate today, List<Long> bureaus) {
	}

	private final DashboardFigures figures;

	private final TaskOverview tasks;

	private final DataStamp stamp;

	RegionFigures(DashboardFigures figures, TaskOverview tasks, DataStamp stamp) {
		this.figures = figures;
		this.tasks = tasks;
		this.stamp = stamp;
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

	/** One row per bureau, in the order given. */
	List<BureauResults> compare(Period quarter, List<Bureau> bureaus, CurrentUser user) {
		LocalDate today = figures.today();
		Key key = new Key(quarter, today, bureaus.stream().map(Bureau::id).toList());
		return stamp.cached(DataCache.REGIONS, key,
				() -> bureaus.stream().map(b -> Bureaus.runAs(b.id(), () -> of(b, quarter, user))).toList());
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
