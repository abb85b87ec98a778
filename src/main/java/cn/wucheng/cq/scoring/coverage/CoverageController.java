package cn.wucheng.cq.scoring.coverage;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * The coverage page {@code /coverage?year=2024&asOf=2024-09-30}: a table per squad and a bar chart of covered
 * domains against the target. The chart reads the table rows' data-* attributes (static/js/coverage.js; CSP allows
 * no inline script). Printable.
 */
@Controller
class CoverageController {

	private final DomainCoverage coverage;

	private final LatestPeriods latest;

	private final Refusals refusals;

	CoverageController(DomainCoverage coverage, LatestPeriods latest, Refusals refusals) {
		this.coverage = coverage;
		this.latest = latest;
		this.refusals = refusals;
	}

	@GetMapping("/coverage")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER')")
	String page(@RequestParam(required = false) String year, @RequestParam(required = false) String asOf,
			Model model) {
		int y;
		LocalDate until;
		try {
			y = year == null || year.isBlank() ? latest.year() : CoverageParams.year(year);
			until = CoverageParams.asOf(asOf, y, coverage);
		}
		catch (Refusal e) {
			model.addAttribute("badInput", refusals.text(e));
			y = latest.year();
			until = coverage.deadline(y);
		}
		List<SquadCoverage> squads = coverage.coverage(y, until, CurrentUser.get());
		DomainCoveragePolicy policy = coverage.policy();
		model.addAttribute("year", y);
		model.addAttribute("asOf", until);
		model.addAttribute("deadline", coverage.deadline(y));
		model.addAttribute("squads", squads);
		model.addAttribute("targets", policy.targets());
		model.addAttribute("catalogueSize", coverage.catalogueSize());
		return "coverage/coverage";
	}

}
