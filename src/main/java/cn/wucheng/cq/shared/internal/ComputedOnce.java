package cn.wucheng.cq.shared.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.AsyncCache;

import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A Caffeine cache whose {@code get(key, loader)} — what {@code @Cacheable(sync = true)} and
 * {@code DataStamp.cached} call — computes a missing value once for concurrent callers, on the caller's own thread
 * (its transaction, connection and request stay with the computation): the first caller puts a future in the cache
 * and completes it, the others wait for that future (Caffeine's in-flight entry instead of a lock of our own).
 * <p>
 * Two rules of the system on top of that:
 * <ul>
 * <li>Nothing computed inside a <em>writing</em> transaction is kept: it may see the transaction's own uncommitted
 * changes, which a rollback would leave in the cache. Such a caller may still read what is kept.</li>
 * <li>A caller that holds a pooled connection (a transaction, or a {@code SUPPORTS} scope that has read) waits for
 * another's computation at most {@link #HOLDING_WAIT}, then computes alone: the computing thread may itself be
 * waiting for a connection, and with every connection held by such waiters nothing would move until the pool's
 * timeout (issue 11, {@code DataStampLockTests}).</li>
 * </ul>
 */
public class ComputedOnce extends CaffeineCache {

	/** How long a thread holding a connection waits for another's computation: well below the pool's timeout. */
	public static final Duration HOLDING_WAIT = Duration.ofSeconds(1);

	ComputedOnce(String name, AsyncCache<Object, Object> cache) {
		super(name, cache, false);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T get(Object key, Callable<T> loader) {
		AsyncCache<Object, Object> cache = getAsyncCache();
		if (!mayKeep()) {
			CompletableFuture<Object> kept = cache.getIfPresent(key);
			if (kept != null && kept.isDone() && !kept.isCompletedExceptionally()) {
				return (T) kept.join();
			}
			return call(key, loader);
		}
		CompletableFuture<Object> mine = new CompletableFuture<>();
		CompletableFuture<Object> theirs = cache.asMap().putIfAbsent(key, mine);
		if (theirs == null) {
			try {
				T value = call(key, loader);
				mine.complete(value);
				return value;
			}
			catch (RuntimeException | Error e) {
				cache.asMap().remove(key, mine);
				mine.completeExceptionally(e);
				throw e;
			}
		}
		return awaitOrCompute(key, theirs, loader);
	}

	@SuppressWarnings("unchecked")
	private <T> T awaitOrCompute(Object key, CompletableFuture<Object> theirs, Callable<T> loader) {
		try {
			if (holdsConnection()) {
				return (T) theirs.get(HOLDING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			return (T) theirs.join();
		}
		catch (TimeoutException | ExecutionException | CompletionException | CancellationException e) {
			// the other computation is slow (and may wait for our connection) or failed: compute alone, not kept
			return call(key, loader);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return call(key, loader);
		}
	}

	private static <T> T call(Object key, Callable<T> loader) {
		try {
			return loader.call();
		}
		catch (RuntimeException | Error e) {
			throw e;
		}
		catch (Exception e) {
			throw new ValueRetrievalException(key, loader, e);
		}
	}

	/**
	 * Whether a value computed here may be kept: not inside a writing transaction — there the data stamp may already
	 * be raised by this very transaction, and a value computed from its uncommitted changes would pass for fresh
	 * after a rollback.
	 */
	public static boolean mayKeep() {
		return !(TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly());
	}

	/** Whether this thread holds a connection of a pool bound to it (a transaction, or synchronisation). */
	private static boolean holdsConnection() {
		return TransactionSynchronizationManager.getResourceMap()
			.values()
			.stream()
			.anyMatch(r -> r instanceof ConnectionHolder holder && holder.getConnectionHandle() != null);
	}

}
