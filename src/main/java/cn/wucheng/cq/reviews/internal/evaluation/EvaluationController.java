package cn.wucheng.cq.reviews.internal.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
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

import cn.wucheng.cq.reviews.EvaluationResults;
import cn.wucheng.cq.reviews.internal.ReviewPages;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.shared.Refusal;

/**
 * Case-file evaluation pages (案卷评查, R-43): rounds (法制科 opens them and assigns evaluators; 督查科 and 局领导 read),
 * an evaluator's own files and the scoring form, and the results by unit and month (squad roles: their own unit).
 */
@Controller
class EvaluationController {

	private final Evaluations evaluations;

	private final EvaluationResults results;

	private final ReviewPages pages;

	private final Refusals refusals;

	EvaluationController(Evaluations evaluations, EvaluationResults results, ReviewPages pages, Refusals refusals) {
		this.refusals = refusals;
		this.evaluations = evaluations;
		this.results = results;
		this.pages = pages;
	}

	@GetMapping("/evaluations/rounds")
	@PreAuthorize(ReviewPages.ORGANISERS)
	String rounds(Model model) {
		if (!model.containsAttribute("roundForm")) {
			RoundForm form = new RoundForm();
			form.setMonth(evaluations.today().minusMonths(1).toString().substring(0, 7));
			model.addAttribute("roundForm", form);
		}
		model.addAttribute("rounds", evaluations.rounds());
		model.addAttribute("kinds", RoundKind.values());
		return "reviews/evaluation-rounds";
	}

	@PostMapping("/evaluations/rounds")
	@PreAuthorize("hasRole('LEGAL')")
	String open(@Valid @ModelAttribute("roundForm") RoundForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				EvaluationRound r = evaluations.open(form.getKind(), ReviewPages.month(form.getMonth()),
						form.getPerSquad(), form.getSeed(), CurrentUser.get());
				redirect.addFlashAttribute("flashSuccess",
						refusals.message("evaluation.round.opened", r.getFiles().size(), Long.toString(r.getSeed())));
				return "redirect:/evaluations/rounds/" + r.getId();
			}
			catch (Refusal e) {
				model.addAttribute("formError", refusals.text(e));
			}
		}
		else {
			model.addAttribute("formError", refusals.message("evaluation.invalid"));
		}
		model.addAttribute("rounds", evaluations.rounds());
		model.addAttribute("kinds", RoundKind.values());
		return "reviews/evaluation-rounds";
	}

	@GetMapping("/evaluations/rounds/{id}")
	@PreAuthorize(ReviewPages.ORGANISERS)
	String round(@PathVariable long id, Model model) {
		EvaluationRound round = evaluations.round(id);
		model.addAttribute("round", round);
		model.addAttribute("files", evaluations.files(round, CurrentUser.get()));
		model.addAttribute("canAct", CurrentUser.get().role() == Role.LEGAL);
		return "reviews/evaluation-round";
	}

	@PostMapping("/evaluations/rounds/{id}/assign")
	@PreAuthorize("hasRole('LEGAL')")
	String assign(@PathVariable long id, @RequestParam long caseId, @RequestParam(required = false) String employeeNo,
			@RequestParam(required = false) String evaluatorName, RedirectAttributes redirect) {
		return refusals.act("/evaluations/rounds/" + id, redirect, () -> refusals.message("evaluation.assigned",
				evaluations.assign(id, caseId, employeeNo, evaluatorName, CurrentUser.get()).getEvaluatorName()));
	}

	@PostMapping("/evaluations/rounds/{id}/award")
	@PreAuthorize("hasRole('LEGAL')")
	String award(@PathVariable long id, @RequestParam long caseId, RedirectAttributes redirect) {
		return refusals.act("/evaluations/rounds/" + id, redirect, () -> {
			evaluations.award(id, caseId, CurrentUser.get());
			return refusals.message("evaluation.awarded");
		});
	}

	@GetMapping("/evaluations/mine")
	@PreAuthorize(ReviewPages.BUSINESS)
	String mine(Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("rows", evaluations.mine(user));
		model.addAttribute("noPerson", user.personId() == null);
		return "reviews/evaluations-mine";
	}

	@GetMapping("/evaluations/{id}")
	@PreAuthorize(ReviewPages.BUSINESS)
	String evaluation(@PathVariable long id, Model model) {
		fill(id, model);
		return "reviews/evaluation";
	}

	@PostMapping("/evaluations/{id}")
	@PreAuthorize(ReviewPages.BUSINESS)
	String submit(@PathVariable long id, @RequestParam(required = false) List<Long> itemIds,
			@RequestParam(required = false) String remark, @RequestParam(required = false) Integer version,
			Model model, RedirectAttributes redirect) {
		try {
			Evaluation e = evaluations.submit(id, version, itemIds, remark, CurrentUser.get());
			redirect.addFlashAttribute("flashSuccess",
					refusals.message("evaluation.submitted", e.getScore().toPlainString(), e.getGrade().label()));
			return "redirect:/evaluations/" + id;
		}
		catch (Refusal e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			model.addAttribute("formError", refusals.text(e));
		}
		catch (OptimisticLockingFailureException e) {
			model.addAttribute("formError", refusals.message("evaluation.stale"));
		}
		fill(id, model);
		model.addAttribute("checked", itemIds == null ? Set.of() : Set.copyOf(itemIds));
		model.addAttribute("remark", remark);
		return "reviews/evaluation";
	}

	@GetMapping("/evaluations/results")
	@PreAuthorize(ReviewPages.READERS)
	String results(@RequestParam(required = false) Period period, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) RoundKind kind, Model model) {
		CurrentUser user = CurrentUser.get();
		Period p = period == null ? pages.defaultYear() : period;
		Optional<Long> scope = user.unitFilter().or(() -> Optional.ofNullable(unit));
		model.addAttribute("rows", results.results(p, scope, Optional.ofNullable(kind).map(Enum::name)));
		model.addAttribute("period", p);
		model.addAttribute("unit", scope.orElse(null));
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", RoundKind.values());
		model.addAttribute("units", pages.units(user));
		return "reviews/evaluation-results";
	}

	private void fill(long id, Model model) {
		CurrentUser user = CurrentUser.get();
		Evaluation e = evaluations.evaluation(id, user);
		EvaluationRound round = evaluations.round(e.getRoundId());
		model.addAttribute("evaluation", e);
		model.addAttribute("round", round);
		model.addAttribute("file", evaluations.fileCase(e.getCaseId()));
		model.addAttribute("items", evaluations.standardItems());
		model.addAttribute("itemNames", evaluations.itemCodes());
		model.addAttribute("canScore", evaluations.canScore(e, round.getKind(), user));
		model.addAttribute("others", evaluations.others(e, user));
		model.addAttribute("othersHidden", !e.isSubmitted() && e.getEvaluatorPersonId() != null
				&& e.getEvaluatorPersonId().equals(user.personId()));
		if (!model.containsAttribute("checked")) {
			model.addAttribute("checked",
					e.getDeductions().stream().map(EvaluationDeduction::itemId).collect(Collectors.toSet()));
		}
	}

}
