package cn.wucheng.cq.organisation.internal;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.organisation.Person;
import cn.wucheng.cq.organisation.Post;
import cn.wucheng.cq.organisation.Sex;
import cn.wucheng.cq.organisation.StaffCategory;
import cn.wucheng.cq.organisation.UnitRepository;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.PersonalData;
import cn.wucheng.cq.shared.ListPage;
import cn.wucheng.cq.shared.PageSize;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * 人员. The list is paged and scoped (a squad's roles their unit, an officer only himself); the person page
 * shows details, unit history and links to his cases and points; 法制科 adds and edits people, a unit change taking
 * effect from a date (Person.transfer).
 */
@Controller
class PersonController {

	private final StaffRegister staff;

	private final UnitRepository units;

	private final Refusals refusals;

	private final PersonalData personalData;

	private final Clock clock;

	PersonController(StaffRegister staff, UnitRepository units, Refusals refusals, PersonalData personalData, Clock clock) {
		this.clock = clock;
		this.staff = staff;
		this.units = units;
		this.refusals = refusals;
		this.personalData = personalData;
	}

	/** One URL for the page and, for an htmx request, just the table (filters and paging swap only the table). */
	@GetMapping("/people")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')")
	String list(@ModelAttribute("filter") PeopleFilter filter, BindingResult binding,
			@RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("people",
				staff.page(user, filter, LocalDate.now(clock), PageSize.of(request, response, StaffRegister.PAGE_SIZE)));
		model.addAttribute("pageBase", ListPage.linkBase("/people", request.getParameterMap()));
		model.addAttribute("units", user.readsAll() ? units.findAllByOrderByTypeAscNameAsc()
				: units.findAllById(user.unitFilter().stream().toList()));
		model.addAttribute("categories", StaffCategory.values());
		model.addAttribute("posts", Post.values());
		response.addHeader("Vary", "HX-Request");
		return htmx != null && historyRestore == null ? "organisation/people :: table" : "organisation/people";
	}

	@GetMapping("/people/{id}")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')")
	String show(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		StaffRegister.PersonDetails details = staff.details(id, user, LocalDate.now(clock)).orElseThrow(NotFound::new);
		model.addAttribute("p", details.row());
		model.addAttribute("details", details);
		// 个人信息保护: birth date and phone masked, except for the person himself; the legal section unmasks them by
		// an audited action (POST below), whose result comes back once as a flash attribute.
		Person person = details.person();
		PersonalData.Unmasked unmasked = model.getAttribute("unmasked") instanceof PersonalData.Unmasked u
				&& u.personId() == id ? u : null;
		model.addAttribute("unmasked", unmasked);
		model.addAttribute("phone",
				unmasked != null ? unmasked.phone() : personalData.phoneOnPage(id, person.getPhone()));
		model.addAttribute("birthDate",
				unmasked != null ? unmasked.birthDate() : personalData.birthDateOnPage(id, person.getBirthDate()));
		model.addAttribute("mayUnmask", unmasked == null && personalData.mayUnmask(id)
				&& (person.getPhone() != null || person.getBirthDate() != null));
		return "organisation/person";
	}

	/** 显示完整信息: the legal section sees one person's full phone and birth date once; audited (who, whose, when). */
	@PostMapping("/people/{id}/personal-data")
	@PreAuthorize("hasRole('LEGAL')")
	String unmask(@PathVariable long id, RedirectAttributes redirect) {
		Person person = staff.details(id, CurrentUser.get(), LocalDate.now(clock)).orElseThrow(NotFound::new).person();
		redirect.addFlashAttribute("unmasked",
				personalData.unmask(id, person.getEmployeeNo(), person.getPhone(), person.getBirthDate()));
		return "redirect:/people/" + id;
	}

	@GetMapping("/people/new")
	@PreAuthorize("hasRole('LEGAL')")
	String newForm(Model model) {
		model.addAttribute("form", new PersonForm());
		return form(model, null);
	}

	@PostMapping("/people/new")
	@PreAuthorize("hasRole('LEGAL')")
	String add(@ModelAttribute("form") PersonForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		form.validate(result, true, LocalDate.now(clock));
		if (!result.hasErrors()) {
			try {
				Person p = staff.add(form);
				redirect.addFlashAttribute("flashSuccess", refusals.message("person.saved", p.getEmployeeNo(), p.getName()));
				return "redirect:/people/" + p.getId();
			}
			catch (Refusal r) {
				r.reportTo(result);
			}
		}
		return form(model, null);
	}

	@GetMapping("/people/{id}/edit")
	@PreAuthorize("hasRole('LEGAL')")
	String editForm(@PathVariable long id, Model model) {
		Person person = staff.find(id).orElseThrow(NotFound::new);
		model.addAttribute("form", PersonForm.of(person));
		return form(model, person);
	}

	@PostMapping("/people/{id}/edit")
	@PreAuthorize("hasRole('LEGAL')")
	String edit(@PathVariable long id, @ModelAttribute("form") PersonForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Person person = staff.find(id).orElseThrow(NotFound::new);
		form.setEmployeeNo(person.getEmployeeNo()); // the key is not editable
		form.validate(result, false, LocalDate.now(clock));
		if (!result.hasErrors()) {
			try {
				Person p = staff.edit(id, form);
				redirect.addFlashAttribute("flashSuccess", refusals.message("person.saved", p.getEmployeeNo(), p.getName()));
				return "redirect:/people/" + id;
			}
			catch (Refusal r) {
				r.reportTo(result);
			}
		}
		return form(model, person);
	}

	private String form(Model model, Person person) {
		model.addAttribute("personId", person == null ? null : person.getId());
		model.addAttribute("currentUnitId", person == null ? null : person.getUnitId());
		model.addAttribute("units", units.findAllByOrderByTypeAscNameAsc());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("categories", StaffCategory.values());
		model.addAttribute("posts", Post.values());
		return "organisation/person-form";
	}


}
