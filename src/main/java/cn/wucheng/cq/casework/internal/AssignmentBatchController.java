package cn.wucheng.cq.casework.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusals;

/**
 * The squad leader's assignment of new cases (中队长指派制, R-11; issue 13 item 5):
 * {@code /casework/squads/{id}/assignments} lists the squad's cases not yet assigned by him; each row is assigned in
 * place ({@code POST …/assignments/{caseId}}, htmx replaces the row), or several rows with one 主办/协办 pair
 * ({@code POST …/assignments}, htmx replaces the table). Without script each form posts and comes back by redirect
 * with a message (or the page re-shown with the refused rows).
 */
@Controller
class AssignmentBatchController {

	private final AssignmentBatches batches;

	private final Assignments assignments;

	private final SquadCases squads;

	private final CaseworkPages pages;

	private final Refusals refusals;

	AssignmentBatchController(AssignmentBatches batches, Assignments assignments, SquadCases squads,
			CaseworkPages pages, Refusals refusals) {
		this.refusals = refusals;
		this.batches = batches;
		this.assignments = assignments;
		this.squads = squads;
		this.pages = pages;
	}

	@GetMapping("/casework/squads/{unitId}/assignments")
	@PreAuthorize(CaseworkScope.SQUAD_LEADER)
	String page(@PathVariable long unitId, @RequestParam(required = false) BatchSpan span,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
			Model model) {
		CaseworkScope.requireOwn(unitId, Role.SQUAD_LEADER, "squad");
		BatchSpan.Window w = BatchSpan.Window.of(span, from, to, pages.today());
		fill(unitId, w, Map.of(), model);
		response.addHeader("Vary", "HX-Request");
		return htmx != null ? "casework/assign-batch :: table" : "casework/assign-batch";
	}

	@PostMapping("/casework/squads/{unitId}/assignments/{caseId}")
	@PreAuthorize(CaseworkScope.SQUAD_LEADER)
	String assignOne(@PathVariable long unitId, @PathVariable long caseId,
			@RequestParam(required = false) Long leadId, @RequestParam(required = false) Long coId,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) BatchSpan span,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		CaseworkScope.requireOwn(unitId, Role.SQUAD_LEADER, "squad");
		ReviewBatches.Outcome outcome = batches.assign(unitId, caseId, leadId, coId, version);
		response.addHeader("Vary", "HX-Request");
		if (htmx == null) {
			String caseNo = assignments.view(caseId).caseNo();
			redirect.addFlashAttribute(outcome.result() == ReviewBatches.Result.SAVED ? "flashSuccess" : "flashError",
					refusals.message("casework.assignNew.one", caseNo, outcome.message()));
			return "redirect:/casework/squads/" + unitId + "/assignments" + (span == null ? "" : "?span=" + span);
		}
		// the row alone: the case as it is now, with what happened
		List<AssignmentBatches.Pending> row = batches
			.pending(unitId, new BatchSpan.Window(BatchSpan.RANGE, LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31)),
					List.of(caseId))
			.rows()
			.stream()
			.filter(p -> p.id() == caseId)
			.toList();
		model.addAttribute("pending", row);
		model.addAttribute("outcomes", Map.of(caseId, outcome));
		model.addAttribute("officers", assignments.formalOfficers(unitId));
		model.addAttribute("squad", squads.squad(unitId));
		return "casework/assign-batch :: row";
	}

	@PostMapping("/casework/squads/{unitId}/assignments")
	@PreAuthorize(CaseworkScope.SQUAD_LEADER)
	String assignAll(@PathVariable long unitId, @RequestParam(required = false) BatchSpan span,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@ModelAttribute("assignBatch") AssignmentBatchForm form,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		CaseworkScope.requireOwn(unitId, Role.SQUAD_LEADER, "squad");
		BatchSpan.Window w = BatchSpan.Window.of(span, from, to, pages.today());
		Map<Long, ReviewBatches.Outcome> outcomes = batches.assignAll(unitId, form.getSelected(), form.getLeadId(),
				form.getCoId(), form.getVersions());
		long saved = outcomes.values().stream().filter(o -> o.result() == ReviewBatches.Result.SAVED).count();
		long refused = outcomes.size() - saved;
		String summary = outcomes.isEmpty() ? refusals.message("casework.assignNew.noneSelected")
				: refusals.message(refused > 0 ? "casework.assignNew.summaryRefused" : "casework.assignNew.summary", saved,
						refused);
		response.addHeader("Vary", "HX-Request");
		if (htmx == null && refused == 0) {
			redirect.addFlashAttribute(outcomes.isEmpty() ? "flashError" : "flashSuccess", summary);
			return "redirect:/casework/squads/" + unitId + "/assignments?span=" + w.span()
					+ (w.span() == BatchSpan.RANGE ? "&from=" + w.from() + "&to=" + w.to() : "");
		}
		fill(unitId, w, outcomes, model);
		model.addAttribute(refused > 0 || outcomes.isEmpty() ? "batchError" : "batchSuccess", summary);
		return htmx != null ? "casework/assign-batch :: table" : "casework/assign-batch";
	}

	private void fill(long unitId, BatchSpan.Window w, Map<Long, ReviewBatches.Outcome> outcomes, Model model) {
		AssignmentBatches.Table table = batches.pending(unitId, w, outcomes.keySet());
		model.addAttribute("squad", squads.squad(unitId));
		model.addAttribute("window", w);
		model.addAttribute("spans", BatchSpan.values());
		model.addAttribute("pending", table.rows());
		model.addAttribute("truncated", table.truncated());
		model.addAttribute("maxRows", AssignmentBatches.MAX_ROWS);
		model.addAttribute("outcomes", outcomes);
		model.addAttribute("officers", assignments.formalOfficers(unitId));
		model.addAttribute("today", pages.today());
	}

}
