package cn.wucheng.cq.training.internal;

import jakarta.validation.Valid;

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

import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * External training (外部培训, R-62) {@code /training/external?year=}: the legal section enters one record by hand
 * (audited) or removes one entered by mistake; lists come in through the 培训学时 import. Officers see theirs on the
 * hours page, each with its source.
 */
@Controller
class ExternalTrainingController {

	private final ExternalTrainingService external;

	private final TrainingPages pages;

	private final Refusals refusals;

	ExternalTrainingController(ExternalTrainingService external, TrainingPages pages, Refusals refusals) {
		this.external = external;
		this.pages = pages;
		this.refusals = refusals;
	}

	@GetMapping("/training/external")
	@PreAuthorize(TrainingPages.LEGAL)
	String list(@RequestParam(required = false) String year, Model model) {
		if (!model.containsAttribute("externalForm")) {
			model.addAttribute("externalForm", new ExternalTrainingForm());
		}
		fill(pages.year(year, model), model);
		return "training/external";
	}

	@PostMapping("/training/external")
	@PreAuthorize(TrainingPages.LEGAL)
	String create(@Valid @ModelAttribute("externalForm") ExternalTrainingForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				external.create(form.toEntry());
				redirect.addFlashAttribute("flashSuccess",
						refusals.message("training.external.saved", form.getEmployeeNo().strip(), form.getTitle().strip()));
				return "redirect:/training/external?year=" + form.getTrainedOn().getYear();
			}
			catch (Refusal e) {
				e.reportTo(errors);
			}
		}
		model.addAttribute("formError", refusals.message("training.form.invalid"));
		fill(form.getTrainedOn() == null ? pages.today().getYear() : form.getTrainedOn().getYear(), model);
		return "training/external";
	}

	@PostMapping("/training/external/{id}/delete")
	@PreAuthorize(TrainingPages.LEGAL)
	String delete(@PathVariable long id, @RequestParam(required = false) String year,
			@RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
		// issue 13 item 7: the record and its hours are gone — only from the second step that says so (without script)
		if (confirmed) {
			external.delete(id);
			redirect.addFlashAttribute("flashSuccess", refusals.message("training.external.deleted"));
		}
		else {
			redirect.addFlashAttribute("flashError", refusals.message("training.confirmMissing"));
		}
		return "redirect:/training/external" + (year == null ? "" : "?year=" + pages.year(year, null));
	}

	private void fill(int year, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("years", pages.years(year));
		model.addAttribute("records", external.list(year));
	}

}
