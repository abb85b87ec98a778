package cn.wucheng.cq.casework.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.QuarterOnly;

/**
 * The casework squad pages: {@code /casework/squads} lists the squads (a squad's own roles go straight to theirs),
 * {@code /casework/squads/{id}} shows a quarter's cases with the R-13 warning of a fixed handler, and
 * {@code /casework/squads/{id}/reviews} the legal officer's "today" view of simple cases still unreviewed.
 */
@Controller
class SquadController {

	private final SquadCases squads;

	private final SimpleCases simpleCases;

	private final CaseworkPages pages;

	SquadController(SquadCases squads, SimpleCases simpleCases, CaseworkPages pages) {
		this.squads = squads;
		this.simpleCases = simpleCases;
		this.pages = pages;
	}

	@GetMapping("/casework/squads")
	@PreAuthorize(CaseworkScope.READERS)
	String squads(Model model) {
		CurrentUser user = CurrentUser.get();
		if (user.unitFilter().isPresent()) {
			return "redirect:/casework/squads/" + user.unitFilter().get();
		}
		model.addAttribute("squads", squads.squads(user.unitFilter()));
		model.addAttribute("month", pages.listMonth());
		return "casework/squads";
	}

	@GetMapping("/casework/squads/{unitId}")
	@PreAuthorize(CaseworkScope.READERS)
	String squad(@PathVariable long unitId, @RequestParam(required = false) @QuarterOnly Period quarter,
			Model model) {
		SquadCases.Squad squad = squads.squad(unitId);
		Period q = pages.quarter(quarter);
		model.addAttribute("squad", squad);
		model.addAttribute("quarter", q);
		model.addAttribute("previousQuarter", previous(q));
		model.addAttribute("nextQuarter", next(q));
		model.addAttribute("figures", squads.figures(unitId, q));
		model.addAttribute("cases", squads.cases(unitId, q));
		model.addAttribute("months", List.of(YearMonth.from(q.start()), YearMonth.from(q.start()).plusMonths(1),
				YearMonth.from(q.start()).plusMonths(2)));
		model.addAttribute("isSquadLeader", CurrentUser.get().role() == cn.wucheng.cq.security.Role.SQUAD_LEADER);
		return "casework/squad";
	}

	/** The squad roles' own "today" view; readers of every squad choose a squad first. */
	@GetMapping("/casework/reviews")
	@PreAuthorize(CaseworkScope.READERS)
	String ownReviews() {
		CurrentUser user = CurrentUser.get();
		return user.unitFilter().map(u -> "redirect:/casework/squads/" + u + "/reviews")
			.orElse("redirect:/casework/squads");
	}

	@GetMapping("/casework/squads/{unitId}/reviews")
	@PreAuthorize(CaseworkScope.READERS)
	String reviews(@PathVariable long unitId, Model model) {
		SquadCases.Squad squad = squads.squad(unitId);
		LocalDate today = pages.today();
		model.addAttribute("squad", squad);
		model.addAttribute("today", today);
		model.addAttribute("applies", simpleCases.applies(unitId, today));
		model.addAttribute("rolloutStart", simpleCases.rolloutStart(unitId).orElse(null));
		model.addAttribute("rows", simpleCases.unreviewedUpTo(unitId, today));
		model.addAttribute("month", YearMonth.from(today));
		return "casework/reviews";
	}

	private static Period previous(Period q) {
		return q.number() == 1 ? Period.quarter(q.year() - 1, 4) : Period.quarter(q.year(), q.number() - 1);
	}

	private static Period next(Period q) {
		return q.number() == 4 ? Period.quarter(q.year() + 1, 1) : Period.quarter(q.year(), q.number() + 1);
	}

}
