package cn.wucheng.cq.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.CurrentUser;

/** 修改密码: every signed-in user, and the first page of anyone whose password was generated. */
@Controller
@RequestMapping(PasswordChangeFilter.CHANGE_URL)
@PreAuthorize("isAuthenticated()")
class PasswordController {

	/** The same repository Spring Security uses by default, so the updated principal is kept in the session. */
	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final AccountService accounts;

	private final AccountDetailsService details;

	private final MessageSource messages;

	PasswordController(AccountService accounts, AccountDetailsService details, MessageSource messages) {
		this.accounts = accounts;
		this.details = details;
		this.messages = messages;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", new PasswordForm());
		return page(model);
	}

	@PostMapping
	String change(@ModelAttribute("form") PasswordForm form, BindingResult errors, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		String username = CurrentUser.get().username();
		if (!accounts.changeOwnPassword(username, form, errors)) {
			form.setCurrentPassword(null);
			form.setNewPassword(null);
			form.setRepeatPassword(null);
			return page(model);
		}
		// The session's principal still says "must change": replace it so the filter lets the user through.
		AccountPrincipal fresh = details.load(username).orElseThrow();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		redirect.addFlashAttribute("flashSuccess",
				messages.getMessage("account.password.changed", null, LocaleContextHolder.getLocale()));
		return "redirect:/";
	}

	private static String page(Model model) {
		Object principal = SecurityContextHolder.getContext().getAuthentication().getPrincipal();
		model.addAttribute("mustChange", principal instanceof AccountPrincipal p && p.mustChangePassword());
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "account/password";
	}

}
