package cn.wucheng.cq.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.calendar.CalendarChanged;
import cn.wucheng.cq.calendar.DayKind;
import cn.wucheng.cq.shared.Refusal;

/**
 * The legal section's edits of the working-day calendar: checked, audited, and announced with
 * {@link CalendarChanged}. The working days kept under the data stamp follow the commit by themselves.
 */
@Service
class CalendarService {

	private static final String ENTITY = "calendar_day";

	private final CalendarDayRepository days;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	CalendarService(CalendarDayRepository days, AuditLog audit, ApplicationEventPublisher events) {
		this.days = days;
		this.audit = audit;
		this.events = events;
	}

	List<CalendarDay> ofYear(int year) {
		return days.findByOnDateBetweenOrderByOnDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	Optional<CalendarDay> find(long id) {
		return days.findById(id);
	}

	CalendarDay get(long id) {
		return find(id).orElseThrow(() -> Refusal.of("calendar.error.notFound").withStatus(HttpStatus.NOT_FOUND));
	}

	@Transactional
	Optional<CalendarDay> add(CalendarDayForm form, Errors errors) {
		validate(form, null, errors);
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		CalendarDay day = days.save(new CalendarDay(form.getOnDate(), form.getKind(), form.trimmedName()));
		audit.record("CALENDAR_DAY_ADDED", ENTITY, day.getOnDate().toString(), "R-27", null, day.describe());
		events.publishEvent(new CalendarChanged(day.getOnDate().getYear()));
		return Optional.of(day);
	}

	/**
	 * Changes an exception. A stale version (someone changed it since the form was opened) throws
	 * {@link OptimisticLockingFailureException} instead of overwriting.
	 */
	@Transactional
	boolean change(long id, CalendarDayForm form, Errors errors) {
		CalendarDay day = get(id);
		requireVersion(day, form.getVersion());
		validate(form, id, errors);
		if (errors.hasErrors()) {
			return false;
		}
		String before = day.describe();
		int oldYear = day.getOnDate().getYear();
		day.change(form.getOnDate(), form.getKind(), form.trimmedName());
		days.save(day);
		audit.record("CALENDAR_DAY_CHANGED", ENTITY, day.getOnDate().toString(), "R-27", before, day.describe());
		events.publishEvent(new CalendarChanged(oldYear));
		if (oldYear != day.getOnDate().getYear()) {
			events.publishEvent(new CalendarChanged(day.getOnDate().getYear()));
		}
		return true;
	}

	@Transactional
	CalendarDay remove(long id, Integer version) {
		CalendarDay day = get(id);
		requireVersion(day, version);
		days.delete(day);
		audit.record("CALENDAR_DAY_REMOVED", ENTITY, day.getOnDate().toString(), "R-27", day.describe(), null);
		events.publishEvent(new CalendarChanged(day.getOnDate().getYear()));
		return day;
	}

	private static void requireVersion(CalendarDay day, Integer version) {
		if (version == null || !version.equals(day.getVersion())) {
			throw new OptimisticLockingFailureException("calendar_day " + day.getId() + " changed since version " + version);
		}
	}

	/** Field errors with message keys of messages-calendar.properties. */
	private void validate(CalendarDayForm form, Long self, Errors errors) {
		LocalDate date = form.getOnDate();
		if (date == null && !errors.hasFieldErrors("onDate")) {
			errors.rejectValue("onDate", "calendar.error.dateRequired");
		}
		if (form.getKind() == null) {
			errors.rejectValue("kind", "calendar.error.kindRequired");
		}
		String name = form.trimmedName();
		if (name.isEmpty()) {
			errors.rejectValue("name", "calendar.error.nameRequired");
		}
		else if (name.length() > CalendarDay.NAME_MAX) {
			errors.rejectValue("name", "calendar.error.nameTooLong", new Object[] { String.valueOf(CalendarDay.NAME_MAX) },
					null);
		}
		if (date == null) {
			return;
		}
		if (date.getYear() < 2000 || date.getYear() > 2100) {
			errors.rejectValue("onDate", "calendar.error.yearRange", new Object[] { date.toString() }, null);
			return;
		}
		if (form.getKind() != null && !form.getKind().fits(date)) {
			errors.rejectValue("onDate",
					form.getKind() == DayKind.HOLIDAY ? "calendar.error.holidayOnWeekend"
							: "calendar.error.makeupOnWeekday",
					new Object[] { date.toString(),
							new DefaultMessageSourceResolvable("calendar.weekday." + date.getDayOfWeek().getValue()) },
					null);
		}
		days.findByOnDate(date)
			.filter(other -> !other.getId().equals(self))
			.ifPresent(other -> errors.rejectValue("onDate", "calendar.error.duplicate",
					new Object[] { date.toString(), other.getName() }, null));
	}

}
