package cn.wucheng.cq.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that follows the system clock until a test moves it forward ({@link #advance(Duration)}), e.g. to see a
 * 15-minute login lock expire. Add it with {@code @Import(TestClock.Config.class)}; call {@link #reset()} after a
 * test that advanced it (the context, and so the clock, is shared by test classes).
 */
public final class TestClock extends Clock {

	private final ZoneId zone;

	private volatile Duration offset = Duration.ZERO;

	public TestClock() {
		this(ZoneId.systemDefault());
	}

	private TestClock(ZoneId zone) {
		this.zone = zone;
	}

	public void advance(Duration by) {
		offset = offset.plus(by);
	}

	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		TestClock other = new TestClock(zone);
		other.offset = offset;
		return other;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
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
