package cn.wucheng.cq.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Today, for deadlines and flags: a {@link Clock} bean when one is defined (tests set the day), else the system's. */
@Component
class SupervisionClock {

	private final ObjectProvider<Clock> clock;

	SupervisionClock(ObjectProvider<Clock> clock) {
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
