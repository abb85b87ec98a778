package cn.wucheng.cq.organisation.internal;

import java.time.Clock;
import java.time.LocalDate;

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

import cn.wucheng.cq.organisation.DomainRepository;
import cn.wucheng.cq.organisation.Unit;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * 单位. Readers see the list (a squad's roles only their own unit) and a unit's page with its people;
 * 法制科 adds and edits units and their managed domains.
 */
@Controller
class UnitController {

	private final UnitDirectory directory;

	private final StaffRegister staff;

	private final DomainRepository domains;

	private final Refusals refusals;

	private final Clock clock;

	UnitController(UnitDirectory directory, StaffRegister staff, DomainRepository domains, Refusals refusals, Clock clock) {
		this.clock = clock;
		this.directory = directory;
		this.staff = staff;
		this.domains = domains;
		this.refusals = refusals;
	}

	@GetMapping("/units")
	@PreAuthorize(DomainController.READERS)
	String list(@RequestParam(required = false) String name, @RequestParam(required = false) String type,
			Model model) {
		UnitType unitType = UnitType.fromLabel(type).orElse(null);
		model.addAttribute("units", directory.rows(CurrentUser.get(), name, unitType));
		model.addAttribute("name", name);
		model.addAttribute("type", unitType);
		model.addAttribute("types", UnitType.values());
		model.addAttribute("domainCount", domains.count());
		return "organisation/units";
	}

	@GetMapping("/units/{id}")
	@PreAuthorize(DomainController.READERS)
	String show(@PathVariable long id, Model model) {
		Unit unit = directory.visible(id, CurrentUser.get()).orElseThrow(NotFound::new);
		model.addAttribute("unit", unit);
		model.addAttribute("managed", directory.configuredDomains(unit));
		model.addAttribute("domainCount", domains.count());
		model.addAttribute("people", staff.members(id, LocalDate.now(clock)));
		model.addAttribute("caseCount", directory.caseCount(id));
		return "organisation/unit";
	}

	@GetMapping("/units/new")
	@PreAuthorize("hasRole('LEGAL')")
	String newForm(Model model) {
		model.addAttribute("form", new UnitForm());
		return form(model, null);
	}

	@PostMapping("/units/new")
	@PreAuthorize("hasRole('LEGAL')")
	String add(@ModelAttribute("form") UnitForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		form.validate(result);
		if (!result.hasErrors()) {
			try {
				Unit unit = directory.add(form);
				redirect.addFlashAttribute("flashSuccess", refusals.message("unit.saved", unit.getName()));
				return "redirect:/units/" + unit.getId();
			}
			catch (Refusal r) {
				r.reportTo(result);
			}
		}
		return form(model, null);
	}

	@GetMapping("/units/{id}/edit")
	@PreAuthorize("hasRole('LEGAL')")
	String editForm(@PathVariable long id, Model model) {
		Unit unit = directory.find(id).orElseThrow(NotFound::new);
		model.addAttribute("form", UnitForm.of(unit));
		return form(model, id);
	}

	@PostMapping("/units/{id}/edit")
	@PreAuthorize("hasRole('LEGAL')")
	String edit(@PathVariable long id, @ModelAttribute("form") UnitForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		directory.find(id).orElseThrow(NotFound::new);
		form.validate(result);
		if (!result.hasErrors()) {
			try {
				Unit unit = directory.edit(id, form);
				redirect.addFlashAttribute("flashSuccess", refusals.message("unit.saved", unit.getName()));
				return "redirect:/units/" + id;
			}
			catch (Refusal r) {
				r.reportTo(result);
			}
		}
		return form(model, id);
	}

	private String form(Model model, Long unitId) {
		model.addAttribute("unitId", unitId);
		model.addAttribute("types", UnitType.values());
		model.addAttribute("catalogue", domains.findAllByOrderBySortOrderAscNameAsc());
		return "organisation/unit-form";
	}


}
