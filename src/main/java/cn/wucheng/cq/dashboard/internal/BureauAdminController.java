package cn.wucheng.cq.dashboard.internal;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.bureau.Bureau;
import cn.wucheng.cq.bureau.BureauDirectory;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusals;

/**
 * 执法局管理 (issue 16): the province's legal office (省厅法制处) lists the installation's bureaus, opens one — with its
 * first security and system administrators, whose generated passwords are shown once — and renames one or moves it
 * to another city; a city's legal office (市局法制处) sees its city's bureaus, read only. Linked from the comparison
 * of bureaus. The list filters by city; an htmx request gets the list alone.
 */
@Controller
@RequestMapping("/region/bureaus/manage")
class BureauAdminController {

	private static final String LIST = "redirect:/region/bureaus/manage";

	private final BureauAdministration administration;

	private final RegionScope scope;

	private final BureauDirectory directory;

	private final Refusals refusals;

	BureauAdminController(BureauAdministration administration, RegionScope scope, BureauDirectory directory,
			Refusals refusals) {
		this.administration = administration;
		this.scope = scope;
		this.directory = directory;
		this.refusals = refusals;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('CITY_LEGAL','PROVINCE_LEGAL')")
	String list(@RequestParam(required = false) String city,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new BureauForm());
		}
		list(city, model);
		return htmx != null ? "region/bureaus :: list" : "region/bureaus";
	}

	@PostMapping
	@PreAuthorize("hasRole('PROVINCE_LEGAL')")
	String open(@ModelAttribute("form") BureauForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		var opened = administration.open(form, errors);
		if (opened.isEmpty()) {
			list(null, model);
			return "region/bureaus";
		}
		// the passwords live only in the flash attributes of the redirect: a reload shows them no more
		redirect.addFlashAttribute("opened", opened.get());
		redirect.addFlashAttribute("flashSuccess", refusals.message("region.bureaus.opened", opened.get().name()));
		return LIST;
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('PROVINCE_LEGAL')")
	String edit(@PathVariable long id, Model model) {
		Bureau bureau = administration.get(id);
		model.addAttribute("form", BureauForm.from(bureau));
		return editForm(bureau, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('PROVINCE_LEGAL')")
	String change(@PathVariable long id, @ModelAttribute("form") BureauForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Bureau bureau = administration.get(id);
		if (!administration.change(id, form, errors)) {
			return editForm(bureau, model);
		}
		redirect.addFlashAttribute("flashSuccess", refusals.message("region.bureaus.changed", form.trimmedName()));
		return LIST;
	}

	private String editForm(Bureau bureau, Model model) {
		model.addAttribute("bureau", bureau);
		model.addAttribute("cities", directory.cities());
		return "region/bureau-edit";
	}

	/** The bureaus the account sees (a city's legal office: its city's), of one city if chosen. */
	private void list(String city, Model model) {
		List<Bureau> bureaus = scope.bureaus();
		String chosen = city == null || city.isBlank() ? null : city.strip();
		model.addAttribute("cities", bureaus.stream().map(Bureau::city).filter(c -> c != null && !c.isBlank())
			.distinct().sorted().toList());
		model.addAttribute("city", chosen);
		model.addAttribute("rows", administration
			.rows(chosen == null ? bureaus : bureaus.stream().filter(b -> chosen.equals(b.city())).toList()));
		model.addAttribute("opens", CurrentUser.get().role() == Role.PROVINCE_LEGAL);
	}

}
