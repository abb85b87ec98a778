package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
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

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.training.PlanDeadlinePolicy;
import cn.wucheng.cq.training.TrainingOverview;

/**
 * Annual training plans: {@code /training/plans?year=} lists every directly-affiliated squad with its plan's
 * status and deadline flags; {@code /training/plans/{id}} shows a plan's items (attachment 3, printable) with the
 * forms and workflow buttons the user may use.
 */
@Controller
class PlanController {

	private final PlanService plans;

	private final SessionService sessions;

	private final TrainingOverview overview;

	private final TrainingPages pages;

	private final Refusals refusals;

	PlanController(PlanService plans, SessionService sessions, TrainingOverview overview, TrainingPages pages,
			Refusals refusals) {
		this.plans = plans;
		this.sessions = sessions;
		this.overview = overview;
		this.pages = pages;
		this.refusals = refusals;
	}

	@GetMapping("/training/plans")
	@PreAuthorize(TrainingPages.READERS)
	String list(@RequestParam(required = false) String year, Model model) {
		int y = pages.year(year, model);
		CurrentUser user = CurrentUser.get();
		model.addAttribute("year", y);
		model.addAttribute("years", pages.years(y));
		model.addAttribute("deadlines", overview.deadlines(y));
		model.addAttribute("plans", overview.plans(y, user, pages.today()));
		model.addAttribute("creatable", plans.squadsWithoutPlan(y, user));
		return "training/plans";
	}

	@PostMapping("/training/plans")
	@PreAuthorize(TrainingPages.ACTORS)
	String create(@RequestParam long unitId, @RequestParam int year, RedirectAttributes redirect) {
		try {
			TrainingPlan plan = plans.create(unitId, year);
			redirect.addFlashAttribute("flashSuccess", refusals.message("training.plan.created", year));
			return "redirect:/training/plans/" + plan.getId();
		}
		catch (Refusal e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("flashError", refusals.text(e));
			return "redirect:/training/plans?year=" + year;
		}
	}

	@GetMapping("/training/plans/{id}")
	@PreAuthorize(TrainingPages.READERS)
	String plan(@PathVariable long id, @RequestParam(required = false) Integer item, Model model) {
		TrainingPlan plan = plans.get(id);
		Optional<PlanItem> editing = item == null ? Optional.empty() : plan.item(item);
		if (!model.containsAttribute("itemForm")) {
			model.addAttribute("itemForm", editing.map(i -> PlanItemForm.of(i, plan.getVersion()))
				.orElseGet(() -> PlanItemForm.empty(plan.getVersion())));
		}
		model.addAttribute("editingItem", editing.map(PlanItem::itemNo).orElse(null));
		fill(model, plan);
		return "training/plan";
	}

	@PostMapping("/training/plans/{id}/items")
	@PreAuthorize(TrainingPages.ACTORS)
	String addItem(@PathVariable long id, @Valid @ModelAttribute("itemForm") PlanItemForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		return saveItem(id, null, form, errors, model, redirect);
	}

	@PostMapping("/training/plans/{id}/items/{itemNo}")
	@PreAuthorize(TrainingPages.ACTORS)
	String changeItem(@PathVariable long id, @PathVariable int itemNo,
			@Valid @ModelAttribute("itemForm") PlanItemForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		return saveItem(id, itemNo, form, errors, model, redirect);
	}

	@PostMapping("/training/plans/{id}/items/{itemNo}/delete")
	@PreAuthorize(TrainingPages.ACTORS)
	String removeItem(@PathVariable long id, @PathVariable int itemNo, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			PlanItem removed = plans.removeItem(id, version, itemNo);
			return refusals.message("training.item.removed", removed.topic());
		});
	}

	@PostMapping("/training/plans/{id}/submit")
	@PreAuthorize(TrainingPages.ACTORS)
	String submit(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			// issue 13 item 7: a submitted plan is the legal section's — only with the box ticked (holds without script)
			if (!confirmed) {
				throw Refusal.of("training.confirmMissing");
			}
			TrainingPlan plan = plans.submit(id, version);
			PlanDeadlinePolicy deadlines = overview.deadlines(plan.getPlanYear());
			return plan.getFirstSubmittedOn().isAfter(deadlines.submitBy())
					? refusals.message("training.plan.submittedLate", plan.getFirstSubmittedOn(), deadlines.submitBy())
					: refusals.message("training.plan.submitted");
		});
	}

	@PostMapping("/training/plans/{id}/back-to-draft")
	@PreAuthorize(TrainingPages.ACTORS)
	String backToDraft(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			plans.backToDraft(id, version);
			return refusals.message("training.plan.backToDraftDone");
		});
	}

	@PostMapping("/training/plans/{id}/coordinate")
	@PreAuthorize(TrainingPages.LEGAL)
	String coordinate(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			plans.coordinate(id, version);
			return refusals.message("training.plan.coordinatedDone");
		});
	}

	@PostMapping("/training/plans/{id}/request-changes")
	@PreAuthorize(TrainingPages.LEGAL)
	String requestChanges(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			plans.requestChanges(id, version, reason);
			return refusals.message("training.plan.changesRequestedDone");
		});
	}

	private String saveItem(long id, Integer itemNo, PlanItemForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			TrainingPlan plan = plans.get(id);
			model.addAttribute("formError", refusals.message("training.form.invalid"));
			model.addAttribute("editingItem", itemNo);
			fill(model, plan);
			return "training/plan";
		}
		return act(id, redirect, () -> {
			PlanItem item = itemNo == null ? plans.addItem(id, form.getVersion(), form.toDraft())
					: plans.changeItem(id, form.getVersion(), itemNo, form.toDraft());
			return refusals.message("training.item.saved", item.topic());
		});
	}

	/** Runs a change; a refusal or a stale version comes back as the flash error, in Chinese. */
	private String act(long id, RedirectAttributes redirect, Supplier<String> change) {
		return refusals.act("/training/plans/" + id, redirect, () -> TrainingPages.staleAsRefusal(change));
	}

	private void fill(Model model, TrainingPlan plan) {
		PlanDeadlinePolicy deadlines = overview.deadlines(plan.getPlanYear());
		CurrentUser user = CurrentUser.get();
		List<SessionService.SessionRow> held = sessions.list(plan.getPlanYear(), plan.getUnitId(), user)
			.stream()
			.filter(s -> s.planId() == plan.getId())
			.toList();
		Map<Integer, Long> sessionsPerItem = held.stream()
			.collect(Collectors.groupingBy(SessionService.SessionRow::itemNo, Collectors.counting()));
		model.addAttribute("plan", plan);
		model.addAttribute("unitName", plans.unitName(plan.getUnitId()));
		model.addAttribute("deadlines", deadlines);
		model.addAttribute("flags",
				deadlines.flags(true, plan.getFirstSubmittedOn(), plan.getCoordinatedOn(), pages.today()));
		model.addAttribute("totalHours",
				plan.getItems().stream().map(PlanItem::hours).reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("sessions", held);
		model.addAttribute("sessionsPerItem", sessionsPerItem);
		model.addAttribute("canAct", canAct(user));
		model.addAttribute("isLegal", user.role() == cn.wucheng.cq.security.Role.LEGAL);
		model.addAttribute("months", java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList());
		model.addAttribute("itemsByNo", plan.getItems().stream().collect(Collectors.toMap(PlanItem::itemNo,
				Function.identity())));
	}

	private static boolean canAct(CurrentUser user) {
		return switch (user.role()) {
			case LEGAL, SQUAD_LEADER, LEGAL_OFFICER -> true;
			default -> false;
		};
	}

}
