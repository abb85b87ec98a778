package cn.wucheng.cq.dashboard.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.ListPage;
import cn.wucheng.cq.shared.PageSize;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.QuarterOnly;
import cn.wucheng.cq.shared.RenderedFragments;

/** The leadership dashboard (领导看板): one page with the programme's state, for 法制科, 督查科 and 局领导. */
@Controller
class DashboardController {

	private static final int SQUADS_PER_PAGE = 30;

	private final DashboardFigures figures;

	private final RenderedFragments fragments;

	DashboardController(DashboardFigures figures, RenderedFragments fragments) {
		this.figures = figures;
		this.fragments = fragments;
	}

	/** The day is part of the key: the figures are as of today (overdue tasks, the current quarter's progress). */
	private record BodyKey(Period quarter, java.time.LocalDate today, int page, int size) {
	}

	@GetMapping("/dashboard")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER')")
	String dashboard(@RequestParam(required = false) @QuarterOnly Period quarter,
			@RequestParam(required = false) Integer page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Period period = quarter == null ? figures.defaultQuarter() : quarter;
		Dashboard dashboard = figures.of(period, CurrentUser.get());
		// A province has about a thousand squads: the table is paged, the headline figures cover them all.
		int pageNo = ListPage.pageNumber(page);
		int size = PageSize.of(request, response, SQUADS_PER_PAGE);
		List<Dashboard.SquadRow> squads = dashboard.squads();
		int from = (int) Math.min(ListPage.offset(pageNo, size), squads.size());
		List<Period> quarters = quartersAround(period, figures.today().getYear());
		Map<String, Object> view = Map.of("d", dashboard, "quarters", quarters, "squadPage",
				new ListPage<>(squads.subList(from, Math.min(from + size, squads.size())), pageNo, size,
						squads.size()),
				"squadBase", "/dashboard?quarter=" + period, "quarterMonth",
				java.time.YearMonth.from(period.start()).toString());
		model.addAllAttributes(view);
		if (htmx == null) {
			// the same for every reader of this dashboard: rendered once per computed dashboard and page
			model.addAttribute("bodyHtml",
					fragments.render(new BodyKey(period, figures.today(), pageNo, size), "dashboard/dashboard", "figures", () -> view));
		}
		return htmx != null ? "dashboard/dashboard :: squads" : "dashboard/dashboard";
	}

	/**
	 * The quarters of the picker, newest first: from the current year (a page opened on last year's data can move on
	 * to this year's) down to the year before the shown one.
	 */
	static List<Period> quartersAround(Period shown, int currentYear) {
		int top = Math.max(currentYear, shown.year());
		return java.util.stream.IntStream.range(0, (top - shown.year() + 2) * 4)
			.mapToObj(i -> Period.quarter(top - i / 4, 4 - i % 4))
			.toList();
	}

}
