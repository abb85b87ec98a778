package cn.wucheng.cq.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.shared.internal.ComputedOnce;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * The cache's wait that lets concurrent callers compute a result once must not close a circle with the pool: a thread
 * holding the only connection (in a transaction) that meets the computation of a thread waiting for that connection
 * gives up waiting after {@link ComputedOnce#HOLDING_WAIT}, computes alone, and so frees the connection; both finish
 * (issue 11: each waited for the other until the pool's timeout, then one failed).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = { "cq.test.context=datastamp-lock", "spring.datasource.hikari.maximum-pool-size=1",
		"spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.connection-timeout=4000",
		"spring.flyway.url=${spring.datasource.url}", "spring.flyway.user=${spring.datasource.username}",
		"spring.flyway.password=${spring.datasource.password}" })
class DataStampLockTests {

	@Autowired
	DataStamp stamp;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aThreadHoldingTheOnlyConnectionDoesNotWaitForAComputationThatNeedsItAndBothFinish() throws Exception {
		CountDownLatch lockTaken = new CountDownLatch(1);
		CountDownLatch connectionTaken = new CountDownLatch(1);
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			// another request computes under the lock and needs a connection for it
			Future<Integer> theirs = other.submit(() -> stamp.cached(DataCache.FRAGMENTS, "circle", () -> {
				lockTaken.countDown();
				await(connectionTaken);
				return jdbc.sql("select 1").query(Integer.class).single();
			}));
			lockTaken.await();
			long t0 = System.nanoTime();
			TransactionTemplate reading = new TransactionTemplate(transactions);
			reading.setReadOnly(true); // a reader: it may wait for the other's result (a writer never shares one)
			Integer mine = reading.execute(tx -> {
				jdbc.sql("select 2").query(Integer.class).single(); // holds the pool's only connection from here
				connectionTaken.countDown();
				return stamp.cached(DataCache.FRAGMENTS, "circle",
						() -> jdbc.sql("select 2").query(Integer.class).single());
			});
			Duration waited = Duration.ofNanos(System.nanoTime() - t0);

			assertThat(mine).isEqualTo(2);
			assertThat(waited).isLessThan(ComputedOnce.HOLDING_WAIT.plusSeconds(2));
			assertThat(theirs.get(10, TimeUnit.SECONDS)).as("the lock holder got the connection once it was free")
				.isEqualTo(1);
		}
		finally {
			other.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
