package cn.wucheng.cq.rollout.internal;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.shared.Refusal;

/**
 * A rollout batch (分批推进, R-71) as the legal section edits it: the window in which the squads of one category start
 * following the programme's rules in one year. One batch per category and year (a unique key in the table).
 */
@Table("rollout_batch")
public class Batch {

	@Id
	private Long id;

	private int batchYear;

	private UnitType unitType;

	private LocalDate startsOn;

	private LocalDate endsOn;

	@Version
	private Integer version;

	protected Batch() {
	}

	/** @throws RolloutRefusal when the type is no squad category or the dates do not fit (see {@link #reschedule}) */
	static Batch of(int year, UnitType type, LocalDate startsOn, LocalDate endsOn) {
		Objects.requireNonNull(type);
		if (!type.isSquad()) {
			throw Refusal.of("rollout.refused.notCategory", type.label());
		}
		Batch b = new Batch();
		b.batchYear = year;
		b.unitType = type;
		b.reschedule(startsOn, endsOn);
		return b;
	}

	/**
	 * the window lies in the batch's year and ends no earlier than it starts.
	 * @throws RolloutRefusal with the field and the reason
	 */
	void reschedule(LocalDate startsOn, LocalDate endsOn) {
		if (startsOn == null || endsOn == null) {
			throw Refusal.of("rollout.refused.datesRequired");
		}
		if (endsOn.isBefore(startsOn)) {
			throw Refusal.of("rollout.refused.endBeforeStart", endsOn, startsOn);
		}
		if (startsOn.getYear() != batchYear) {
			throw Refusal.of("rollout.refused.startOutsideYear", startsOn, batchYear);
		}
		this.startsOn = startsOn;
		this.endsOn = endsOn;
	}

	String describe() {
		return batchYear + " " + unitType.label() + " " + startsOn + "～" + endsOn;
	}

	public Long getId() {
		return id;
	}

	public int getBatchYear() {
		return batchYear;
	}

	public UnitType getUnitType() {
		return unitType;
	}

	public LocalDate getStartsOn() {
		return startsOn;
	}

	public LocalDate getEndsOn() {
		return endsOn;
	}

	public Integer getVersion() {
		return version;
	}

}
