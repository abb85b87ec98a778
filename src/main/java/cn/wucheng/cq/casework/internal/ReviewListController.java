package cn.wucheng.cq.casework.internal;

import java.io.IOException;
import java.time.YearMonth;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * a squad's monthly list (简易案件审核清单) — page (printable), .xlsx in the layout of attachment 2, signing and
 * submission by the squad leader — and the bureau's overview of a month for 法制科 (督查科 and 局领导 read).
 */
@Controller
class ReviewListController {

	private final ReviewLists lists;

	private final SquadCases squads;

	private final CaseworkPages pages;

	private final Refusals refusals;

	ReviewListController(ReviewLists lists, SquadCases squads, CaseworkPages pages, Refusals refusals) {
		this.refusals = refusals;
		this.lists = lists;
		this.squads = squads;
		this.pages = pages;
	}

	@GetMapping("/casework/squads/{unitId}/lists/{month}")
	@PreAuthorize(CaseworkScope.READERS)
	String list(@PathVariable long unitId, @PathVariable String month, Model model) {
		SquadCases.Squad squad = squads.squad(unitId);
		YearMonth m = pages.month(month);
		ReviewLists.MonthList list = lists.month(unitId, squad.name(), m);
		model.addAttribute("squad", squad);
		model.addAttribute("list", list);
		model.addAttribute("listTitle", ReviewListWorkbook.title(list, refusals::message));
		model.addAttribute("previousMonth", m.minusMonths(1));
		model.addAttribute("nextMonth", m.plusMonths(1));
		model.addAttribute("isSquadLeader", CurrentUser.get().role() == Role.SQUAD_LEADER);
		model.addAttribute("canReturn", CurrentUser.get().role() == Role.LEGAL
				&& list.status() == cn.wucheng.cq.casework.ReviewListStatus.SUBMITTED);
		model.addAttribute("columns", ReviewListWorkbook.COLUMNS);
		return "casework/list";
	}

	@GetMapping("/casework/squads/{unitId}/lists/{month}/xlsx")
	@PreAuthorize(CaseworkScope.READERS)
	ResponseEntity<byte[]> export(@PathVariable long unitId, @PathVariable String month) throws IOException {
		SquadCases.Squad squad = squads.squad(unitId);
		YearMonth m = pages.month(month);
		ReviewLists.MonthList list = lists.month(unitId, squad.name(), m);
		String title = ReviewListWorkbook.title(list, refusals::message);
		return ReviewListWorkbook.download(ReviewListWorkbook.write(list, refusals::message), title + ".xlsx");
	}

	@PostMapping("/casework/squads/{unitId}/lists/{month}/sign")
	@PreAuthorize(CaseworkScope.SQUAD_LEADER)
	String sign(@PathVariable long unitId, @PathVariable String month,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
		YearMonth m = pages.month(month);
		return act(unitId, m, redirect, () -> {
			// issue 13 item 7: signing cannot be undone — only with the box ticked that says so (holds without script)
			if (!confirmed) {
				throw Refusal.of("casework.list.confirmMissing");
			}
			lists.sign(unitId, m, version);
			return refusals.message("casework.list.signedDone");
		});
	}

	@PostMapping("/casework/squads/{unitId}/lists/{month}/submit")
	@PreAuthorize(CaseworkScope.SQUAD_LEADER)
	String submit(@PathVariable long unitId, @PathVariable String month,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
		YearMonth m = pages.month(month);
		return act(unitId, m, redirect, () -> {
			// issue 13 item 7: submitting cannot be undone — only with the box ticked that says so (holds without script)
			if (!confirmed) {
				throw Refusal.of("casework.list.confirmMissing");
			}
			ReviewList saved = lists.submit(unitId, m, version);
			return saved.judgedSubmission().toLocalDate().isAfter(lists.deadline(m))
					? refusals.message("casework.list.submittedLate", saved.judgedSubmission().toLocalDate(), lists.deadline(m))
					: refusals.message("casework.list.submittedDone");
		});
	}

	/** 退回 by 法制科: a submitted list back to the squad with a required reason. */
	@PostMapping("/casework/squads/{unitId}/lists/{month}/return")
	@PreAuthorize("hasRole('LEGAL')")
	String returnList(@PathVariable long unitId, @PathVariable String month,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		YearMonth m = pages.month(month);
		return act(unitId, m, redirect, () -> {
			lists.returnList(unitId, m, version, reason);
			return refusals.message("casework.list.returnedDone");
		});
	}

	@GetMapping("/casework/lists")
	@PreAuthorize(CaseworkScope.BUREAU)
	String overview(@RequestParam(required = false) String month, Model model) {
		YearMonth m = month == null || month.isBlank() ? pages.listMonth()
				: pages.month(month);
		model.addAttribute("month", m);
		model.addAttribute("previousMonth", m.minusMonths(1));
		model.addAttribute("nextMonth", m.plusMonths(1));
		model.addAttribute("deadline", lists.deadline(m));
		model.addAttribute("rows", lists.overview(m));
		return "casework/lists";
	}

	private String act(long unitId, YearMonth m, RedirectAttributes redirect,
			java.util.function.Supplier<String> change) {
		squads.squad(unitId);
		return refusals.act("/casework/squads/" + unitId + "/lists/" + m, redirect,
				() -> CaseworkPages.staleAsRefusal(change));
	}

}
