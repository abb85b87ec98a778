package cn.wucheng.cq.rollout;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.organisation.UnitType;

/**
 * whether the programme's rules apply to a unit on a day. They apply from
 * the start of the unit's category batch — the earliest {@code starts_on} of that category over all years (once
 * rolled out, a squad stays in) — or from the squad's own earlier start when the legal section recorded one
 * (鼓励第二、三批办案单位提前开展), and, for a unit type without a batch (sections, the command centre), from the
 * earliest batch of all. With no batch at all the rules apply always.
 * <p>
 * Set-based SQL should join the view {@code unit_rollout (unit_id, starts_on)}, which computes the same day:
 * {@code join unit_rollout r on r.unit_id = c.unit_id where r.starts_on is null or c.concluded_on_effective >= r.starts_on}.
 */
@Service
public class Rollout {

	private final JdbcClient jdbc;

	Rollout(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The batches, by year then by the order of the categories. */
	public List<RolloutBatch> batches() {
		return jdbc.sql("""
				select id, batch_year, unit_type, starts_on, ends_on, version from rollout_batch
				order by batch_year, starts_on, unit_type""")
			.query((rs, n) -> new RolloutBatch(rs.getLong("id"), rs.getInt("batch_year"),
					UnitType.valueOf(rs.getString("unit_type")), rs.getObject("starts_on", LocalDate.class),
					rs.getObject("ends_on", LocalDate.class), rs.getInt("version")))
			.list();
	}

	/** The day from which the rules apply to units of this type; empty when no batch exists (they apply always). */
	public Optional<LocalDate> startOf(UnitType type) {
		LocalDate own = jdbc.sql("select min(starts_on) from rollout_batch where unit_type = ?")
			.param(type.name())
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		if (own != null) {
			return Optional.of(own);
		}
		return jdbc.sql("select min(starts_on) from rollout_batch").query(LocalDate.class).optional();
	}

	/** The day from which the rules apply to this unit; empty when they apply always or the unit is unknown. */
	public Optional<LocalDate> startOf(long unitId) {
		return jdbc.sql("select starts_on from unit_rollout where unit_id = ?")
			.param(unitId)
			.query(LocalDate.class)
			.optional();
	}

	/** Whether the rules apply to this unit on this day. */
	public boolean applies(long unitId, LocalDate day) {
		return startOf(unitId).map(start -> !day.isBefore(start)).orElse(true);
	}

	/** Whether the rules apply to units of this type on this day. */
	public boolean applies(UnitType type, LocalDate day) {
		return startOf(type).map(start -> !day.isBefore(start)).orElse(true);
	}

	/** From when the rules apply to this unit, with its batch (第N批); empty when unknown or no batch exists. */
	public Optional<RolloutSince> since(long unitId) {
		List<RolloutBatch> batches = batches();
		return jdbc.sql("""
				select u.type, s.starts_on as own from unit u
				left join unit_rollout_start s on s.unit_id = u.id where u.id = ?""")
			.param(unitId)
			.query((rs, n) -> withOwnStart(since(UnitType.valueOf(rs.getString("type")), batches),
					rs.getObject("own", LocalDate.class)))
			.optional()
			.flatMap(s -> s);
	}

	/** a squad's own earlier start replaces its batch's start. */
	private static Optional<RolloutSince> withOwnStart(Optional<RolloutSince> batch, LocalDate own) {
		return own == null ? batch : batch.map(b -> b.startingOn(own));
	}

	/**
	 * Every unit with the day the rules apply to it from, squads first (直属, 一类, 二类) then by name: two small
	 * queries (units, batches), whatever the number of units.
	 */
	public List<UnitRollout> units() {
		List<RolloutBatch> batches = batches();
		Map<UnitType, Optional<RolloutSince>> byType = new LinkedHashMap<>();
		return jdbc.sql("""
				select u.id, u.name, u.type, s.starts_on as own from unit u
				left join unit_rollout_start s on s.unit_id = u.id""")
			.query((rs, n) -> {
				UnitType type = UnitType.valueOf(rs.getString("type"));
				RolloutSince since = withOwnStart(byType.computeIfAbsent(type, t -> since(t, batches)),
						rs.getObject("own", LocalDate.class)).orElse(null);
				return new UnitRollout(rs.getLong("id"), rs.getString("name"), type, since);
			})
			.list()
			.stream()
			.sorted(Comparator.comparing((UnitRollout u) -> u.unitType().ordinal()).thenComparing(UnitRollout::unitName))
			.toList();
	}

	/** The same rule as the view unit_rollout: the category's earliest batch, else the earliest of all. */
	static Optional<RolloutSince> since(UnitType type, List<RolloutBatch> batches) {
		Comparator<RolloutBatch> byStart = Comparator.comparing(RolloutBatch::startsOn);
		Optional<RolloutBatch> first = batches.stream().filter(b -> b.unitType() == type).min(byStart)
			.or(() -> batches.stream().min(byStart));
		return first.map(b -> new RolloutSince(b.startsOn(), b.batchYear(), 1 + (int) batches.stream()
			.filter(o -> o.batchYear() == b.batchYear() && o.startsOn().isBefore(b.startsOn()))
			.count(), b.unitType(), false));
	}

}
