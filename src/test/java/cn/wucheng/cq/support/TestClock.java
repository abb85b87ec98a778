package cn.wucheng.cq.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The one test clock (issue 15): it replaces the application's {@link Clock} bean when a test class adds it with
 * {@code @Import(TestClock.Config.class)}. It follows the system clock until a test sets a day
 * ({@link #setToday(LocalDate)}, for deadlines and flags) or moves time forward ({@link #advance(Duration)}, e.g. to
 * see a 15-minute login lock expire); {@link #reset()} (or {@link #useSystemTime()}) goes back to the system clock.
 * The context, and so the clock, is shared by the test classes that import it: every test that depends on the date
 * sets it, and a test that moved it resets it.
 */
public final class TestClock extends Clock {

	private final ZoneId zone;

	private volatile Instant fixed;

	private volatile Duration offset = Duration.ZERO;

	public TestClock() {
		this(ZoneId.systemDefault());
	}

	private TestClock(ZoneId zone) {
		this.zone = zone;
	}

	/** From now on it is noon of {@code day} (and stays so until the test moves it). */
	public void setToday(LocalDate day) {
		fixed = day.atTime(12, 0).atZone(zone).toInstant();
		offset = Duration.ZERO;
	}

	/** Moves the time forward by {@code by}, from the day set or from the system's time. */
	public void advance(Duration by) {
		offset = offset.plus(by);
	}

	/** Back to the system's time, neither a set day nor an advance. */
	public void reset() {
		fixed = null;
		offset = Duration.ZERO;
	}

	/** The same as {@link #reset()}, in the words of the tests that set a day. */
	public void useSystemTime() {
		reset();
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		TestClock other = new TestClock(zone);
		other.fixed = fixed;
		other.offset = offset;
		return other;
	}

	@Override
	public Instant instant() {
		// the demo bureau acting on a day of its year (shared.ActingTime), as the application's clock does
		java.util.Optional<Instant> acting = cn.wucheng.cq.shared.ActingTime.current();
		if (acting.isPresent()) {
			return acting.get();
		}
		Instant f = fixed;
		return (f != null ? f : Instant.now()).plus(offset);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
