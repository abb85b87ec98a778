package cn.wucheng.cq.casework.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import cn.wucheng.cq.shared.Refusals;

/**
 * The legal officer's review table (R-40, R-41; issue 13 item 5): {@code /casework/squads/{id}/reviews/batch} shows
 * the squad's simple cases of 今日 / 本月 / a range, the 5 checks of attachment 2 as 是/否 per row, and saves the
 * filled rows together ({@link ReviewBatches}). One URL: the full page, or for htmx (HX-Request) the table alone;
 * without script the form posts the page and comes back by redirect, or re-shown when a row was refused.
 */
@Controller
class ReviewBatchController {

	private final ReviewBatches batches;

	private final SquadCases squads;

	private final CaseworkPages pages;

	private final Refusals refusals;

	ReviewBatchController(ReviewBatches batches, SquadCases squads, CaseworkPages pages, Refusals refusals) {
		this.refusals = refusals;
		this.batches = batches;
		this.squads = squads;
		this.pages = pages;
	}

	@GetMapping("/casework/squads/{unitId}/reviews/batch")
	@PreAuthorize(CaseworkScope.SIMPLE_REVIEWER)
	String table(@PathVariable long unitId, @RequestParam(required = false) BatchSpan span,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
			Model model) {
		BatchSpan.Window w = BatchSpan.Window.of(span, from, to, pages.today());
		fill(unitId, w, Map.of(), Map.of(), model);
		response.addHeader("Vary", "HX-Request");
		return htmx != null ? "casework/review-batch :: table" : "casework/review-batch";
	}

	@PostMapping("/casework/squads/{unitId}/reviews/batch")
	@PreAuthorize(CaseworkScope.SIMPLE_REVIEWER)
	String save(@PathVariable long unitId, @RequestParam(required = false) BatchSpan span,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@ModelAttribute("batch") ReviewBatchForm form,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		squads.squad(unitId);
		BatchSpan.Window w = BatchSpan.Window.of(span, from, to, pages.today());
		Map<Long, ReviewBatches.Outcome> outcomes = batches.save(unitId, form);
		long saved = count(outcomes, ReviewBatches.Result.SAVED);
		long refused = count(outcomes, ReviewBatches.Result.REFUSED);
		String summary = refusals.message(refused > 0 ? "casework.batch.summaryRefused" : "casework.batch.summary", saved,
				refused);
		response.addHeader("Vary", "HX-Request");
		if (htmx == null && refused == 0) {
			redirect.addFlashAttribute("flashSuccess", summary);
			return "redirect:/casework/squads/" + unitId + "/reviews/batch?span=" + w.span()
					+ (w.span() == BatchSpan.RANGE ? "&from=" + w.from() + "&to=" + w.to() : "");
		}
		Map<Long, ReviewBatchForm.Entry> entered = new LinkedHashMap<>();
		form.getRows().stream().filter(e -> e != null && e.getCaseId() != null)
			.forEach(e -> entered.put(e.getCaseId(), e));
		fill(unitId, w, entered, outcomes, model);
		model.addAttribute(refused > 0 ? "batchError" : "batchSuccess", summary);
		return htmx != null ? "casework/review-batch :: table" : "casework/review-batch";
	}

	private void fill(long unitId, BatchSpan.Window w, Map<Long, ReviewBatchForm.Entry> entered,
			Map<Long, ReviewBatches.Outcome> outcomes, Model model) {
		SquadCases.Squad squad = squads.squad(unitId);
		Set<Long> keep = outcomes.keySet();
		ReviewBatches.Table table = batches.lines(unitId, w, keep);
		List<ReviewBatches.Shown> rows = ReviewBatches.shown(table.lines(), entered, outcomes);
		model.addAttribute("squad", squad);
		model.addAttribute("window", w);
		model.addAttribute("spans", BatchSpan.values());
		model.addAttribute("rows", rows);
		model.addAttribute("truncated", table.truncated());
		model.addAttribute("maxRows", ReviewBatches.MAX_ROWS);
		model.addAttribute("editable", rows.stream().anyMatch(r -> r.line().editable()));
		model.addAttribute("today", pages.today());
		model.addAttribute("checks", List.of("subjectOk", "partyOk", "evidenceOk", "lawOk", "recordOk"));
	}

	private static long count(Map<Long, ReviewBatches.Outcome> outcomes, ReviewBatches.Result result) {
		return outcomes.values().stream().filter(o -> o.result() == result).count();
	}

}
