package cn.wucheng.cq.imports.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Reads a table on a thread of its own, a few hundred rows ahead of the consumer: on two cores the parsing of the file
 * (XML of an .xlsx sheet, decoding and splitting a CSV) runs beside the checking and storing of the rows, which stay on
 * the caller's thread (its transaction). The consumer sees the same rows in the same order and the same exceptions
 * as when reading directly.
 * <p>
 * A consumer may stop the reading (answer false) only while {@code lockstep} says so: until then each row is handed
 * over alone and the reader waits for the answer, exactly as a direct read would; afterwards rows go in batches and
 * the consumer must take them all (the import engine stops only at the header).
 */
final class ReadAhead {

	private static final int BATCH = 256;

	private static final int QUEUED_BATCHES = 8;

	private static final Object END = new Object();

	private ReadAhead() {
	}

	private record Batch(int[] rows, String[][] cells, int size, boolean lockstep) {
	}

	private record Failure(Throwable error) {
	}

	/** Thrown into the reader when the consumer failed: the reading ends without reading further. */
	private static final class Abandoned extends RuntimeException {

		Abandoned() {
			super("the consumer gave up", null, false, false);
		}

	}

	static void read(TabularFile table, TabularFile.RowConsumer consumer, BooleanSupplier lockstep)
			throws UnreadableFileException {
		BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
		BlockingQueue<Boolean> answers = new LinkedBlockingQueue<>();
		State state = new State();
		Thread reader = new Thread(() -> produce(table, queue, answers, state), "import-read-ahead");
		reader.setDaemon(true);
		reader.start();
		boolean stopped = false;
		try {
			while (true) {
				Object item = take(queue);
				if (item == END) {
					return;
				}
				if (item instanceof Failure f) {
					rethrow(f.error());
				}
				Batch b = (Batch) item;
				for (int i = 0; i < b.size() && !stopped; i++) {
					boolean more = consumer.accept(b.rows()[i], b.cells()[i]);
					if (b.lockstep()) {
						state.lockstep = more && lockstep.getAsBoolean();
						answers.add(more);
					}
					else if (!more) {
						state.stop = true; // not expected of the engine; the reader ends at its next row
					}
					stopped = !more;
				}
			}
		}
		finally {
			state.abandon = true;
			answers.add(Boolean.FALSE);
			queue.clear();
			try {
				reader.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static final class State {

		volatile boolean lockstep = true;

		volatile boolean stop;

		volatile boolean abandon;

	}

	private static void produce(TabularFile table, BlockingQueue<Object> queue, BlockingQueue<Boolean> answers,
			State state) {
		int[][] rows = { new int[BATCH] };
		String[][][] cells = { new String[BATCH][] };
		int[] size = { 0 };
		try {
			table.read((row, values) -> {
				if (state.abandon) {
					throw new Abandoned();
				}
				if (state.stop) {
					return false;
				}
				if (state.lockstep) {
					if (size[0] > 0) { // cannot happen: lockstep only ends, never starts again
						put(queue, new Batch(rows[0], cells[0], size[0], false), state);
						rows[0] = new int[BATCH];
						cells[0] = new String[BATCH][];
						size[0] = 0;
					}
					put(queue, new Batch(new int[] { row }, new String[][] { values }, 1, true), state);
					return answer(answers, state);
				}
				rows[0][size[0]] = row;
				cells[0][size[0]] = values;
				if (++size[0] == BATCH) {
					put(queue, new Batch(rows[0], cells[0], BATCH, false), state);
					rows[0] = new int[BATCH];
					cells[0] = new String[BATCH][];
					size[0] = 0;
				}
				return true;
			});
			if (size[0] > 0) {
				put(queue, new Batch(rows[0], cells[0], size[0], false), state);
			}
			put(queue, END, state);
		}
		catch (Abandoned e) {
			// the consumer has gone
		}
		catch (Throwable e) {
			if (!state.abandon) {
				try {
					put(queue, new Failure(e), state);
				}
				catch (Abandoned gone) {
					// nobody to tell
				}
			}
		}
	}

	private static boolean answer(BlockingQueue<Boolean> answers, State state) {
		try {
			while (true) {
				Boolean more = answers.poll(100, TimeUnit.MILLISECONDS);
				if (more != null) {
					return more;
				}
				if (state.abandon) {
					throw new Abandoned();
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Abandoned();
		}
	}

	private static void put(BlockingQueue<Object> queue, Object item, State state) {
		try {
			while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
				if (state.abandon) {
					throw new Abandoned();
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Abandoned();
		}
	}

	private static Object take(BlockingQueue<Object> queue) {
		try {
			return queue.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the file", e);
		}
	}

	private static void rethrow(Throwable e) throws UnreadableFileException {
		if (e instanceof UnreadableFileException u) {
			throw u;
		}
		if (e instanceof RuntimeException r) {
			throw r;
		}
		if (e instanceof Error err) {
			throw err;
		}
		throw new IllegalStateException(e);
	}

}
