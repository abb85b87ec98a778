package cn.wucheng.cq.shared;

import cn.wucheng.cq.bureau.Bureaus;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.wucheng.cq.shared.internal.ComputedOnce;

/**
 * A counter the database itself raises, once in each transaction that changes a table that scores, rankings or the
 * home page's figures are computed from (migration 4.60: statement triggers on case_file, case_return,
 * excellent_award, deduction_item, person, person_unit_history, unit, setting, …). Whatever writes — a page, an
 * import, a test's plain SQL — the counter moves when the change commits, so a result cached under the counter it was
 * computed after is stale exactly when the counter has moved since (province-scale issue: caches invalidated
 * correctly). Read before the data, a cached value is never older than its stamp. Results are kept in the bounded
 * caches of {@link DataCache} (Spring's cache with Caffeine), keyed by the stamp and the arguments.
 */
@Component
public class DataStamp {

	private final JdbcClient jdbc;

	private final CacheManager caches;

	private final Set<DataCache> bypassed;

	/**
	 * @param bypassed caches not used at all (property {@code cq.cache.bypass}, e.g. {@code FRAGMENTS}): a measuring
	 * aid, so that a benchmark can show what a cache is worth with the same jar (bench/README.md); empty in use
	 */
	DataStamp(JdbcClient jdbc, CacheManager caches, @Value("${cq.cache.bypass:}") Set<DataCache> bypassed) {
		this.jdbc = jdbc;
		this.caches = caches;
		this.bypassed = bypassed.isEmpty() ? EnumSet.noneOf(DataCache.class) : EnumSet.copyOf(bypassed);
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
		return ComputedOnce.mayKeep();
	}

	/**
	 * The current value of the counter (one indexed single-row read). A page reads it once: within one GET request
	 * (which changes nothing) the value read first is used again, so a page that shows several cached results
	 * borrows a connection for one read, not one per result (province-scale issue: 50 users' pages queued for the
	 * pool). Inside a writing transaction it is read afresh: the transaction's own change raises it.
	 */
	public long current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				&& "GET".equals(request.getRequest().getMethod()) && mayKeep()) {
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
	 * The value kept in {@code cache} for the key if nothing it depends on changed since it was computed, else
	 * computes it (once for concurrent callers of the same key) and keeps it under the stamp read before computing.
	 * The stamp is part of the cache key: after a committed change the key is new, so no entry is ever invalidated by
	 * hand, and a change committed by another instance on the same database is seen at the next read just the same.
	 */
	public <T> T cached(DataCache cache, Object key, Supplier<T> compute) {
		if (bypassed.contains(cache)) {
			return compute.get();
		}
		Cache named = caches.getCache(cache.cacheName());
		if (named == null) {
			throw new IllegalStateException("no cache " + cache.cacheName());
		}
		return named.get(new Stamped(current(), Bureaus.current().orElse(null), key), compute::get);
	}

	/**
	 * The same for a result that takes seconds (a comparison of a hundred bureaus): the value kept for the key under
	 * the current stamp, done, or its computation in progress — started by {@code start} if none is, which must
	 * return at once with the future of work it handed to other threads. A page shows the future's progress and asks
	 * again; concurrent callers share the one computation. A future that fails is no result: its caller forgets it
	 * ({@link #forget}, if the cache has not dropped it already) and the next call starts afresh; one that completes
	 * is kept like any cached value. A bypassed cache, or a caller inside a writing
	 * transaction (whose own changes must not be kept, {@link #mayKeep}), computes and waits.
	 */
	@SuppressWarnings("unchecked")
	public <T> CompletableFuture<T> cachedAsync(DataCache cache, Object key, Supplier<CompletableFuture<T>> start) {
		if (bypassed.contains(cache) || !mayKeep()) {
			return CompletableFuture.completedFuture(start.get().join());
		}
		Stamped stamped = new Stamped(current(), Bureaus.current().orElse(null), key);
		return (CompletableFuture<T>) async(cache).asMap()
			.computeIfAbsent(stamped, k -> (CompletableFuture<Object>) (CompletableFuture<?>) start.get());
	}

	/** Forgets the result {@link #cachedAsync} keeps for the key under the current stamp, if it is {@code kept}. */
	public void forget(DataCache cache, Object key, CompletableFuture<?> kept) {
		if (!bypassed.contains(cache)) {
			async(cache).asMap().remove(new Stamped(current(), Bureaus.current().orElse(null), key), kept);
		}
	}

	private AsyncCache<Object, Object> async(DataCache cache) {
		if (caches.getCache(cache.cacheName()) instanceof CaffeineCache caffeine) {
			return caffeine.getAsyncCache();
		}
		throw new IllegalStateException("no asynchronous cache " + cache.cacheName());
	}

	/**
	 * A cache key: the stamp read before computing, the bureau it was computed for (issue 16: two bureaus never see
	 * each other's cached page or score; null: the installation's only bureau) and what the result is of.
	 */
	record Stamped(long stamp, Long bureau, Object key) {
	}

}
