package cn.wucheng.cq.calendar.internal;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import cn.wucheng.cq.calendar.DayKind;

/** The legal section's form for one calendar exception; {@code version} guards a stale edit. */
public class CalendarDayForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate onDate;

	private DayKind kind;

	private String name;

	private Integer version;

	static CalendarDayForm of(CalendarDay day) {
		CalendarDayForm f = new CalendarDayForm();
		f.onDate = day.getOnDate();
		f.kind = day.getKind();
		f.name = day.getName();
		f.version = day.getVersion();
		return f;
	}

	String trimmedName() {
		return name == null ? "" : name.strip();
	}

	public LocalDate getOnDate() {
		return onDate;
	}

	public void setOnDate(LocalDate onDate) {
		this.onDate = onDate;
	}

	public DayKind getKind() {
		return kind;
	}

	public void setKind(DayKind kind) {
		this.kind = kind;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
