package cn.wucheng.cq.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.ActingTime;

/**
 * The demo loader's acts on a day of the demo's year: the demo goes through the same services as real use, and they
 * date what they record by the application's clock (a review on the case's day, a list submitted by the 15th, a
 * quarter published). The clock answers the demo's day on the loading thread only ({@link ActingTime}); every other
 * request keeps the real time.
 */
@Component
public class DemoTime {

	private final ZoneId zone;

	DemoTime(Clock clock) {
		this.zone = clock.getZone();
	}

	/**
	 * Runs {@code action} as {@code user} on {@code day} (at {@code time}): the services see that day as today and
	 * that user as signed in, so they check, record and audit as for a real user.
	 */
	<T> T as(CurrentUser user, LocalDate day, LocalTime time, Supplier<T> action) {
		SecurityContext context = SecurityContextHolder.getContext();
		try {
			AccountPrincipal principal = AccountPrincipal.active(user);
			SecurityContext acting = SecurityContextHolder.createEmptyContext();
			acting.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
			SecurityContextHolder.setContext(acting);
			return ActingTime.at(day.atTime(time).atZone(zone).toInstant(), action);
		}
		finally {
			SecurityContextHolder.setContext(context);
		}
	}

	void as(CurrentUser user, LocalDate day, Runnable action) {
		as(user, day, LocalTime.of(10, 0), () -> {
			action.run();
			return null;
		});
	}

}
