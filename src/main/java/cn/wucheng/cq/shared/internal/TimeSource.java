package cn.wucheng.cq.shared.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} of the application (issue 15): every module takes "today" and "now" from this bean, never from
 * {@code LocalDate.now()}, so that a test can set the day (support.TestClock replaces it) and deadlines, flags, lock
 * expiry and audit times all agree. The system's zone, as the per-module clocks it replaces used; the server runs in
 * the bureau's zone (Asia/Shanghai). ClockArchitectureTests fails on a call to now() without this clock.
 */
@Configuration(proxyBeanMethods = false)
class TimeSource {

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
