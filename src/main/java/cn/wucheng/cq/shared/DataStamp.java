package cn.wucheng.cq.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A counter the database itself raises, once in each transaction that changes a table that scores, rankings or the
 * home page's figures are computed from (migration 4.60: statement triggers on case_file, case_return,
 * excellent_award, deduction_item, person, person_unit_history, unit, setting, …). Whatever writes — a page, an
 * import, a test's plain SQL — the counter moves when the change commits, so a result cached under the counter it was
 * computed after is stale exactly when the counter has moved since (province-scale issue: caches invalidated
 * correctly). Read before the data, a cached value is never older than its stamp.
 */
@Component
public class DataStamp {

	private final JdbcClient jdbc;

	private final Map<Object, Cached<?>> cache = new ConcurrentHashMap<>();

	private final Map<Object, ReentrantLock> locks = new ConcurrentHashMap<>();

	/** At most this many results are kept (a province: one breakdown per person viewed, reminders per user); beyond, the cache starts afresh. */
	static final int MAX_ENTRIES = 4096;

	private record Cached<T>(long stamp, T value) {
	}

	private final DataSource dataSource;

	DataStamp(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Whether results are cached: always, since PostgreSQL (the one engine) has the triggers that raise the counter. */
	public boolean enabled() {
		return true;
	}

	/**
	 * Whether a result computed here may be kept: not inside a writing transaction — there the
	 * counter may already be raised by this very transaction, and a value computed from its uncommitted changes would
	 * pass for fresh after a rollback.
	 */
	public boolean mayKeep() {
		return enabled() && !(TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly());
	}

	/**
	 * The current value of the counter (one indexed single-row read). A page reads it once: within one GET request
	 * (which changes nothing) the value read first is used again, so a page that shows several cached results
	 * borrows a connection for one read, not one per result (province-scale issue: 50 users' pages queued for the
	 * pool).
	 */
	public long current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				&& "GET".equals(request.getRequest().getMethod())) {
			if (request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Long read) {
				return read;
			}
			long read = read();
			request.setAttribute(REQUEST_ATTRIBUTE, read, RequestAttributes.SCOPE_REQUEST);
			return read;
		}
		return read();
	}

	private static final String REQUEST_ATTRIBUTE = DataStamp.class.getName() + ".read";

	private long read() {
		return jdbc.sql("select changes from data_stamp where id = 1").query(Long.class).single();
	}

	/**
	 * The value cached for the key if nothing it depends on changed since it was computed, else computes it (once
	 * for concurrent callers of the same key) and caches it under the stamp read before computing.
	 */
	@SuppressWarnings("unchecked")
	public <T> T cached(Object key, Supplier<T> compute) {
		if (!mayKeep()) {
			return compute.get();
		}
		long stamp = current();
		Cached<?> hit = cache.get(key);
		if (hit != null && hit.stamp() == stamp) {
			return (T) hit.value();
		}
		return exclusively(key, () -> {
			long now = current();
			Cached<?> again = cache.get(key);
			if (again != null && again.stamp() == now) {
				return (T) again.value();
			}
			T value = compute.get();
			if (cache.size() >= MAX_ENTRIES) {
				cache.clear();
				locks.clear(); // a caller still holding an old lock only risks computing once more
			}
			cache.put(key, new Cached<>(now, value));
			return value;
		});
	}

	/**
	 * Runs {@code work} holding the lock of {@code key}, so that concurrent callers compute a result once. A thread
	 * holding a pooled connection (in a transaction, or a {@code SUPPORTS} scope that has read) waits for the lock at
	 * most {@link #HOLDING_WAIT}: the lock's holder may itself be waiting for a connection, and with every connection
	 * held by such waiters nothing would move until the pool's timeout (issue 11). After that it works without the
	 * lock (the result is then computed twice, which is all it costs).
	 */
	public <T> T exclusively(Object key, Supplier<T> work) {
		ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
		if (holdsConnection()) {
			try {
				if (!lock.tryLock(HOLDING_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
					return work.get();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return work.get();
			}
		}
		else {
			lock.lock();
		}
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

	/** How long a thread holding a connection waits for another's computation: well below the pool's timeout. */
	static final Duration HOLDING_WAIT = Duration.ofSeconds(1);

	/** Whether this thread holds a connection of the pool bound to it (a transaction, or synchronisation). */
	private boolean holdsConnection() {
		return TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder
				&& holder.getConnectionHandle() != null;
	}

}
