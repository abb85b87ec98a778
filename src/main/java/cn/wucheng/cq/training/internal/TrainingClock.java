package cn.wucheng.cq.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Today, for deadlines and flags. Uses a {@link Clock} bean when the application (or a test that needs a given day)
 * defines one, else the system clock.
 */
@Component
class TrainingClock {

	private final ObjectProvider<Clock> clock;

	TrainingClock(ObjectProvider<Clock> clock) {
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
