package cn.wucheng.cq.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.springframework.context.annotation.Fallback;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.CurrentUser;

/**
 * The system's clock, which is the wall clock except while the demo loader acts on a day of the demo's year: the demo
 * goes through the same services as real use, and they date what they record by "today" (a review on the case's day,
 * a list submitted by the 15th, a quarter published). Only the loading thread sees the demo's day; every other
 * request keeps the wall clock. {@link Fallback}: a test's own clock bean wins, as before.
 */
@Component
@Fallback
public class DemoTime extends Clock {

	private static final ThreadLocal<Instant> ACTING_ON = new ThreadLocal<>();

	private final ZoneId zone = ZoneId.systemDefault();

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		Instant on = ACTING_ON.get();
		return on != null ? on : Instant.now();
	}

	/**
	 * Runs {@code action} as {@code user} on {@code day} (at {@code time}): the services see that day as today and
	 * that user as signed in, so they check, record and audit as for a real user.
	 */
	<T> T as(CurrentUser user, LocalDate day, LocalTime time, Supplier<T> action) {
		Instant before = ACTING_ON.get();
		SecurityContext context = SecurityContextHolder.getContext();
		try {
			ACTING_ON.set(day.atTime(time).atZone(zone).toInstant());
			AccountPrincipal principal = AccountPrincipal.active(user);
			SecurityContext acting = SecurityContextHolder.createEmptyContext();
			acting.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
			SecurityContextHolder.setContext(acting);
			return action.get();
		}
		finally {
			SecurityContextHolder.setContext(context);
			if (before == null) {
				ACTING_ON.remove();
			}
			else {
				ACTING_ON.set(before);
			}
		}
	}

	void as(CurrentUser user, LocalDate day, Runnable action) {
		as(user, day, LocalTime.of(10, 0), () -> {
			action.run();
			return null;
		});
	}

}
