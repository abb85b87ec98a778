package cn.wucheng.cq.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.shared.internal.ComputedOnce;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * Issue 15 item 4: one cache abstraction — Spring's cache with Caffeine, every cache named in {@link DataCache} and
 * bounded, active on the default (PostgreSQL) context, keyed by the data stamp so that a committed change gives a
 * fresh result without any invalidation in this JVM (what another instance on the same database relies on, issue 16).
 * Keys here are strings of this class: they cannot meet the keys of the system's own results.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
class OneCacheTests {

	@Autowired
	CacheManager caches;

	@Autowired
	DataStamp stamp;

	@Autowired
	ScoreLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void everyNamedCacheIsACaffeineCacheBoundedBySizeAndIdleTime() {
		assertThat(caches.getCacheNames())
			.containsExactlyInAnyOrderElementsOf(List.of(DataCache.values()).stream().map(DataCache::cacheName).toList());
		for (DataCache named : DataCache.values()) {
			Policy<Object, Object> policy = nativeCache(named).policy();
			assertThat(policy.eviction()).as(named.cacheName()).isPresent();
			assertThat(policy.eviction().get().getMaximum()).as(named.cacheName()).isEqualTo(named.maximum());
			assertThat(policy.eviction().get().isWeighted()).as(named.cacheName()).isEqualTo(named.weighed());
			assertThat(policy.expireAfterAccess()).as(named.cacheName()).isPresent();
			assertThat(policy.expireAfterAccess().get().getExpiresAfter()).isEqualTo(DataCache.IDLE);
		}
		// no cache is made up on the fly for a name nobody configured
		assertThat(caches.getCache("no-such-cache")).isNull();
	}

	@Test
	void aCacheGivenMoreKeysThanItsMaximumEvicts() {
		DataCache calendar = DataCache.CALENDAR_YEARS;
		int asked = (int) calendar.maximum() * 4;
		for (int i = 0; i < asked; i++) {
			int n = i;
			stamp.cached(calendar, "OneCacheTests-bound-" + n, () -> n);
		}
		nativeCache(calendar).cleanUp();
		assertThat(nativeCache(calendar).estimatedSize()).isLessThanOrEqualTo(calendar.maximum());
		assertThat(keysOf(calendar, "OneCacheTests-bound-")).hasSizeLessThanOrEqualTo((int) calendar.maximum())
			.hasSizeLessThan(asked);
	}

	/**
	 * Issue 16: the scores, rankings and dashboards are bounded by the rows they hold, not by entries. A province of a
	 * hundred bureaus has a hundred small lists per quarter; with a bound of six entries the rankings asked right after
	 * every bureau's scores computed every bureau's scores again (bench/profile-scoring.sh). A list as large as the
	 * bound still evicts the others.
	 */
	@Test
	void theScoresAreBoundedByTheirRowsSoThatAProvincesHundredBureausAreKeptSideBySide() {
		DataCache scores = DataCache.SCORES;
		assertThat(scores.weighed()).isTrue();
		String prefix = "OneCacheTests-rows-";
		try {
			AtomicInteger computed = new AtomicInteger();
			for (int round = 0; round < 2; round++) {
				for (int bureau = 0; bureau < 100; bureau++) {
					stamp.cached(scores, prefix + bureau, () -> {
						computed.incrementAndGet();
						return java.util.Collections.nCopies(250, "a bureau's person");
					});
				}
			}
			nativeCache(scores).cleanUp();
			assertThat(computed).as("every bureau's list computed once, then read").hasValue(100);
			assertThat(keysOf(scores, prefix)).hasSize(100);

			stamp.cached(scores, prefix + "whole", () -> java.util.Collections.nCopies((int) scores.maximum(), "x"));
			nativeCache(scores).cleanUp();
			assertThat(nativeCache(scores).policy().eviction().get().weightedSize().getAsLong())
				.isLessThanOrEqualTo(scores.maximum());
			assertThat(keysOf(scores, prefix)).as("a list as large as the bound does not fit beside the others")
				.hasSizeLessThan(101);
		}
		finally {
			nativeCache(scores).asMap().keySet().removeAll(keysOf(scores, prefix));
		}
	}

	@Test
	void theScoresOfAPeriodAreKeptInTheScoresCacheOnTheDefaultDatabase() {
		Period period = Period.parse("2039-Q3");
		List<?> first = ledger.scores(period);
		assertThat(ledger.scores(period)).as("kept: the very same list").isSameAs(first);
		assertThat(nativeCache(DataCache.SCORES).asMap().keySet())
			.anyMatch(k -> k instanceof DataStamp.Stamped s && s.key().equals(period) && s.stamp() == stamp.current());
	}

	@Test
	void aCommittedChangeOfDataGivesAFreshResultAtTheNextRead() {
		AtomicInteger computed = new AtomicInteger();
		String key = "OneCacheTests-fresh";
		assertThat((int) stamp.cached(DataCache.FRAGMENTS, key, computed::incrementAndGet)).isEqualTo(1);
		assertThat((int) stamp.cached(DataCache.FRAGMENTS, key, computed::incrementAndGet)).as("kept").isEqualTo(1);
		long before = stamp.current();

		// plain SQL that changes no row still raises the stamp at its commit (a statement trigger), as any write
		// of another instance on the same database does
		tx.executeWithoutResult(s -> jdbc.sql("update setting set name = name where false").update());

		assertThat(stamp.current()).isGreaterThan(before);
		assertThat((int) stamp.cached(DataCache.FRAGMENTS, key, computed::incrementAndGet)).isEqualTo(2);
		assertThat((int) stamp.cached(DataCache.FRAGMENTS, key, computed::incrementAndGet)).isEqualTo(2);
	}

	@Test
	void nothingComputedInsideAWritingTransactionIsKeptButWhatWasKeptBeforeIsRead() {
		AtomicInteger computed = new AtomicInteger();
		String kept = "OneCacheTests-kept";
		String inside = "OneCacheTests-inside";
		stamp.cached(DataCache.FRAGMENTS, kept, computed::incrementAndGet);
		tx.executeWithoutResult(s -> {
			assertThat((int) stamp.cached(DataCache.FRAGMENTS, kept, computed::incrementAndGet)).isEqualTo(1);
			stamp.cached(DataCache.FRAGMENTS, inside, computed::incrementAndGet);
			stamp.cached(DataCache.FRAGMENTS, inside, computed::incrementAndGet);
		});
		assertThat(computed).hasValue(3);
		assertThat(keysOf(DataCache.FRAGMENTS, inside)).isEmpty();
	}

	@Test
	void concurrentReadersOfOneKeyShareOneComputation() throws Exception {
		AtomicInteger computed = new AtomicInteger();
		ExecutorService readers = Executors.newFixedThreadPool(6);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				answers.add(readers.submit(() -> stamp.cached(DataCache.FRAGMENTS, "OneCacheTests-once", () -> {
					sleep(300); // long enough for the other readers to arrive while it computes
					return computed.incrementAndGet();
				})));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			}
			assertThat(computed).hasValue(1);
		}
		finally {
			readers.shutdownNow();
		}
	}

	private Cache<Object, Object> nativeCache(DataCache named) {
		return ((ComputedOnce) caches.getCache(named.cacheName())).getAsyncCache().synchronous();
	}

	private List<Object> keysOf(DataCache named, String prefix) {
		return nativeCache(named).asMap()
			.keySet()
			.stream()
			.filter(k -> k instanceof DataStamp.Stamped s && s.key() instanceof String str && str.startsWith(prefix))
			.toList();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
