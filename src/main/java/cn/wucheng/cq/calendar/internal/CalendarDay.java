package cn.wucheng.cq.calendar.internal;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.calendar.DayKind;
import cn.wucheng.cq.shared.Refusal;

/** One exception of the working-day calendar: a public holiday on a weekday or a make-up working weekend day. */
@Table("calendar_day")
public class CalendarDay {

	static final int NAME_MAX = 30;

	@Id
	private Long id;

	private LocalDate onDate;

	private DayKind kind;

	private String name;

	@Version
	private Integer version;

	protected CalendarDay() {
	}

	CalendarDay(LocalDate onDate, DayKind kind, String name) {
		change(onDate, kind, name);
	}

	/** Refuses what the calendar cannot mean: a holiday on a weekend, a make-up working day on a weekday. */
	void change(LocalDate onDate, DayKind kind, String name) {
		if (onDate == null || kind == null) {
			throw Refusal.of("calendar.error.dateAndKindRequired");
		}
		if (!kind.fits(onDate)) {
			throw Refusal.of(kind == DayKind.HOLIDAY ? "calendar.error.holidayIsWeekend" : "calendar.error.makeupIsWorkday",
					onDate);
		}
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > NAME_MAX) {
			throw Refusal.of("calendar.error.nameLength", NAME_MAX);
		}
		this.onDate = onDate;
		this.kind = kind;
		this.name = n;
	}

	/** For the audit log: "2024-02-12 HOLIDAY 春节". */
	String describe() {
		return onDate + " " + kind + " " + name;
	}

	public Long getId() {
		return id;
	}

	public LocalDate getOnDate() {
		return onDate;
	}

	public DayKind getKind() {
		return kind;
	}

	public String getName() {
		return name;
	}

	public Integer getVersion() {
		return version;
	}

}
