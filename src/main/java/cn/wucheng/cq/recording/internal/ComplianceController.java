package cn.wucheng.cq.recording.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.wucheng.cq.recording.GapKind;
import cn.wucheng.cq.recording.GapQuery;
import cn.wucheng.cq.recording.RecordingCompliance;
import cn.wucheng.cq.recording.SquadGaps;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.ListPage;
import cn.wucheng.cq.shared.Refusals;

/**
 * 全过程记录合规: the gaps per squad for a year or a month, each with a link to its case, from each squad's
 * rollout start. The legal section, supervision and leaders see every squad with a summary table and chart
 * whose figures link to the gaps behind them; a squad's leader and legal officer see their squad.
 */
@Controller
class ComplianceController {

	/** The year parameter for every gap whenever dated (the reminders link there). */
	static final String ALL = "all";

	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2100;

	private final RecordingCompliance compliance;

	private final Clock clock;

	private final Refusals refusals;

	private final LatestPeriods latest;

	ComplianceController(RecordingCompliance compliance, Clock clock, Refusals refusals,
			LatestPeriods latest) {
		this.latest = latest;
		this.compliance = compliance;
		this.clock = clock;
		this.refusals = refusals;
	}

	@GetMapping("/recording/compliance")
	@PreAuthorize(RecordingPages.COMPLIANCE_READERS)
	String page(@RequestParam(required = false) String year, @RequestParam(required = false) String month,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
		CurrentUser user = CurrentUser.get();
		LocalDate today = LocalDate.now(clock);
		boolean allYears = ALL.equals(year);
		// the default year: the latest with cases, the current one once it has any (issue 13)
		int shownByDefault = latest.year();
		int y = year == null || year.isBlank() || allYears ? shownByDefault
				: number(year, MIN_YEAR, MAX_YEAR, shownByDefault, "recording.filter.year", model);
		Integer m = month == null || month.isBlank() || allYears ? null
				: number(month, 1, 12, null, "recording.filter.month", model);
		Long unitId = unit == null || unit.isBlank() ? null : id(unit, model);
		GapKind k = kind == null || kind.isBlank() ? null : kind(kind, model);
		GapQuery period = allYears ? GapQuery.upTo(null) : m == null ? GapQuery.year(y) : GapQuery.month(YearMonth.of(y, m));

		List<SquadGaps> summary = compliance.summary(period, user);
		GapQuery listed = period.unit(unitId).kind(k);
		ListPage<cn.wucheng.cq.recording.ComplianceGap> gaps = compliance.gaps(listed, user, page);

		model.addAttribute("year", y);
		model.addAttribute("allYears", allYears);
		model.addAttribute("years", java.util.stream.IntStream.rangeClosed(Math.min(y, today.getYear()) - 3,
				Math.max(y, today.getYear())).boxed().sorted(java.util.Comparator.reverseOrder()).toList());
		model.addAttribute("month", m);
		model.addAttribute("unit", unitId);
		model.addAttribute("kind", k);
		model.addAttribute("kinds", GapKind.values());
		model.addAttribute("kindLabels", java.util.Arrays.stream(GapKind.values())
			.map(g -> refusals.message("recording.gap." + g.name() + ".short"))
			.toList());
		model.addAttribute("summary", summary);
		model.addAttribute("totals", totals(summary));
		model.addAttribute("gaps", gaps);
		model.addAttribute("pageBase", ListPage.linkBase("/recording/compliance", request.getParameterMap()));
		model.addAttribute("allSquads", user.readsAll());
		model.addAttribute("ownSince", user.unitFilter().isPresent()
				? compliance.coveredSince().get(user.unitFilter().get()) : null);
		model.addAttribute("unitName", unitId == null ? null
				: summary.stream().filter(s -> s.unitId() == unitId).map(SquadGaps::unitName).findFirst().orElse(null));
		return "recording/compliance";
	}

	/** Each kind's total over the rows shown. */
	private static Map<GapKind, Integer> totals(List<SquadGaps> summary) {
		Map<GapKind, Integer> totals = new java.util.EnumMap<>(GapKind.class);
		for (GapKind k : GapKind.values()) {
			totals.put(k, summary.stream().mapToInt(s -> s.count(k)).sum());
		}
		return totals;
	}

	private Integer number(String text, int min, int max, Integer fallback, String field, Model model) {
		try {
			int n = Integer.parseInt(text.strip());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException e) {
			// the warning below
		}
		model.addAttribute("badInput",
				refusals.message("recording.filter.bad", refusals.message(field), text, min, max));
		return fallback;
	}

	private Long id(String text, Model model) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException e) {
			model.addAttribute("badInput", refusals.message("recording.filter.badUnit", text));
			return null;
		}
	}

	private GapKind kind(String text, Model model) {
		try {
			return GapKind.valueOf(text.strip());
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("badInput", refusals.message("recording.filter.badKind", text));
			return null;
		}
	}

}
