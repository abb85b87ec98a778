package cn.wucheng.cq.reviews.internal;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;

import cn.wucheng.cq.reviews.DeductionItem;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * The deduction catalogue page (评查扣分项, R-21): LEGAL adds and edits items (text, points, in use); SUPERVISION and
 * LEADER read the list. A stale edit is refused with a message, never silently overwritten.
 */
@Controller
class DeductionItemsController {

	private final DeductionCatalogue catalogue;

	private final Refusals refusals;

	DeductionItemsController(DeductionCatalogue catalogue, Refusals refusals) {
		this.catalogue = catalogue;
		this.refusals = refusals;
	}

	@GetMapping("/deduction-items")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER')")
	String list(Model model) {
		model.addAttribute("items", catalogue.all());
		return "reviews/deduction-items";
	}

	@GetMapping("/deduction-items/new")
	@PreAuthorize("hasRole('LEGAL')")
	String addForm(Model model) {
		model.addAttribute("deductionItemForm", new DeductionItemForm());
		return "reviews/deduction-item-form";
	}

	@PostMapping("/deduction-items")
	@PreAuthorize("hasRole('LEGAL')")
	String add(@Validated({ Default.class, DeductionItemForm.New.class }) @ModelAttribute("deductionItemForm") DeductionItemForm form, BindingResult errors,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return "reviews/deduction-item-form";
		}
		try {
			DeductionItem item = catalogue.add(form.getCode(), form.getText(), form.getPoints(), form.isActive());
			redirect.addFlashAttribute("flashSuccess", refusals.message("deductionItems.added", item.getCode()));
			return "redirect:/deduction-items";
		}
		catch (Refusal e) {
			if (e.field() != null) {
				e.reportTo(errors); // a code already taken, beside its field
			}
			else {
				errors.reject("deductionItems.error.invalid", new Object[] { refusals.text(e) }, null);
			}
			return "reviews/deduction-item-form";
		}
	}

	@GetMapping("/deduction-items/{id}/edit")
	@PreAuthorize("hasRole('LEGAL')")
	String editForm(@PathVariable long id, Model model) {
		DeductionItem item = catalogue.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("deductionItemForm", DeductionItemForm.of(item));
		model.addAttribute("itemId", id);
		return "reviews/deduction-item-form";
	}

	@PostMapping("/deduction-items/{id}")
	@PreAuthorize("hasRole('LEGAL')")
	String edit(@PathVariable long id, @Valid @ModelAttribute("deductionItemForm") DeductionItemForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		DeductionItem current = catalogue.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("itemId", id);
		form.setCode(current.getCode()); // the code is the key: never changed by an edit
		if (errors.hasErrors()) {
			return "reviews/deduction-item-form";
		}
		try {
			catalogue.change(id, form.getVersion(), form.getText(), form.getPoints(), form.isActive());
			redirect.addFlashAttribute("flashSuccess", refusals.message("deductionItems.saved", current.getCode()));
			return "redirect:/deduction-items";
		}
		catch (OptimisticLockingFailureException e) {
			DeductionItem latest = catalogue.find(id).orElseThrow();
			errors.reject("deductionItems.error.conflict",
					new Object[] { latest.getText(), latest.getPoints().stripTrailingZeros().toPlainString() }, null);
			return "reviews/deduction-item-form";
		}
		catch (Refusal e) {
			errors.reject("deductionItems.error.invalid", new Object[] { refusals.text(e) }, null);
			return "reviews/deduction-item-form";
		}
	}

}
