package cn.wucheng.cq.training.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.training.TrainingOverview;
import cn.wucheng.cq.training.TrainingSource;

/**
 * Training hours {@code /training/hours?year=}: a summary per unit and the officers behind for their point in
 * the year (or everyone), and an .xlsx export. An officer sees his own hours with the sessions behind them; squad
 * roles their unit; the legal section, supervision and leaders everyone.
 */
@Controller
class HoursController {

	/** One unit's line of the summary, with its total per source. */
	record UnitHours(long unitId, String unitName, UnitType unitType, int officers, BigDecimal totalHours,
			BigDecimal averageHours, int complete, int behind, Map<TrainingSource, BigDecimal> bySource) {

		public BigDecimal hoursFrom(TrainingSource source) {
			return bySource.getOrDefault(source, BigDecimal.ZERO);
		}

	}

	private final TrainingOverview overview;

	private final SessionService sessions;

	private final TrainingPages pages;

	private final Refusals refusals;

	HoursController(TrainingOverview overview, SessionService sessions, TrainingPages pages, Refusals refusals) {
		this.overview = overview;
		this.sessions = sessions;
		this.pages = pages;
		this.refusals = refusals;
	}

	@GetMapping("/training/hours")
	@PreAuthorize(TrainingPages.HOURS_READERS)
	String hours(@RequestParam(required = false) String year, @RequestParam(required = false) Long unit,
			@RequestParam(defaultValue = "false") boolean all, Model model) {
		int y = pages.year(year, model);
		CurrentUser user = CurrentUser.get();
		TrainingOverview.HoursReport report = overview.hours(y, user, pages.today());
		List<TrainingOverview.OfficerHours> inUnit = report.officers()
			.stream()
			.filter(o -> unit == null || o.unitId() == unit)
			.toList();
		model.addAttribute("year", y);
		model.addAttribute("years", pages.years(y));
		model.addAttribute("report", report);
		model.addAttribute("summary", summary(report.officers()));
		model.addAttribute("selectedUnit", unit);
		model.addAttribute("all", all);
		model.addAttribute("behindCount", inUnit.stream().filter(TrainingOverview.OfficerHours::behind).count());
		model.addAttribute("rows", all ? inUnit : inUnit.stream().filter(TrainingOverview.OfficerHours::behind).toList());
		model.addAttribute("sources", TrainingSource.values());
		model.addAttribute("self", user.personFilter().isPresent());
		user.personFilter().ifPresent(me -> model.addAttribute("attended", sessions.attendedBy(me, y)));
		return "training/hours";
	}

	@GetMapping("/training/hours/export")
	@PreAuthorize(TrainingPages.HOURS_READERS)
	ResponseEntity<byte[]> export(@RequestParam(required = false) String year) throws IOException {
		int y = pages.year(year, null);
		TrainingOverview.HoursReport report = overview.hours(y, CurrentUser.get(), pages.today());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TrainingWorkbooks.hours(report, refusals.message("training.hours.heading", y) + " "
				+ refusals.message("training.hours.asOf", report.asOf(), report.expected(), report.required()),
				key -> refusals.message(key), out);
		return TrainingWorkbooks.download(out.toByteArray(), refusals.message("training.hours.export.file") + "-" + y + ".xlsx");
	}

	/** Per unit, in the order of the officers (squads first). */
	static List<UnitHours> summary(List<TrainingOverview.OfficerHours> officers) {
		Map<Long, List<TrainingOverview.OfficerHours>> byUnit = new LinkedHashMap<>();
		officers.forEach(o -> byUnit.computeIfAbsent(o.unitId(), k -> new ArrayList<>()).add(o));
		List<UnitHours> out = new ArrayList<>();
		byUnit.forEach((id, list) -> {
			BigDecimal total = list.stream().map(TrainingOverview.OfficerHours::hours).reduce(BigDecimal.ZERO,
					BigDecimal::add);
			Map<TrainingSource, BigDecimal> bySource = new EnumMap<>(TrainingSource.class);
			for (TrainingSource source : TrainingSource.values()) {
				bySource.put(source, list.stream().map(o -> o.hoursFrom(source)).reduce(BigDecimal.ZERO,
						BigDecimal::add));
			}
			TrainingOverview.OfficerHours first = list.get(0);
			out.add(new UnitHours(id, first.unitName(), first.unitType(), list.size(), total,
					total.divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP),
					(int) list.stream().filter(TrainingOverview.OfficerHours::complete).count(),
					(int) list.stream().filter(TrainingOverview.OfficerHours::behind).count(), bySource));
		});
		return out;
	}

}
