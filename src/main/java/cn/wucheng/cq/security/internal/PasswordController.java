package cn.wucheng.cq.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
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
import cn.wucheng.cq.security.Role;

/** 修改密码: every signed-in user, and the first page of anyone whose password was generated. */
@Controller
@RequestMapping(SignInStepsFilter.CHANGE_URL)
@PreAuthorize("isAuthenticated()")
class PasswordController {

	private final AccountService accounts;

	private final AccountDetailsService details;

	private final MessageSource messages;

	private final SessionTerminator sessions;

	private final SecurityProperties properties;

	PasswordController(AccountService accounts, AccountDetailsService details, MessageSource messages,
			SessionTerminator sessions, SecurityProperties properties) {
		this.properties = properties;
		this.accounts = accounts;
		this.details = details;
		this.messages = messages;
		this.sessions = sessions;
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
		// The session's principal still says "must change": replace it so the filter lets the user through (with the
		// second factor this session has verified).
		AccountPrincipal fresh = details.load(username).orElseThrow();
		SignedInContext.replace(SignedInContext.current().secondFactorPending() ? fresh : fresh.withSecondFactorVerified(),
				request, response);
		// Whoever else is signed in with the old password is signed out (ASVS 7.4).
		sessions.endAllBut(username, request.getSession().getId());
		redirect.addFlashAttribute("flashSuccess",
				messages.getMessage("account.password.changed", null, LocaleContextHolder.getLocale()));
		// an integration account has no home page: it stays on this page, which shows the message
		return CurrentUser.get().role() == Role.INTEGRATION ? "redirect:/account/password" : "redirect:/";
	}

	private String page(Model model) {
		Object principal = SecurityContextHolder.getContext().getAuthentication().getPrincipal();
		boolean expired = principal instanceof AccountPrincipal p && p.passwordExpired();
		model.addAttribute("mustChange", !expired && principal instanceof AccountPrincipal p && p.mustChangePassword());
		model.addAttribute("expired", expired);
		model.addAttribute("expiryDays", properties.passwordExpiryDays());
		model.addAttribute("history", Math.max(1, properties.passwordHistory()));
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "account/password";
	}

}
