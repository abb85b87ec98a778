package cn.wucheng.cq.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock a test sets to a given day ({@link #setToday(LocalDate)}), for rules that depend on today's date such as
 * deadlines; {@link #useSystemTime()} goes back to the system clock. Add it with
 * {@code @Import(SettableClock.Config.class)}; every test that depends on the date sets it (the context, and so the
 * clock, is shared by the test classes that import it).
 */
public final class SettableClock extends Clock {

	private final ZoneId zone;

	private volatile Instant fixed;

	public SettableClock() {
		this(ZoneId.systemDefault(), null);
	}

	private SettableClock(ZoneId zone, Instant fixed) {
		this.zone = zone;
		this.fixed = fixed;
	}

	/** From now on it is noon of {@code day}. */
	public void setToday(LocalDate day) {
		fixed = day.atTime(12, 0).atZone(zone).toInstant();
	}

	public void useSystemTime() {
		fixed = null;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new SettableClock(zone, fixed);
	}

	@Override
	public Instant instant() {
		Instant f = fixed;
		return f != null ? f : Instant.now();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		SettableClock settableClock() {
			return new SettableClock();
		}

	}

}
