package cn.wucheng.cq.calendar.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.calendar.DayKind;
import cn.wucheng.cq.calendar.WorkingDays;
import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.Refusals;

/**
 * The working-day calendar page {@code /calendar?year=}: the year's month grids with holidays and make-up
 * working days, and the list of exceptions. Everyone signed in reads it (deadlines everywhere depend on it); the
 * legal section adds, changes and removes exceptions. Printable.
 */
@Controller
class CalendarController {

	static final String EDITOR = "hasRole('LEGAL')";

	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2100;

	private final CalendarService calendar;

	private final WorkingDays workingDays;

	private final Refusals refusals;

	private final LatestPeriods latest;

	private final Clock clock;

	CalendarController(CalendarService calendar, WorkingDays workingDays, Refusals refusals,
			LatestPeriods latest, Clock clock) {
		this.latest = latest;
		this.clock = clock;
		this.calendar = calendar;
		this.workingDays = workingDays;
		this.refusals = refusals;
	}

	@GetMapping("/calendar")
	@PreAuthorize("hasAnyRole('ADMIN','LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')")
	String page(@RequestParam(required = false) String year, @RequestParam(required = false) Long edit,
			Model model) {
		int shown = parseYear(year, model);
		Optional<CalendarDay> editing = edit == null ? Optional.empty() : calendar.find(edit);
		if (!model.containsAttribute("calendarDayForm")) {
			model.addAttribute("calendarDayForm", editing.map(CalendarDayForm::of).orElseGet(CalendarDayForm::new));
		}
		model.addAttribute("editingId", editing.map(CalendarDay::getId).orElse(null));
		fill(model, shown);
		return "calendar/calendar";
	}

	@PostMapping("/calendar/days")
	@PreAuthorize(EDITOR)
	String add(@ModelAttribute("calendarDayForm") CalendarDayForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Optional<CalendarDay> added = calendar.add(form, errors);
		if (added.isEmpty()) {
			return again(form, null, model);
		}
		redirect.addFlashAttribute("flashSuccess", refusals.message("calendar.saved", describe(added.get())));
		return redirectTo(added.get().getOnDate().getYear());
	}

	@PostMapping("/calendar/days/{id}")
	@PreAuthorize(EDITOR)
	String change(@PathVariable long id, @ModelAttribute("calendarDayForm") CalendarDayForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		try {
			if (!calendar.change(id, form, errors)) {
				return again(form, id, model);
			}
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("flashError", refusals.message("calendar.stale"));
			return redirectTo(form.getOnDate() == null ? LocalDate.now(clock).getYear() : form.getOnDate().getYear());
		}
		CalendarDay day = calendar.get(id);
		redirect.addFlashAttribute("flashSuccess", refusals.message("calendar.saved", describe(day)));
		return redirectTo(day.getOnDate().getYear());
	}

	@PostMapping("/calendar/days/{id}/delete")
	@PreAuthorize(EDITOR)
	String remove(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
		int year = calendar.get(id).getOnDate().getYear();
		// issue 13 item 7: removing cannot be undone — only from the second step that says so (holds without script)
		if (!confirmed) {
			redirect.addFlashAttribute("flashError", refusals.message("calendar.confirmMissing"));
			return redirectTo(year);
		}
		try {
			CalendarDay removed = calendar.remove(id, version);
			redirect.addFlashAttribute("flashSuccess", refusals.message("calendar.removed", describe(removed)));
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("flashError", refusals.message("calendar.stale"));
		}
		return redirectTo(year);
	}

	private String again(CalendarDayForm form, Long id, Model model) {
		model.addAttribute("formError", refusals.message("calendar.form.invalid"));
		model.addAttribute("editingId", id);
		fill(model, form.getOnDate() == null || form.getOnDate().getYear() < MIN_YEAR
				|| form.getOnDate().getYear() > MAX_YEAR ? LocalDate.now(clock).getYear() : form.getOnDate().getYear());
		return "calendar/calendar";
	}

	private void fill(Model model, int year) {
		List<CalendarDay> exceptions = calendar.ofYear(year);
		Map<LocalDate, CalendarDay> byDate = new LinkedHashMap<>();
		exceptions.forEach(d -> byDate.put(d.getOnDate(), d));
		model.addAttribute("year", year);
		model.addAttribute("grid", CalendarGrid.of(year, byDate, month -> workingDays
			.workingDaysBetween(month.atDay(1).minusDays(1), month.atEndOfMonth())));
		model.addAttribute("exceptions", exceptions);
		model.addAttribute("kinds", DayKind.values());
		model.addAttribute("holidays", exceptions.stream().filter(d -> d.getKind() == DayKind.HOLIDAY).count());
		model.addAttribute("makeups", exceptions.stream().filter(d -> d.getKind() == DayKind.MAKEUP_WORKDAY).count());
		model.addAttribute("workingDaysInYear",
				workingDays.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)));
	}

	private int parseYear(String year, Model model) {
		// like every page: the year of the latest data (the demo's year), not the wall clock's (issue 13)
		int now = latest.year();
		if (year == null || year.isBlank()) {
			return now;
		}
		try {
			int y = Integer.parseInt(year.strip());
			if (y >= MIN_YEAR && y <= MAX_YEAR) {
				return y;
			}
		}
		catch (NumberFormatException e) {
			// falls through to the warning
		}
		model.addAttribute("badYear", refusals.message("calendar.badYear", year, MIN_YEAR, MAX_YEAR));
		return now;
	}

	private String describe(CalendarDay day) {
		return refusals.message("calendar.describe", day.getOnDate(), refusals.message("calendar.kind." + day.getKind().name()), day.getName());
	}

	private static String redirectTo(int year) {
		return "redirect:/calendar?year=" + year;
	}


}
