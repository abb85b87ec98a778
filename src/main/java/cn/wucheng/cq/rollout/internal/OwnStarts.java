package cn.wucheng.cq.rollout.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.rollout.Rollout;
import cn.wucheng.cq.shared.Refusal;

/**
 * a squad may start earlier than its batch (鼓励第二、三批办案单位提前开展). The legal section records the squad's
 * own start date; from then on the programme's rules — and the case-handling standard of R-32 — apply to it as if its
 * batch had started that day. Only squads, and only a date before its batch's start; audited.
 */
@Service
class OwnStarts {

	static final String ENTITY = "unit_rollout_start";


	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Rollout rollout;

	private final Clock clock;

	OwnStarts(JdbcClient jdbc, AuditLog audit, Rollout rollout, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.audit = audit;
		this.rollout = rollout;
	}

	/** Records (or changes) a squad's own start; a null date removes it (the squad follows its batch again). */
	@Transactional
	void set(long unitId, LocalDate startsOn, String reason, String username) {
		Optional<Unit> unit = jdbc.sql("select name, type from unit where id = ?")
			.param(unitId)
			.query((rs, n) -> new Unit(rs.getString("name"), UnitType.valueOf(rs.getString("type"))))
			.optional();
		if (unit.isEmpty()) {
			throw Refusal.of("rollout.own.refused.unknown");
		}
		if (!unit.get().type().isSquad()) {
			throw Refusal.of("rollout.own.refused.notSquad", unit.get().name());
		}
		LocalDate before = jdbc.sql("select starts_on from unit_rollout_start where unit_id = ?")
			.param(unitId)
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		if (startsOn == null) {
			jdbc.sql("delete from unit_rollout_start where unit_id = ?").param(unitId).update();
			audit.record("ROLLOUT_OWN_START_REMOVED", ENTITY, unit.get().name(), "R-71", String.valueOf(before), null);
			return;
		}
		LocalDate batchStart = rollout.startOf(unit.get().type()).orElse(null);
		if (batchStart != null && !startsOn.isBefore(batchStart)) {
			throw Refusal.of("rollout.own.refused.notEarlier", unit.get().name(), batchStart.toString());
		}
		String text = reason == null || reason.isBlank() ? null : reason.strip();
		if (text != null && text.length() > 300) {
			throw Refusal.of("rollout.own.refused.reason");
		}
		jdbc.sql("delete from unit_rollout_start where unit_id = ?").param(unitId).update();
		jdbc.sql("""
				insert into unit_rollout_start (unit_id, starts_on, reason, updated_by, updated_at)
				values (?, ?, ?, ?, ?)""")
			.params(unitId, startsOn, text, username, LocalDateTime.now(clock))
			.update();
		audit.record("ROLLOUT_OWN_START_SET", ENTITY, unit.get().name(), "R-71", String.valueOf(before),
				startsOn + (text == null ? "" : " " + text));
	}

	private record Unit(String name, UnitType type) {
	}

}
