package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** When, where and how long a session is, and when its question bank (题库) went out. Checked at construction. */
record SessionDetails(LocalDate heldOn, String place, BigDecimal hours, LocalDate bankReleasedOn) {

	SessionDetails {
		if (heldOn == null) {
			throw new TrainingRefusal("请填写培训日期");
		}
		String p = place == null ? "" : place.strip();
		if (p.isEmpty()) {
			throw new TrainingRefusal("请填写培训地点");
		}
		if (p.length() > 100) {
			throw new TrainingRefusal("培训地点不能超过 100 个字");
		}
		place = p;
		if (hours == null || hours.signum() <= 0 || hours.compareTo(ItemDraft.MAX_HOURS) > 0
				|| hours.stripTrailingZeros().scale() > 2) {
			throw new TrainingRefusal("学时须大于 0、不超过 200，最多两位小数，收到: " + (hours == null ? "空" : hours));
		}
	}

}
