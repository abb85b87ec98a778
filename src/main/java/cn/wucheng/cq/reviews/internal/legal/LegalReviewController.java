package cn.wucheng.cq.reviews.internal.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.reviews.ReviewRates;
import cn.wucheng.cq.reviews.internal.ReviewPages;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.ListPage;
import cn.wucheng.cq.shared.PageSize;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.shared.Refusal;

/**
 * Legal review pages (法制审核, R-42): the queue and lists of ordinary cases, a case's review page with its history
 * and — for 法制科 only — the review form and the resubmission after a 退卷; the review rate per unit and month with
 * its chart (R-71: cases before the rollout start are 未纳入). Squad roles read their own squad's outcomes.
 */
@Controller
class LegalReviewController {

	private final LegalReviews reviews;

	private final ReviewRates rates;

	private final ReviewPages pages;

	private final Refusals refusals;

	LegalReviewController(LegalReviews reviews, ReviewRates rates, ReviewPages pages, Refusals refusals) {
		this.refusals = refusals;
		this.reviews = reviews;
		this.rates = rates;
		this.pages = pages;
	}

	@GetMapping("/legal-reviews")
	@PreAuthorize(ReviewPages.READERS)
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String month, @RequestParam(required = false) Integer page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		CurrentUser user = CurrentUser.get();
		LegalReviewFilter filter = LegalReviewFilter.parse(state);
		YearMonth m = ReviewPages.month(month);
		ListPage<LegalReviews.Row> rows = reviews.list(filter, unit, m, ListPage.pageNumber(page),
				PageSize.of(request, response, LegalReviews.PAGE_SIZE), user);
		model.addAttribute("rows", rows);
		model.addAttribute("state", filter);
		model.addAttribute("states", LegalReviewFilter.values());
		model.addAttribute("unit", user.unitFilter().orElse(unit));
		model.addAttribute("month", m == null ? "" : m.toString());
		model.addAttribute("units", pages.units(user));
		model.addAttribute("base", ListPage.linkBase("/legal-reviews", request.getParameterMap()));
		queueActions(model);
		return htmx != null ? "reviews/legal-reviews :: list" : "reviews/legal-reviews";
	}

	/** What the queue's actions in place need (issue 13 item 5): only 法制科 acts; a 退卷 chooses its items. */
	private void queueActions(Model model) {
		boolean legal = CurrentUser.get().role() == cn.wucheng.cq.security.Role.LEGAL;
		model.addAttribute("canAct", legal);
		model.addAttribute("items", legal ? reviews.activeItems() : List.of());
		model.addAttribute("today", reviews.today());
	}

	/**
	 * The queue's row after 通过 or 退卷 in place (htmx, issue 13 item 5): the case's row in its new state with what
	 * happened, or with the refusal; the review itself is {@link LegalReviews#record}, as on the case page.
	 */
	private String queueRow(long caseId, String success, String error, Model model) {
		LegalReviews.Row row = reviews.row(caseId, CurrentUser.get());
		model.addAttribute("rows", new ListPage<>(List.of(row), 1, 1, 1));
		model.addAttribute("rowSuccess", success);
		model.addAttribute("rowError", error);
		queueActions(model);
		return "reviews/legal-reviews :: row";
	}

	/**
	 * Batch 通过 in the queue (issue 13 item 7, R-42): each ticked case through {@link LegalReviews#record} as the
	 * single 通过, each in its own transaction and audited; a refused one keeps its row with the refusal while the
	 * others pass. htmx: the page's rows again, each with what happened; without JS: back to the queue with a summary.
	 */
	@PostMapping("/legal-reviews/batch-pass")
	@PreAuthorize("hasRole('LEGAL')")
	String batchPass(@ModelAttribute BatchPassForm form,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.get();
		java.util.Map<Long, String> passed = new java.util.LinkedHashMap<>();
		java.util.Map<Long, String> refused = new java.util.LinkedHashMap<>();
		for (Long caseId : new java.util.LinkedHashSet<>(form.getCaseIds())) {
			try {
				LegalReview saved = reviews.record(caseId, form.getVersions().get(caseId),
						new LegalReviews.ReviewInput(reviews.today(), ReviewOutcome.PASSED, List.of(), null), user);
				ReviewRound last = saved.getRounds().get(saved.getRounds().size() - 1);
				passed.put(caseId, refusals.message("legalReview.recorded", last.roundNo(), last.outcome().label()));
			}
			catch (Refusal e) {
				if (e.status() == HttpStatus.NOT_FOUND) {
					throw e;
				}
				refused.put(caseId, refusals.text(e));
			}
			catch (OptimisticLockingFailureException e) {
				refused.put(caseId, refusals.message("legalReview.stale"));
			}
		}
		String summary = form.getCaseIds().isEmpty() ? refusals.message("legalReview.batch.none")
				: refusals.message("legalReview.batch.summary", passed.size(), refused.size());
		if (htmx == null) {
			redirect.addFlashAttribute(refused.isEmpty() && !passed.isEmpty() ? "flashSuccess" : "flashError",
					refused.isEmpty() ? summary : summary + " " + refused.entrySet()
						.stream()
						.map(e -> refusals.message("legalReview.batch.refusedCase", reviews.row(e.getKey(), user).caseNo(),
								e.getValue()))
						.collect(java.util.stream.Collectors.joining(" ")));
			return "redirect:/legal-reviews";
		}
		List<Long> shown = form.getShown().isEmpty() ? form.getCaseIds() : form.getShown();
		List<LegalReviews.Row> rows = shown.stream().distinct().map(id -> reviews.row(id, user)).toList();
		model.addAttribute("rows", new ListPage<>(rows, 1, Math.max(1, rows.size()), rows.size()));
		model.addAttribute("rowSuccesses", passed);
		model.addAttribute("rowErrors", refused);
		model.addAttribute("batchSummary", summary);
		queueActions(model);
		return "reviews/legal-reviews :: rows";
	}

	@GetMapping("/legal-reviews/cases/{caseId}")
	@PreAuthorize(ReviewPages.READERS)
	String review(@PathVariable long caseId, Model model) {
		if (!model.containsAttribute("reviewForm")) {
			ReviewForm form = new ReviewForm();
			form.setReviewedOn(reviews.today());
			model.addAttribute("reviewForm", form);
		}
		fill(caseId, model);
		return "reviews/legal-review";
	}

	@PostMapping("/legal-reviews/cases/{caseId}")
	@PreAuthorize("hasRole('LEGAL')")
	String record(@PathVariable long caseId, @Valid @ModelAttribute("reviewForm") ReviewForm form,
			BindingResult errors, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				LegalReview saved = reviews.record(caseId, form.getVersion(), form.toInput(), CurrentUser.get());
				ReviewRound last = saved.getRounds().get(saved.getRounds().size() - 1);
				String done = refusals.message("legalReview.recorded", last.roundNo(), last.outcome().label());
				if (htmx != null) {
					return queueRow(caseId, done, null, model);
				}
				redirect.addFlashAttribute("flashSuccess", done);
				return "redirect:/legal-reviews/cases/" + caseId;
			}
			catch (Refusal e) {
				if (e.status() == HttpStatus.NOT_FOUND) {
					throw e;
				}
				model.addAttribute("formError", refusals.text(e));
			}
			catch (OptimisticLockingFailureException e) {
				model.addAttribute("formError", refusals.message("legalReview.stale"));
				form.setVersion(reviews.review(caseId).map(LegalReview::getVersion).orElse(null));
			}
		}
		else {
			model.addAttribute("formError", refusals.message("legalReview.invalid"));
		}
		if (htmx != null) {
			// in the row, the field's own message (the row has no field to mark), else the refusal
			String error = errors.hasErrors() ? errors.getAllErrors().get(0).getDefaultMessage()
					: (String) model.getAttribute("formError");
			return queueRow(caseId, null, error, model);
		}
		fill(caseId, model);
		return "reviews/legal-review";
	}

	@PostMapping("/legal-reviews/cases/{caseId}/resubmit")
	@PreAuthorize("hasRole('LEGAL')")
	String resubmit(@PathVariable long caseId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate resubmittedOn,
			RedirectAttributes redirect) {
		return refusals.act("/legal-reviews/cases/" + caseId, redirect, () -> {
			try {
				reviews.resubmit(caseId, version, resubmittedOn, CurrentUser.get());
			}
			catch (OptimisticLockingFailureException e) {
				throw Refusal.of("legalReview.stale").withStatus(HttpStatus.CONFLICT);
			}
			return refusals.message("legalReview.resubmitted");
		});
	}

	@GetMapping("/legal-reviews/rates")
	@PreAuthorize(ReviewPages.READERS)
	String rates(@RequestParam(required = false) Period period, @RequestParam(required = false) Long unit,
			Model model) {
		CurrentUser user = CurrentUser.get();
		Period p = period == null ? pages.defaultYear() : period;
		Optional<Long> scope = user.unitFilter().or(() -> Optional.ofNullable(unit));
		List<ReviewRates.Row> rows = rates.rates(p, scope);
		long concluded = rows.stream().mapToLong(ReviewRates.Row::concluded).sum();
		long reviewed = rows.stream().mapToLong(ReviewRates.Row::reviewed).sum();
		long excluded = rows.stream().mapToLong(ReviewRates.Row::excluded).sum();
		BigDecimal rate = ReviewRates.rate(reviewed, concluded);
		model.addAttribute("rows", rows);
		model.addAttribute("period", p);
		model.addAttribute("unit", scope.orElse(null));
		model.addAttribute("units", pages.units(user));
		model.addAttribute("totalConcluded", concluded);
		model.addAttribute("totalReviewed", reviewed);
		model.addAttribute("totalExcluded", excluded);
		model.addAttribute("totalRate", rate);
		return "reviews/review-rates";
	}

	private void fill(long caseId, Model model) {
		CurrentUser user = CurrentUser.get();
		LegalReviews.CaseInfo c = reviews.caseInfo(caseId, user);
		Optional<LegalReview> review = reviews.review(caseId);
		ReviewForm form = (ReviewForm) model.getAttribute("reviewForm");
		if (form != null && form.getVersion() == null && review.isPresent() && !model.containsAttribute("formError")) {
			form.setVersion(review.get().getVersion());
		}
		List<LegalReviews.Deduction> deductions = reviews.deductions(caseId);
		BigDecimal deducted = deductions.stream().map(LegalReviews.Deduction::points).reduce(BigDecimal.ZERO,
				BigDecimal::add);
		model.addAttribute("legalCase", c);
		model.addAttribute("review", review.orElse(null));
		model.addAttribute("rounds", review.map(LegalReview::getRounds).orElse(List.of()));
		model.addAttribute("deductions", deductions);
		model.addAttribute("deducted", deducted);
		model.addAttribute("items", reviews.activeItems());
		model.addAttribute("outcomes", ReviewOutcome.values());
		model.addAttribute("today", reviews.today());
		model.addAttribute("canReview", user.role() == cn.wucheng.cq.security.Role.LEGAL
				&& (review.isEmpty() || review.get().getStatus() == LegalReviewStatus.RESUBMITTED));
		model.addAttribute("canResubmit", user.role() == cn.wucheng.cq.security.Role.LEGAL && review.isPresent()
				&& review.get().getStatus() == LegalReviewStatus.RETURNED);
	}

}
