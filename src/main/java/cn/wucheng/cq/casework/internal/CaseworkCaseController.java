package cn.wucheng.cq.casework.internal;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.cases.CaseFile;
import cn.wucheng.cq.organisation.DomainRepository;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import jakarta.validation.Valid;

/**
 * 中队长指派制 and the simple-case review of one case: the squad leader registers a case with its
 * two handlers ({@code /casework/squads/{id}/cases/new}) or re-assigns them on the case page
 * ({@code /casework/cases/{id}}) with a reason; the squad's legal officer records the checklist of attachment 2 there.
 * Refusals come back on the form, each naming its field.
 */
@Controller
class CaseworkCaseController {

	private final Assignments assignments;

	private final SimpleCases simpleCases;

	private final SquadCases squads;

	private final DomainRepository domains;

	private final CaseworkPages pages;

	private final Refusals refusals;

	private final SquadOpinions opinions;

	CaseworkCaseController(Assignments assignments, SimpleCases simpleCases, SquadCases squads,
			DomainRepository domains, CaseworkPages pages, Refusals refusals, SquadOpinions opinions) {
		this.refusals = refusals;
		this.opinions = opinions;
		this.assignments = assignments;
		this.simpleCases = simpleCases;
		this.squads = squads;
		this.domains = domains;
		this.pages = pages;
	}

	@GetMapping("/casework/squads/{unitId}/cases/new")
	@PreAuthorize(CaseworkScope.SQUAD_LEADER)
	String newCase(@PathVariable long unitId, Model model) {
		CaseworkScope.requireOwn(unitId, Role.SQUAD_LEADER, "squad");
		RegistrationForm form = new RegistrationForm();
		form.setFiledOn(pages.today());
		form.setCategory(CaseCategory.SIMPLE);
		model.addAttribute("form", form);
		return registrationPage(unitId, model);
	}

	@PostMapping("/casework/squads/{unitId}/cases")
	@PreAuthorize(CaseworkScope.SQUAD_LEADER)
	String register(@PathVariable long unitId, @Valid @ModelAttribute("form") RegistrationForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		CaseworkScope.requireOwn(unitId, Role.SQUAD_LEADER, "squad");
		if (!errors.hasErrors()) {
			try {
				CaseFile saved = assignments.register(unitId, form.toRegistration());
				redirect.addFlashAttribute("flashSuccess", refusals.message("casework.registered", saved.getCaseNo()));
				return "redirect:/casework/cases/" + saved.getId();
			}
			catch (Refusal e) {
				if (e.field() == null) {
					throw e;
				}
				e.reportTo(errors);
			}
		}
		model.addAttribute("formError", refusals.message("casework.form.invalid"));
		return registrationPage(unitId, model);
	}

	private String registrationPage(long unitId, Model model) {
		model.addAttribute("squad", squads.squad(unitId));
		model.addAttribute("officers", assignments.formalOfficers(unitId));
		model.addAttribute("auxiliaries", assignments.auxiliaries(unitId));
		model.addAttribute("domains", domains.findAllByOrderBySortOrderAscNameAsc());
		model.addAttribute("categories", CaseCategory.values());
		model.addAttribute("sources", SOURCES);
		model.addAttribute("roadside", CaseFile.ROADSIDE);
		return "casework/register";
	}

	/** 案件来源 as in IMPORT.md; 路面查处 allows auxiliary staff present at the discovery. */
	static final java.util.List<String> SOURCES = CaseworkVocabulary.SOURCES;

	@GetMapping("/casework/cases/{id}")
	@PreAuthorize(CaseworkScope.READERS)
	String show(@PathVariable long id, Model model) {
		Assignments.CaseView c = assignments.view(id);
		if (!model.containsAttribute("assignmentForm")) {
			model.addAttribute("assignmentForm", AssignmentForm.of(c, assignments.discoveryStaff(id)));
		}
		if (!model.containsAttribute("reviewForm")) {
			model.addAttribute("reviewForm", ReviewForm.of(c, simpleCases.review(id)));
		}
		return casePage(c, model);
	}

