package cn.wucheng.cq.reviews.internal.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.reviews.internal.ReviewPages;
import cn.wucheng.cq.shared.NotFoundException;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.shared.Refusal;

/**
 * The evaluation standard page (评查标准, R-43): 法制科 adds and edits items; SUPERVISION and LEADER read it. A stale
 * edit is refused with a message, never silently overwritten.
 */
@Controller
class EvaluationItemsController {

	private final EvaluationStandard standard;

	private final Refusals refusals;

	EvaluationItemsController(EvaluationStandard standard, Refusals refusals) {
		this.refusals = refusals;
		this.standard = standard;
	}

	@GetMapping("/evaluation-items")
	@PreAuthorize(ReviewPages.ORGANISERS)
	String list(Model model) {
		model.addAttribute("items", standard.all());
		return "reviews/evaluation-items";
	}

	@GetMapping("/evaluation-items/new")
	@PreAuthorize("hasRole('LEGAL')")
	String addForm(Model model) {
		model.addAttribute("evaluationItemForm", new EvaluationItemForm());
		return "reviews/evaluation-item-form";
	}

	@PostMapping("/evaluation-items")
	@PreAuthorize("hasRole('LEGAL')")
	String add(@Validated({ Default.class, EvaluationItemForm.New.class }) @ModelAttribute("evaluationItemForm") EvaluationItemForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return "reviews/evaluation-item-form";
		}
		try {
			EvaluationItem item = standard.add(form.getCode(), form.getText(), form.getPoints(), form.isVeto(),
					form.isActive(), form.getSortOrder());
			redirect.addFlashAttribute("flashSuccess", refusals.message("evaluationItems.added", item.getCode()));
			return "redirect:/evaluation-items";
		}
		catch (Refusal e) {
			model.addAttribute("formError", refusals.text(e));
			return "reviews/evaluation-item-form";
		}
	}

	@GetMapping("/evaluation-items/{id}/edit")
	@PreAuthorize("hasRole('LEGAL')")
	String editForm(@PathVariable long id, Model model) {
		EvaluationItem item = standard.find(id).orElseThrow(NotFoundException::new);
		model.addAttribute("evaluationItemForm", EvaluationItemForm.of(item));
		model.addAttribute("itemId", id);
		return "reviews/evaluation-item-form";
	}

	@PostMapping("/evaluation-items/{id}")
	@PreAuthorize("hasRole('LEGAL')")
	String edit(@PathVariable long id, @Valid @ModelAttribute("evaluationItemForm") EvaluationItemForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		EvaluationItem current = standard.find(id).orElseThrow(NotFoundException::new);
		model.addAttribute("itemId", id);
		form.setCode(current.getCode());
		if (errors.hasErrors()) {
			return "reviews/evaluation-item-form";
		}
		try {
			standard.change(id, form.getVersion(), form.getText(), form.getPoints(), form.isVeto(), form.isActive(),
					form.getSortOrder());
			redirect.addFlashAttribute("flashSuccess", refusals.message("evaluationItems.saved", current.getCode()));
			return "redirect:/evaluation-items";
		}
		catch (OptimisticLockingFailureException e) {
			model.addAttribute("formError", refusals.message("evaluationItems.stale"));
			return "reviews/evaluation-item-form";
		}
		catch (Refusal e) {
			model.addAttribute("formError", refusals.text(e));
			return "reviews/evaluation-item-form";
		}
	}

}
