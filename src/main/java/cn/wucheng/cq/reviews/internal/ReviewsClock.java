package cn.wucheng.cq.reviews.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Today, for review dates, award dates and reminders. Uses a {@link Clock} bean when the application (or a test that
 * needs a given day) defines one, else the system clock.
 */
@Component
public class ReviewsClock {

	private final ObjectProvider<Clock> clock;

	ReviewsClock(ObjectProvider<Clock> clock) {
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock.getIfUnique(Clock::systemDefaultZone));
	}

}
