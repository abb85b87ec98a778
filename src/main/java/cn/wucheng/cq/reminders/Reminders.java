package cn.wucheng.cq.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;

/**
 * Collects what is due for a user from every {@link DueItemSource} bean: overdue first, then by deadline (items
 * without one last). A source that fails is logged and left out, so one module's problem never hides the others'
 * reminders or breaks a page.
 */
@Service
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	static final Comparator<DueItem> ORDER = Comparator.comparing((DueItem i) -> !i.overdue())
		.thenComparing(DueItem::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(DueItem::messageKey);

	private final ObjectProvider<DueItemSource> sources;

	private final Clock clock;

	private final DataStamp stamp;

	Reminders(ObjectProvider<DueItemSource> sources, Clock clock, DataStamp stamp) {
		this.stamp = stamp;
		this.sources = sources;
		this.clock = clock;
	}

	/** Today, by the application's clock (a test may set it). */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Everything due for the user today, overdue first. */
	public List<DueItem> dueFor(CurrentUser user) {
		return dueFor(user, today());
	}

	public List<DueItem> dueFor(CurrentUser user, LocalDate today) {
		// Every view of the home page asks: kept per user and day until business data changes (DataStamp; a
		// province's sources count hundreds of thousands of cases, seconds per view uncached).
		return stamp.cached(DataCache.REMINDERS, new Key(user, today), () -> collect(user, today));
	}

	private record Key(CurrentUser user, LocalDate today) {
	}

	private List<DueItem> collect(CurrentUser user, LocalDate today) {
		List<DueItem> all = new ArrayList<>();
		sources.orderedStream().forEach(source -> {
			try {
				all.addAll(source.dueFor(user, today));
			}
			catch (RuntimeException e) {
				log.warn("Reminder source {} failed for {}: {}", source.getClass().getSimpleName(), user.username(),
						e.toString());
			}
		});
		all.sort(ORDER);
		return List.copyOf(all);
	}

}
