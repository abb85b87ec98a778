package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.wucheng.cq.shared.Refusal;

/** When, where and how long a session is, and when its question bank (题库) went out. Checked at construction. */
record SessionDetails(LocalDate heldOn, String place, BigDecimal hours, LocalDate bankReleasedOn) {

	SessionDetails {
		if (heldOn == null) {
			throw Refusal.of("training.refused.heldOnMissing");
		}
		String p = place == null ? "" : place.strip();
		if (p.isEmpty()) {
			throw Refusal.of("training.refused.placeMissing");
		}
		if (p.length() > 100) {
			throw Refusal.of("training.refused.placeTooLong", 100);
		}
		place = p;
		if (hours == null || hours.signum() <= 0 || hours.compareTo(ItemDraft.MAX_HOURS) > 0
				|| hours.stripTrailingZeros().scale() > 2) {
			throw ItemDraft.hours(hours);
		}
	}

}
