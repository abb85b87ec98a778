package cn.wucheng.cq.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.shared.Refusals;

/**
 * 两步验证 (TOTP): right after the password, one of the three administrators without a second factor enrols one here
 * (scan the QR code or type the secret into an authenticator app, then confirm a code), and anyone with one types
 * the current code. Other users may enrol voluntarily. The secret is shown only while enrolling, never again.
 */
@Controller
@RequestMapping(SignInStepsFilter.SECOND_FACTOR_URL)
@PreAuthorize("isAuthenticated()")
class SecondFactorController {

	/** The secret being enrolled, kept in the session until a code of it is confirmed. */
	static final String ENROLLING = SecondFactorController.class.getName() + ".secret";

	private final SecondFactorService factors;

	private final LoginAttempts attempts;

	private final AccountDetailsService details;

	private final Refusals refusals;

	private final SignInFailureHandler failures;

	SecondFactorController(SecondFactorService factors, LoginAttempts attempts, AccountDetailsService details,
			Refusals refusals, SignInFailureHandler failures) {
		this.failures = failures;
		this.factors = factors;
		this.attempts = attempts;
		this.details = details;
		this.refusals = refusals;
	}

	@GetMapping
	String page(HttpSession session, Model model) {
		AccountPrincipal me = SignedInContext.current();
		if (factors.enrolled(me.getUsername())) {
			session.removeAttribute(ENROLLING);
			model.addAttribute("mode", me.secondFactorPending() ? "verify" : "enrolled");
			return "account/totp";
		}
		byte[] secret = (byte[]) session.getAttribute(ENROLLING);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(ENROLLING, secret); // a reload shows the same secret
		}
		String uri = Totp.uri(refusals.message("app.shortName"), me.getUsername(), secret);
		model.addAttribute("mode", "enrol");
		model.addAttribute("required", me.getCurrentUser().role().administrative());
		model.addAttribute("secret", Totp.base32(secret).replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("uri", uri);
		model.addAttribute("qr", QrCodes.svgDataUri(uri));
		return "account/totp";
	}

	/**
	 * The code at sign-in. Wrong codes count towards the account lock; once locked, the session ends and the login
	 * page says until when. A code already used is no failure (see {@link SecondFactorService.Check#ALREADY_USED}).
	 */
	@PostMapping
	String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		AccountPrincipal me = SignedInContext.current();
		if (!me.secondFactorPending()) {
			return "redirect:/";
		}
		if (!factors.enrolled(me.getUsername())) {
			return "redirect:" + SignInStepsFilter.SECOND_FACTOR_URL; // an administrator has to enrol first
		}
		switch (factors.verify(me.getUsername(), code)) {
			case ALREADY_USED -> {
				// no failed attempt: the user has the app, he only has to wait for its next code
				redirect.addFlashAttribute("flashError", refusals.message("account.secondFactor.codeUsed"));
				return "redirect:" + SignInStepsFilter.SECOND_FACTOR_URL;
			}
			case WRONG -> {
				if (attempts.secondFactorFailed(me.getUsername())) {
					signOut(request);
					// saved in a new session, which the login page reads
					redirect.addFlashAttribute(SignInFailureHandler.PROBLEM, failures.problem(me.getUsername()));
					return "redirect:/login?error";
				}
				redirect.addFlashAttribute("flashError", refusals.message("account.secondFactor.wrongCode",
						attempts.standing(me.getUsername()).map(LoginAttempts.Standing::triesLeft).orElse(0)));
				return "redirect:" + SignInStepsFilter.SECOND_FACTOR_URL;
			}
			case ACCEPTED -> {
			}
		}
		attempts.secondFactorPassed(me.getUsername());
		SignedInContext.replace(me.withSecondFactorVerified(), request, response);
		return "redirect:/";
	}

	/** Confirms the enrolment with a code of the new secret. */
	@PostMapping("/enrol")
	String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		AccountPrincipal me = SignedInContext.current();
		HttpSession session = request.getSession();
		byte[] secret = (byte[]) session.getAttribute(ENROLLING);
		if (secret == null || !factors.enrol(me.getUsername(), secret, code)) {
			redirect.addFlashAttribute("flashError", refusals.message("account.secondFactor.wrongEnrolCode"));
			return "redirect:" + SignInStepsFilter.SECOND_FACTOR_URL;
		}
		session.removeAttribute(ENROLLING);
		attempts.secondFactorPassed(me.getUsername());
		AccountPrincipal fresh = details.load(me.getUsername()).orElseThrow().withSecondFactorVerified();
		SignedInContext.replace(fresh, request, response);
		redirect.addFlashAttribute("flashSuccess", refusals.message("account.secondFactor.enrolled"));
		return "redirect:/";
	}

	private static void signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}


}
