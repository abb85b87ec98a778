package cn.wucheng.cq.training.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.training.QuestionBankPolicy;
import cn.wucheng.cq.training.TrainingSource;

/**
 * Training sessions: the list {@code /training/sessions?year=} with flags, a new session from an item of a
 * coordinated plan, and the session page with attendance, exam scores, substitutions and the .xlsx import.
 */
@Controller
class SessionController {

	static final long MAX_UPLOAD = 5L * 1024 * 1024;

	private final SessionService sessions;

	private final PlanService plans;

	private final TrainingPages pages;

	private final Refusals refusals;

	SessionController(SessionService sessions, PlanService plans, TrainingPages pages, Refusals refusals) {
		this.sessions = sessions;
		this.plans = plans;
		this.pages = pages;
		this.refusals = refusals;
	}

	@GetMapping("/training/sessions")
	@PreAuthorize(TrainingPages.READERS)
	String list(@RequestParam(required = false) String year, Model model) {
		int y = pages.year(year, model);
		model.addAttribute("year", y);
		model.addAttribute("years", pages.years(y));
		model.addAttribute("sessions", sessions.list(y, null, CurrentUser.get()));
		model.addAttribute("minBankDays", QuestionBankPolicy.MIN_DAYS);
		return "training/sessions";
	}

	@GetMapping("/training/sessions/new")
	@PreAuthorize(TrainingPages.ACTORS)
	String newSession(@RequestParam long plan, @RequestParam int item, Model model) {
		TrainingPlan p = plans.get(plan);
		PlanItem i = p.item(item).orElseThrow(SessionController::noSuchItem);
		if (!model.containsAttribute("sessionForm")) {
			model.addAttribute("sessionForm", SessionForm.forItem(p.getId(), i));
		}
		if (p.getStatus() != cn.wucheng.cq.training.PlanStatus.COORDINATED) {
			// say so before the user fills in the form; saving would be refused anyway
			model.addAttribute("formError", refusals.message("training.session.notCoordinated"));
		}
		fillNew(model, p, i);
		return "training/session-new";
	}