	@PostMapping("/casework/cases/{id}/assignment")
	@PreAuthorize(CaseworkScope.SQUAD_LEADER)
	String assign(@PathVariable long id, @ModelAttribute("assignmentForm") AssignmentForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Assignments.CaseView c = assignments.view(id);
		CaseworkScope.requireOwn(c.unitId(), Role.SQUAD_LEADER, "case");
		try {
			assignments.reassign(id, form.toChange());
			redirect.addFlashAttribute("flashSuccess", refusals.message("casework.reassigned", c.caseNo()));
			return "redirect:/casework/cases/" + id;
		}
		catch (Refusal e) {
			if (e.field() == null) {
				throw e;
			}
			e.reportTo(errors);
			model.addAttribute("assignmentError", refusals.text(e));
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("flashError", refusals.message("casework.stale"));
			return "redirect:/casework/cases/" + id;
		}
		model.addAttribute("reviewForm", ReviewForm.of(c, simpleCases.review(id)));
		return casePage(c, model);
	}

	@PostMapping("/casework/cases/{id}/review")
	@PreAuthorize(CaseworkScope.SIMPLE_REVIEWER)
	String review(@PathVariable long id, @Valid @ModelAttribute("reviewForm") ReviewForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Assignments.CaseView c = assignments.view(id);
		if (errors.hasErrors()) {
			model.addAttribute("reviewError", refusals.message("casework.form.invalid"));
			model.addAttribute("assignmentForm", AssignmentForm.of(c, assignments.discoveryStaff(id)));
			return casePage(c, model);
		}
		return refusals.act("/casework/cases/" + id, redirect, () -> CaseworkPages.staleAsRefusal(() -> {
			SimpleReview saved = simpleCases.record(c, form.toChecklist(), form.getVersion());
			return saved.lateFor(c.caseDay())
					? refusals.message("casework.review.savedLate", c.caseNo(), saved.getReviewedOn(), c.caseDay())
					: refusals.message("casework.review.saved", c.caseNo());
		}));
	}

	private String casePage(Assignments.CaseView c, Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("c", c);
		model.addAttribute("reviewer", assignments.reviewer(c));
		// the squad reviewer's opinion, and whether the user is that reviewer
		model.addAttribute("opinion", opinions.of(c.id()).orElse(null));
		var target = opinions.target(c.id());
		model.addAttribute("opinionReviewer", target.map(SquadOpinions.Target::reviewerName).orElse(null));
		model.addAttribute("canWriteOpinion", target.map(SquadOpinions.Target::reviewerId)
			.filter(r -> r.equals(user.personId()))
			.isPresent());
		model.addAttribute("assignedHere", assignments.assignedHere(c.id()));
		model.addAttribute("history", assignments.history(c.id()));
		var staff = assignments.discoveryStaff(c.id());
		model.addAttribute("discoveryStaff", staff);
		model.addAttribute("discoveryNames",
				String.join("、", staff.stream().map(Assignments.PersonOption::name).toList()));
		boolean leader = user.role() == Role.SQUAD_LEADER;
		model.addAttribute("canAssign", leader);
		if (leader) {
			model.addAttribute("officers", assignments.formalOfficers(c.unitId()));
			model.addAttribute("auxiliaries", assignments.auxiliaries(c.unitId()));
		}
		var review = simpleCases.review(c.id());
		model.addAttribute("review", review.map(SimpleReview::checklist).orElse(null));
		model.addAttribute("reviewedOn", review.map(SimpleReview::getReviewedOn).orElse(null));
		model.addAttribute("reviewerName", review.map(SimpleReview::getReviewerName).orElse(null));
		model.addAttribute("reviewLate", review.map(r -> r.lateFor(c.caseDay())).orElse(false));
		boolean applies = simpleCases.applies(c.unitId(), c.caseDay());
		model.addAttribute("reviewApplies", applies);
		model.addAttribute("rolloutStart", simpleCases.rolloutStart(c.unitId()).orElse(null));
		model.addAttribute("reviewNote", review.map(r -> r.checklist().note()).orElse(null));
		// the legal officer never reviews a case he handled; the squad leader does when the legal officer did
		boolean reviewerRole = user.role() == Role.LEGAL_OFFICER || user.role() == Role.SQUAD_LEADER;
		var refusal = reviewerRole ? SimpleCases.reviewRefusal(user, c) : java.util.Optional.<String>empty();
		model.addAttribute("canReview", c.simple() && applies && reviewerRole && refusal.isEmpty());
		model.addAttribute("reviewRefusal", c.simple() && applies && user.role() == Role.LEGAL_OFFICER
				? refusal.map(k -> refusals.message(k, c.caseNo())).orElse(null) : null);
		return "casework/case";
	}

}
