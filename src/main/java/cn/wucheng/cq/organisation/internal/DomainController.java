package cn.wucheng.cq.organisation.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.organisation.Domain;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/** 执法领域: everyone who reads organisation data sees the catalogue; only 法制科 changes it. */
@Controller
class DomainController {

	static final String READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER')";

	private final DomainCatalogue catalogue;

	private final Refusals refusals;

	DomainController(DomainCatalogue catalogue, Refusals refusals) {
		this.catalogue = catalogue;
		this.refusals = refusals;
	}

	@GetMapping("/domains")
	@PreAuthorize(READERS)
	String list(Model model) {
		model.addAttribute("domains", catalogue.rows(CurrentUser.get()));
		return "organisation/domains";
	}

	@GetMapping("/domains/new")
	@PreAuthorize("hasRole('LEGAL')")
	String newForm(Model model) {
		model.addAttribute("form", new DomainForm());
		return "organisation/domain-form";
	}

	@PostMapping("/domains/new")
	@PreAuthorize("hasRole('LEGAL')")
	String add(@ModelAttribute("form") DomainForm form, BindingResult result, RedirectAttributes redirect) {
		form.validate(result);
		if (!result.hasErrors()) {
			try {
				Domain d = catalogue.add(form);
				redirect.addFlashAttribute("flashSuccess", refusals.message("domain.saved", d.getName()));
				return "redirect:/domains";
			}
			catch (Refusal r) {
				r.reportTo(result);
			}
		}
		return "organisation/domain-form";
	}

	@GetMapping("/domains/{id}/edit")
	@PreAuthorize("hasRole('LEGAL')")
	String editForm(@PathVariable long id, Model model) {
		Domain domain = catalogue.find(id).orElseThrow(NotFound::new);
		model.addAttribute("domainId", id);
		model.addAttribute("form", DomainForm.of(domain));
		return "organisation/domain-form";
	}

	@PostMapping("/domains/{id}/edit")
	@PreAuthorize("hasRole('LEGAL')")
	String edit(@PathVariable long id, @ModelAttribute("form") DomainForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		catalogue.find(id).orElseThrow(NotFound::new);
		model.addAttribute("domainId", id);
		form.validate(result);
		if (!result.hasErrors()) {
			try {
				Domain d = catalogue.edit(id, form);
				redirect.addFlashAttribute("flashSuccess", refusals.message("domain.saved", d.getName()));
				return "redirect:/domains";
			}
			catch (Refusal r) {
				r.reportTo(result);
			}
		}
		return "organisation/domain-form";
	}


}