	@PostMapping("/training/sessions")
	@PreAuthorize(TrainingPages.ACTORS)
	String create(@Valid @ModelAttribute("sessionForm") SessionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form.getPlanId() == null || form.getItemNo() == null) {
			throw Refusal.of("training.notFound.noPlanItem").withStatus(HttpStatus.NOT_FOUND);
		}
		TrainingPlan p = plans.get(form.getPlanId());
		PlanItem i = p.item(form.getItemNo()).orElseThrow(SessionController::noSuchItem);
		if (!errors.hasErrors()) {
			try {
				TrainingSession s = sessions.create(form.getPlanId(), form.getItemNo(), form.toDetails());
				redirect.addFlashAttribute("flashSuccess", refusals.message("training.session.created", s.getTopic()));
				return "redirect:/training/sessions/" + s.getId();
			}
			catch (Refusal e) {
				if (e.status() == HttpStatus.NOT_FOUND) {
					throw e;
				}
				model.addAttribute("formError", refusals.text(e));
			}
		}
		else {
			model.addAttribute("formError", refusals.message("training.form.invalid"));
		}
		fillNew(model, p, i);
		return "training/session-new";
	}

	/** a session the bureau or 法制科 holds for any units (机关 officers included); the legal section enters it. */
	@GetMapping("/training/sessions/new-open")
	@PreAuthorize(TrainingPages.LEGAL)
	String newOpenSession(Model model) {
		if (!model.containsAttribute("sessionForm")) {
			model.addAttribute("sessionForm", SessionForm.forUnits());
		}
		fillOpen(model);
		return "training/session-open";
	}

	@PostMapping("/training/sessions/open")
	@PreAuthorize(TrainingPages.LEGAL)
	String createOpen(@Valid @ModelAttribute("sessionForm") SessionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form.getOrganiser() == null || !form.getOrganiser().organisesOpenSessions()) {
			errors.rejectValue("organiser", "training.session.organiser.required");
		}
		if (form.getTopic() == null || form.getTopic().isBlank()) {
			errors.rejectValue("topic", "training.session.topic.required");
		}
		if (!errors.hasErrors()) {
			try {
				TrainingSession s = sessions.createOpen(form.getOrganiser(), form.getTopic(), form.toDetails());
				redirect.addFlashAttribute("flashSuccess", refusals.message("training.session.created", s.getTopic()));
				return "redirect:/training/sessions/" + s.getId();
			}
			catch (Refusal e) {
				if (e.status() == HttpStatus.NOT_FOUND) {
					throw e;
				}
				model.addAttribute("formError", refusals.text(e));
			}
		}
		else {
			model.addAttribute("formError", refusals.message("training.form.invalid"));
		}
		fillOpen(model);
		return "training/session-open";
	}

	@GetMapping("/training/sessions/{id}")
	@PreAuthorize(TrainingPages.READERS)
	String session(@PathVariable long id, Model model) {
		TrainingSession s = sessions.get(id);
		if (!model.containsAttribute("sessionForm")) {
			model.addAttribute("sessionForm", SessionForm.of(s));
		}
		if (!model.containsAttribute("attendeeForm")) {
			AttendeeForm f = new AttendeeForm();
			f.setSignedIn(true);
			f.setVersion(s.getVersion());
			model.addAttribute("attendeeForm", f);
		}
		fill(model, s);
		return "training/session";
	}

	@PostMapping("/training/sessions/{id}")
	@PreAuthorize(TrainingPages.ACTORS)
	String reschedule(@PathVariable long id, @Valid @ModelAttribute("sessionForm") SessionForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			TrainingSession s = sessions.get(id);
			model.addAttribute("sessionError", refusals.message("training.form.invalid"));
			model.addAttribute("attendeeForm", emptyAttendee(s));
			fill(model, s);
			return "training/session";
		}
		return act(id, redirect, () -> {
			sessions.reschedule(id, form.getVersion(), form.toDetails());
			return refusals.message("training.session.saved");
		});
	}

	@PostMapping("/training/sessions/{id}/attendees")
	@PreAuthorize(TrainingPages.ACTORS)
	String record(@PathVariable long id, @Valid @ModelAttribute("attendeeForm") AttendeeForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			TrainingSession s = sessions.get(id);
			model.addAttribute("attendeeError", refusals.message("training.form.invalid"));
			model.addAttribute("sessionForm", SessionForm.of(s));
			fill(model, s);
			return "training/session";
		}
		return act(id, redirect, () -> {
			sessions.record(id, form.getVersion(), form.toInput());
			return refusals.message("training.attendee.saved", form.getEmployeeNo().strip());
		});
	}

	@PostMapping("/training/sessions/{id}/attendees/{personId}/delete")
	@PreAuthorize(TrainingPages.ACTORS)
	String removeAttendee(@PathVariable long id, @PathVariable long personId,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			sessions.removeAttendee(id, version, personId);
			return refusals.message("training.attendee.removed");
		});
	}

	@PostMapping("/training/sessions/{id}/import")
	@PreAuthorize(TrainingPages.ACTORS)
	String importSheet(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("flashError", refusals.message("training.import.noFile"));
			return "redirect:/training/sessions/" + id;
		}
		if (file.getSize() > MAX_UPLOAD) {
			redirect.addFlashAttribute("flashError", refusals.message("training.import.tooLarge", MAX_UPLOAD / 1024 / 1024));
			return "redirect:/training/sessions/" + id;
		}
		try (InputStream in = file.getInputStream()) {
			return act(id, redirect, () -> {
				SessionService.Imported imported = sessions.importSheet(id, version, in);
				if (imported.errors().isEmpty()) {
					return refusals.message("training.import.done", imported.rows());
				}
				redirect.addFlashAttribute("importErrors", imported.errors());
				throw Refusal.of("training.import.rejected", imported.errors().size());
			});
		}
	}

	/** An .xlsx with the import columns, filled with the attendees recorded so far. */
	@GetMapping("/training/sessions/{id}/template")
	@PreAuthorize(TrainingPages.ACTORS)
	ResponseEntity<byte[]> template(@PathVariable long id) throws IOException {
		TrainingSession s = sessions.get(id);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TrainingWorkbooks.attendanceTemplate(sessions.attendees(id), refusals.message("training.import.sheet"), out);
		String file = refusals.message("training.import.templateFile") + "-" + s.getHeldOn() + ".xlsx";
		return TrainingWorkbooks.download(out.toByteArray(), file);
	}

	private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<String> change) {
		return refusals.act("/training/sessions/" + id, redirect, () -> TrainingPages.staleAsRefusal(change));
	}

	private static Refusal noSuchItem() {
		return Refusal.of("training.notFound.item").withStatus(HttpStatus.NOT_FOUND);
	}

	private static AttendeeForm emptyAttendee(TrainingSession s) {
		AttendeeForm f = new AttendeeForm();
		f.setSignedIn(true);
		f.setVersion(s.getVersion());
		return f;
	}

	private void fillNew(Model model, TrainingPlan plan, PlanItem item) {
		model.addAttribute("plan", plan);
		model.addAttribute("item", item);
		model.addAttribute("unitName", plans.unitName(plan.getUnitId()));
		model.addAttribute("minBankDays", QuestionBankPolicy.MIN_DAYS);
	}

	private void fillOpen(Model model) {
		model.addAttribute("organisers", List.of(TrainingSource.LEGAL, TrainingSource.BUREAU));
		model.addAttribute("minBankDays", QuestionBankPolicy.MIN_DAYS);
	}

	private void fill(Model model, TrainingSession s) {
		List<SessionService.AttendeeRow> attendees = sessions.attendees(s.getId());
		model.addAttribute("trainingSession", s);
		// a session of the bureau or 法制科 has no squad: the page names its organiser instead
		model.addAttribute("unitName", s.isOpen() ? refusals.message(s.getOrganiser().labelKey()) : plans.unitName(s.getUnitId()));
		model.addAttribute("flags", s.flags(sessions.today()));
		model.addAttribute("bankDays", s.getBankReleasedOn() == null ? null
				: QuestionBankPolicy.daysBefore(s.getBankReleasedOn(), s.getHeldOn()));
		model.addAttribute("minBankDays", QuestionBankPolicy.MIN_DAYS);
		model.addAttribute("attendees", attendees);
		model.addAttribute("signedFormal", attendees.stream().filter(a -> a.signedIn() && a.formal()).count());
		model.addAttribute("signedAuxiliary", attendees.stream().filter(a -> a.signedIn() && !a.formal()).count());
		model.addAttribute("canAct", switch (CurrentUser.get().role()) {
			case LEGAL -> true;
			case SQUAD_LEADER, LEGAL_OFFICER -> !s.isOpen();
			default -> false;
		});
		model.addAttribute("importColumns", String.join("、", AttendanceSheet.COLUMNS));
	}

}
