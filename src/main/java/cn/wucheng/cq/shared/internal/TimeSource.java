package cn.wucheng.cq.shared.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.wucheng.cq.shared.ActingTime;

/**
 * The one {@link Clock} of the application (issue 15): every module takes "today" and "now" from this bean, never from
 * {@code LocalDate.now()}, so that a test can set the day (support.TestClock replaces it) and deadlines, flags, lock
 * expiry and audit times all agree. The system's zone, as the per-module clocks it replaces used; the server runs in
 * the bureau's zone (Asia/Shanghai). OneClockTests fails on a call to now() without this clock. On a thread that acts
 * at another moment ({@link ActingTime}: the demo bureau acting on its year's days) it answers that moment.
 */
@Configuration(proxyBeanMethods = false)
class TimeSource {

	@Bean
	Clock clock() {
		return new SystemClock(Clock.systemDefaultZone());
	}

	/** The system's clock, except on a thread that acts at another moment. */
	static final class SystemClock extends Clock {

		private final Clock system;

		SystemClock(Clock system) {
			this.system = system;
		}

		@Override
		public ZoneId getZone() {
			return system.getZone();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new SystemClock(system.withZone(zone));
		}

		@Override
		public Instant instant() {
			return ActingTime.current().orElseGet(system::instant);
		}

	}

}
