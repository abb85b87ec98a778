package cn.wucheng.cq.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The line of large imports: one at a time, the others wait in order and can see how many are ahead, a wait ends
 * after its bound, a full line refuses at once, and small files never wait.
 */
@Tag("nodb")
class ImportQueueTests {

	private static final long LARGE = DataSize.ofMegabytes(1).toBytes();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		threads.shutdownNow();
	}

	@Test
	void aSecondLargeImportWaitsForTheFirstSeesOneAheadAndNeverRunsBesideIt() throws Exception {
		ImportQueue queue = new ImportQueue(DataSize.ofMegabytes(1), Duration.ofMinutes(1), 5);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		CountDownLatch firstRuns = new CountDownLatch(1);
		CountDownLatch firstMayEnd = new CountDownLatch(1);
		List<String> order = new ArrayList<>();
		Future<?> first = threads.submit(() -> {
			try (ImportQueue.Turn turn = queue.enter(LARGE, "first-ticket")) {
				parse(running, mostAtOnce, order, "first");
				firstRuns.countDown();
				firstMayEnd.await();
				running.decrementAndGet();
			}
			return null;
		});
		firstRuns.await();
		Future<?> second = threads.submit(() -> {
			try (ImportQueue.Turn turn = queue.enter(LARGE * 20, "second-ticket")) {
				parse(running, mostAtOnce, order, "second");
				running.decrementAndGet();
			}
			return null;
		});
		awaitInLine(queue, "second-ticket");

		assertThat(queue.ahead("first-ticket")).isZero();
		assertThat(queue.ahead("second-ticket")).isEqualTo(1);
		assertThat(second).isNotDone();
		firstMayEnd.countDown();
		first.get(1, TimeUnit.MINUTES);
		second.get(1, TimeUnit.MINUTES);
		assertThat(order).containsExactly("first", "second");
		assertThat(mostAtOnce).hasValue(1);
		assertThat(queue.size()).isZero();
		assertThat(queue.ahead("second-ticket")).isEqualTo(-1);
	}

	@Test
	void aSmallImportDoesNotWaitBehindALargeOne() throws Exception {
		ImportQueue queue = new ImportQueue(DataSize.ofMegabytes(1), Duration.ofMinutes(1), 5);
		try (ImportQueue.Turn large = queue.enter(LARGE, null)) {
			Future<Boolean> small = threads.submit(() -> {
				try (ImportQueue.Turn turn = queue.enter(LARGE - 1, "small-ticket")) {
					return true;
				}
			});

			assertThat(small.get(1, TimeUnit.MINUTES)).isTrue();
			assertThat(queue.size()).isEqualTo(1);
		}
	}

	@Test
	void aWaitEndsAfterItsBoundNamingTheImportsAheadAndLeavesTheLine() throws Exception {
		ImportQueue queue = new ImportQueue(DataSize.ofMegabytes(1), Duration.ofMillis(200), 5);
		try (ImportQueue.Turn running = queue.enter(LARGE, null)) {
			assertThatThrownBy(() -> queue.enter(LARGE, "late-ticket"))
				.isInstanceOfSatisfying(ImportQueue.Busy.class, busy -> {
					assertThat(busy.ahead()).isEqualTo(1);
					assertThat(busy.full()).isFalse();
				});
			assertThat(queue.size()).isEqualTo(1);
		}
		try (ImportQueue.Turn next = queue.enter(LARGE, null)) {
			assertThat(queue.size()).isEqualTo(1);
		}
	}

	@Test
	void aFullLineRefusesAtOnce() throws Exception {
		ImportQueue queue = new ImportQueue(DataSize.ofMegabytes(1), Duration.ofMinutes(1), 1);
		try (ImportQueue.Turn running = queue.enter(LARGE, null)) {
			Future<?> waiting = threads.submit(() -> {
				try (ImportQueue.Turn turn = queue.enter(LARGE, "waiting-ticket")) {
					return null;
				}
			});
			awaitInLine(queue, "waiting-ticket");

			assertThatThrownBy(() -> queue.enter(LARGE, "third-ticket"))
				.isInstanceOfSatisfying(ImportQueue.Busy.class, busy -> {
					assertThat(busy.ahead()).isEqualTo(2);
					assertThat(busy.full()).isTrue();
				});
			assertThat(waiting).isNotDone();
		}
	}

	private static void parse(AtomicInteger running, AtomicInteger mostAtOnce, List<String> order, String name) {
		mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
		synchronized (order) {
			order.add(name);
		}
	}

	/** Until the waiter has taken its place (it runs on another thread). */
	private static void awaitInLine(ImportQueue queue, String ticket) throws InterruptedException {
		for (int i = 0; queue.ahead(ticket) < 1; i++) {
			assertThat(i).as("waiting for %s to take its place", ticket).isLessThan(60_000);
			Thread.sleep(1);
		}
	}

}
