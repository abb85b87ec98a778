package cn.wucheng.cq.rollout.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.format.annotation.DateTimeFormat;
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

import cn.wucheng.cq.rollout.Rollout;
import cn.wucheng.cq.rollout.RolloutBatch;
import cn.wucheng.cq.rollout.UnitRollout;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * 分批推进: the batches per squad category and year and, per unit, the day the rules apply from. Every business
 * role reads it; the legal section adds a year or a batch and changes dates.
 */
@Controller
class RolloutController {

	static final String READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')";

	static final String EDITORS = "hasRole('LEGAL')";

	/** One year's batches for the page. */
	record YearBatches(int year, List<RolloutBatch> batches) {
	}

	private final Rollout rollout;

	private final RolloutEditor editor;

	private final Refusals refusals;

	private final OwnStarts ownStarts;

	RolloutController(Rollout rollout, RolloutEditor editor, Refusals refusals, OwnStarts ownStarts) {
		this.rollout = rollout;
		this.editor = editor;
		this.refusals = refusals;
		this.ownStarts = ownStarts;
	}

	@GetMapping("/rollout")
	@PreAuthorize(READERS)
	String page(Model model) {
		CurrentUser user = CurrentUser.get();
		Map<Integer, List<RolloutBatch>> byYear = new LinkedHashMap<>();
		rollout.batches().forEach(b -> byYear.computeIfAbsent(b.batchYear(), y -> new ArrayList<>()).add(b));
		List<YearBatches> years = new ArrayList<>();
		byYear.forEach((y, list) -> years.add(new YearBatches(y, list)));
		List<UnitRollout> units = rollout.units();
		model.addAttribute("years", years);
		model.addAttribute("units", units);
		model.addAttribute("ownUnit", user.unitId() == null ? null
				: units.stream().filter(u -> u.unitId() == user.unitId()).findFirst().orElse(null));
		model.addAttribute("canEdit", user.role() == Role.LEGAL);
		model.addAttribute("categories", RolloutEditor.CATEGORIES);
		model.addAttribute("nextYear", years.isEmpty() ? 2024 : years.get(years.size() - 1).year() + 1);
		return "rollout/rollout";
	}

	@PostMapping("/rollout/batches/{id}")
	@PreAuthorize(EDITORS)
	String reschedule(@PathVariable long id, @ModelAttribute BatchForm form, BindingResult binding,
			RedirectAttributes redirect) {
		return act(binding, redirect, () -> {
			Batch b = editor.reschedule(id, form.getVersion(), form.getStartsOn(), form.getEndsOn());
			return refusals.message("rollout.saved", "" + b.getBatchYear(), label(b));
		});
	}

	@PostMapping("/rollout/batches")
	@PreAuthorize(EDITORS)
	String add(@ModelAttribute BatchForm form, BindingResult binding, RedirectAttributes redirect) {
		return act(binding, redirect, () -> {
			if (form.getYear() == null) {
				throw Refusal.of("rollout.refused.yearRequired");
			}
			Batch b = editor.add(form.getYear(), form.getUnitType(), form.getStartsOn(), form.getEndsOn());
			return refusals.message("rollout.added", "" + b.getBatchYear(), label(b));
		});
	}

	@PostMapping("/rollout/years")
	@PreAuthorize(EDITORS)
	String addYear(@ModelAttribute BatchForm form, BindingResult binding, RedirectAttributes redirect) {
		return act(binding, redirect, () -> {
			if (form.getYear() == null) {
				throw Refusal.of("rollout.refused.yearRequired");
			}
			List<Batch> added = editor.addYear(form.getYear());
			return refusals.message("rollout.yearAdded", "" + form.getYear(), "" + added.size());
		});
	}

	/** a squad's own start, earlier than its batch; an empty date removes it. */
	@PostMapping("/rollout/units/{id}/start")
	@PreAuthorize(EDITORS)
	String ownStart(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return refusals.act("/rollout", redirect, () -> {
			ownStarts.set(id, startsOn, reason, CurrentUser.get().username());
			return refusals.message(startsOn == null ? "rollout.own.removed" : "rollout.own.saved");
		});
	}

	/** A form whose date or year did not even convert says which field; anything else is the one {@link Refusals#act}. */
	private String act(BindingResult binding, RedirectAttributes redirect, Supplier<String> change) {
		if (binding.hasErrors()) {
			String field = binding.getFieldError() == null ? "" : binding.getFieldError().getField();
			redirect.addFlashAttribute("flashError", refusals.message("rollout.badInput", refusals.message("rollout.field." + field)));
			return "redirect:/rollout";
		}
		return refusals.act("/rollout", redirect, change);
	}

	private String label(Batch b) {
		return refusals.message("rollout.unitType." + b.getUnitType().name());
	}


}
