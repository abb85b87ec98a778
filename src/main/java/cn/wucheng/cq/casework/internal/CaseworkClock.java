package cn.wucheng.cq.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Today, for review dates and deadlines: a {@link Clock} bean when one is defined (tests), else the system clock. */
@Component
class CaseworkClock {

	private final ObjectProvider<Clock> clock;

	CaseworkClock(ObjectProvider<Clock> clock) {
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock());
	}

	LocalDateTime now() {
		return LocalDateTime.now(clock());
	}

	private Clock clock() {
		return clock.getIfUnique(Clock::systemDefaultZone);
	}

}
