package cn.wucheng.cq.recording.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Today, from a {@link Clock} bean when the application or a test defines one, else the system clock. */
@Component
class RecordingClock {

	private final ObjectProvider<Clock> clock;

	RecordingClock(ObjectProvider<Clock> clock) {
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
