package cn.wucheng.cq.rollout.internal;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.organisation.UnitType;

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
			throw new RolloutRefusal("分批推进只按中队类别（直属中队、一类中队、二类中队）安排，" + type.label() + "不是中队类别");
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
			throw new RolloutRefusal("请填写开始日期和结束日期");
		}
		if (endsOn.isBefore(startsOn)) {
			throw new RolloutRefusal("结束日期 " + endsOn + " 不能早于开始日期 " + startsOn);
		}
		if (startsOn.getYear() != batchYear) {
			throw new RolloutRefusal("开始日期 " + startsOn + " 不在 " + batchYear + " 年内");
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
