package cn.wucheng.cq.security.internal;

import java.util.Arrays;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusals;

/**
 * 账号管理. 三员分立: the system administrator (ADMIN) creates accounts with business roles, enables/disables,
 * unlocks, resets passwords and opens accounts for officers; the security administrator (SECURITY_ADMIN) assigns
 * role, unit and person (any role, the administrative ones included) and resets second factors. Both see the list
 * and unlock locked accounts.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAnyRole('ADMIN','SECURITY_ADMIN')")
class AccountAdminController {

	private static final String USERS = "/admin/users";

	private static final String LIST = "redirect:" + USERS;

	private final AccountService accounts;

	private final SecondFactorService factors;

	private final Refusals refusals;

	AccountAdminController(AccountService accounts, SecondFactorService factors, Refusals refusals) {
		this.accounts = accounts;
		this.factors = factors;
		this.refusals = refusals;
	}

	/** Every role, for the list's filter and the security administrator's form. */
	@ModelAttribute("roles")
	List<Role> roles() {
		return Arrays.asList(Role.values());
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Page<Account> result = accounts.list(q, role, page);
		model.addAttribute("accounts", result);
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		return "admin/users/list";
	}

	@PreAuthorize("hasRole('ADMIN')")
	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new AccountForm());
		return form(model, null);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping
	String create(@ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		var issued = accounts.create(form, errors);
		if (issued.isEmpty()) {
			return form(model, null);
		}
		redirect.addFlashAttribute("issued", issued.get());
		redirect.addFlashAttribute("flashSuccess", refusals.message("admin.users.created", issued.get().username()));
		return LIST;
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Account account = accounts.get(id);
		model.addAttribute("form", AccountForm.from(account));
		return form(model, account);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Account account = accounts.get(id);
		try {
			if (!accounts.update(id, form, errors)) {
				form.setUsername(account.username());
				return form(model, account);
			}
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("flashError", refusals.message("error.conflict"));
			return "redirect:/admin/users/" + id + "/edit";
		}
		redirect.addFlashAttribute("flashSuccess", refusals.message("admin.users.updated", account.username()));
		return LIST;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		accounts.setEnabled(id, true);
		redirect.addFlashAttribute("flashSuccess", refusals.message("admin.users.enabled", accounts.get(id).username()));
		return LIST;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, @RequestParam(required = false) boolean confirmed,
			RedirectAttributes redirect) {
		// issue 13 item 7: the person can no longer sign in — only with the box ticked that says so (without script too)
		if (!confirmed) {
			redirect.addFlashAttribute("flashError", refusals.message("admin.users.confirmMissing"));
			return LIST;
		}
		return refusals.act(USERS, redirect, () -> {
			accounts.setEnabled(id, false);
			return refusals.message("admin.users.disabled", accounts.get(id).username());
		});
	}

	/**
	 * Both administrators unlock: the system administrator locked out at his first sign-in (issue 13) cannot unlock
	 * himself, and the login page tells a locked user to call the security administrator. Audited (ACCOUNT_UNLOCKED).
	 */
	@PreAuthorize("hasAnyRole('ADMIN','SECURITY_ADMIN')")
	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		accounts.unlock(id);
		redirect.addFlashAttribute("flashSuccess", refusals.message("admin.users.unlocked", accounts.get(id).username()));
		return LIST;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/{id}/reset-password")
	String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
		var issued = accounts.resetPassword(id);
		redirect.addFlashAttribute("issued", issued);
		redirect.addFlashAttribute("flashSuccess", refusals.message("admin.users.passwordReset", issued.username()));
		return LIST;
	}

	/** A lost phone: the user enrols a new second factor at his next sign-in. */
	@PreAuthorize("hasRole('SECURITY_ADMIN')")
	@PostMapping("/{id}/reset-totp")
	String resetSecondFactor(@PathVariable long id, RedirectAttributes redirect) {
		return refusals.act(USERS, redirect, () -> {
			accounts.resetSecondFactor(id, factors);
			return refusals.message("admin.users.secondFactorReset", accounts.get(id).username());
		});
	}

	/** 为人员开通账号; the initial passwords are shown once, on the page this redirects to. */
	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/provision")
	String provision(RedirectAttributes redirect) {
		AccountService.Provisioned result = accounts.provisionOfficers();
		redirect.addFlashAttribute("provisioned", result);
		redirect.addFlashAttribute("flashSuccess",
				refusals.message("admin.users.provisioned", result.created().size(), result.skipped()));
		return "redirect:/admin/users/provisioned";
	}

	@PreAuthorize("hasRole('ADMIN')")
	@GetMapping("/provisioned")
	String provisioned(Model model) {
		// The passwords live only in the flash attributes of the redirect: a reload finds none and goes back.
		return model.containsAttribute("provisioned") ? "admin/users/provisioned" : LIST;
	}

	/**
	 * The form: a new account offers the business roles only (the system administrator creates it); an existing
	 * one can change role, unit and person only for the security administrator, for the system administrator
	 * those fields are shown but locked.
	 */
	private String form(Model model, Account account) {
		boolean assignsRoles = CurrentUser.get().role() == Role.SECURITY_ADMIN;
		model.addAttribute("account", account);
		model.addAttribute("units", accounts.units());
		model.addAttribute("cities", accounts.cities());
		model.addAttribute("assignsRoles", assignsRoles);
		model.addAttribute("formRoles", account != null && assignsRoles ? Arrays.asList(Role.values())
				: account != null ? List.of(account.role()) : Role.business().stream().filter(r -> !r.regional()).toList());
		return "admin/users/form";
	}


}
