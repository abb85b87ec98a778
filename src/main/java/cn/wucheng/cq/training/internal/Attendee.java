package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One person's attendance of a session: signed in or not, the exam score (0–100, exact decimal) and — when an
 * auxiliary attended in place of a formal officer — the officer he replaced ({@code replacesId}).
 */
@Table("training_attendee")
public record Attendee(Long personId, boolean signedIn, BigDecimal score, Long replacesId) {

	public boolean isSubstitution() {
		return replacesId != null;
	}

}
