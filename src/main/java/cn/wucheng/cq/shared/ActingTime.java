package cn.wucheng.cq.shared;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A moment the current thread acts at instead of the wall clock's: the demo bureau goes through the same services as
 * real use, and they date what they record by the application's clock (a review on the case's day, a list submitted by
 * the 15th, a quarter published in January). The application's one {@code Clock} (and the tests' clock) answer this
 * moment on the acting thread only; every other thread, every request, keeps the real time.
 */
public final class ActingTime {

	private static final ThreadLocal<Instant> ACTING_AT = new ThreadLocal<>();

	private ActingTime() {
	}

	/** The moment this thread acts at, if it acts at one. */
	public static Optional<Instant> current() {
		return Optional.ofNullable(ACTING_AT.get());
	}

	/** Runs {@code action} with the clock at {@code at} on this thread (nested calls restore the outer moment). */
	public static <T> T at(Instant at, Supplier<T> action) {
		Instant before = ACTING_AT.get();
		ACTING_AT.set(at);
		try {
			return action.get();
		}
		finally {
			if (before == null) {
				ACTING_AT.remove();
			}
			else {
				ACTING_AT.set(before);
			}
		}
	}

}
