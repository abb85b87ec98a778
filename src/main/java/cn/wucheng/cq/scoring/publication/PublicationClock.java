package cn.wucheng.cq.scoring.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Today, for the notice period. Uses a {@link Clock} bean when one is defined (tests set the day), else the system clock. */
@Component
class PublicationClock {

	private final ObjectProvider<Clock> clock;

	PublicationClock(ObjectProvider<Clock> clock) {
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
