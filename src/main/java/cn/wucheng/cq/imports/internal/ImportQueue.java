package cn.wucheng.cq.imports.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The line of large imports: one runs at a time per instance, the others wait in order (first come, first served),
 * each for at most {@code cq.imports.queue.max-wait}, and no more than {@code cq.imports.queue.max-waiting} wait at
 * once. Three large .xlsx files parsed at once filled a 2 GB heap (issue 11); one at a time, the reader's bounds
 * ({@link XlsxLimits}) are what a heap must hold. Files under {@code cq.imports.queue.large-file-size} are not queued:
 * their memory is small and a list of units should not wait behind a year of cases.
 * <p>
 * Waiting holds no database connection (the import's transaction starts after its turn). A waiter may carry a ticket
 * (the import page makes one per upload) so that the page can ask how many are ahead of it.
 */
@Component
public class ImportQueue {

	/** One's turn: closing it lets the next in line run. */
	public interface Turn extends AutoCloseable {

		@Override
		void close();

	}

	/** Not one's turn within the bound (or the line is full): nothing was imported. */
	public static final class Busy extends Exception {

		private final int ahead;

		private final boolean full;

		Busy(int ahead, boolean full) {
			super(full ? "import line full" : "waited too long", null, false, false);
			this.ahead = ahead;
			this.full = full;
		}

		/** Imports ahead of this one when it gave up (the running one included). */
		public int ahead() {
			return ahead;
		}

		/** Refused at once: the line already held the most waiters allowed. */
		public boolean full() {
			return full;
		}

	}

	private static final Turn SMALL = () -> {
		// small imports take no place in the line
	};

	private final long largeBytes;

	private final Duration maxWait;

	private final int maxWaiting;

	/** The running import first, then the waiting ones in order. Guarded by {@code this}. */
	private final List<Place> line = new ArrayList<>();

	ImportQueue(@Value("${cq.imports.queue.large-file-size:1MB}") DataSize largeFile,
			@Value("${cq.imports.queue.max-wait:3m}") Duration maxWait,
			@Value("${cq.imports.queue.max-waiting:5}") int maxWaiting) {
		this.largeBytes = largeFile.toBytes();
		this.maxWait = maxWait;
		this.maxWaiting = maxWaiting;
	}

	/** A place in the line; two uploads may carry the same ticket (or none), so places compare by identity. */
	private static final class Place {

		private final String ticket;

		Place(String ticket) {
			this.ticket = ticket;
		}

	}

	public Duration maxWait() {
		return maxWait;
	}

	/**
	 * Waits for the turn of an import of {@code bytes} (returns at once for a small one). The caller runs the import
	 * while it holds the turn and then closes it.
	 */
	public Turn enter(long bytes, String ticket) throws Busy {
		if (bytes < largeBytes) {
			return SMALL;
		}
		Place place = new Place(ticket);
		synchronized (this) {
			if (line.size() > maxWaiting) {
				throw new Busy(line.size(), true);
			}
			line.add(place);
			long deadline = System.nanoTime() + maxWait.toNanos();
			try {
				while (line.get(0) != place) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						int ahead = line.indexOf(place);
						leave(place);
						throw new Busy(ahead, false);
					}
					wait(Math.max(1, left / 1_000_000));
				}
			}
			catch (InterruptedException e) {
				int ahead = line.indexOf(place);
				leave(place);
				Thread.currentThread().interrupt();
				throw new Busy(ahead, false);
			}
		}
		return () -> {
			synchronized (ImportQueue.this) {
				leave(place);
			}
		};
	}

	/** How many imports are ahead of the one with this ticket (0: it runs), or -1 when it is not in the line. */
	public synchronized int ahead(String ticket) {
		for (int i = 0; i < line.size(); i++) {
			if (ticket != null && ticket.equals(line.get(i).ticket)) {
				return i;
			}
		}
		return -1;
	}

	/** Large imports running or waiting. */
	public synchronized int size() {
		return line.size();
	}

	private void leave(Place place) {
		line.remove(place);
		notifyAll();
	}

}
