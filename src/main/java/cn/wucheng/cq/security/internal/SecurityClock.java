package cn.wucheng.cq.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The time for lockouts and account timestamps. Uses a {@link Clock} bean when the application (or a test that
 * moves time forward to see a lock expire) defines one, else the system clock.
 */
@Component
class SecurityClock {

	private final ObjectProvider<Clock> clock;

	SecurityClock(ObjectProvider<Clock> clock) {
		this.clock = clock;
	}

	LocalDateTime now() {
		return LocalDateTime.now(clock());
	}

	Instant instant() {
		return clock().instant();
	}

	private Clock clock() {
		return clock.getIfUnique(Clock::systemDefaultZone);
	}

}
