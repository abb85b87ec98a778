package cn.wucheng.cq.scoring.standards;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.QuarterOnly;
import cn.wucheng.cq.shared.Refusals;

/**
 * The standards page {@code /standards?period=2024-Q1&unit=&status=}: every officer's rule, requirement, cases done
 * and status, a summary per unit with the names of those below the standard, the yearly standard
 * (editable by 法制科) and an .xlsx export of the same list. Data scope as in the API.
 */
@Controller
class StandardsController {

	static final String READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')";

	/** Bootstrap badge per status: green met, amber halved not met, red not met, grey exempt. */
	private static final Map<StandardStatus, String> BADGES = new EnumMap<>(Map.of(StandardStatus.MET,
			"text-bg-success", StandardStatus.HALVED_MET, "text-bg-info", StandardStatus.NOT_MET, "text-bg-danger",
			StandardStatus.HALVED_NOT_MET, "text-bg-warning", StandardStatus.EXEMPT, "text-bg-secondary",
			StandardStatus.NOT_IN_PROGRAMME, "text-bg-light"));

	/** One option of the unit filter. */
	record UnitOption(long id, String name) {
	}

	private final CaseStandards standards;

	private final RuleSettings settings;

	private final MessageSource messages;

	private final StandardExemptions exemptions;

	private final LatestPeriods latest;

	private final Refusals refusals;

	StandardsController(CaseStandards standards, RuleSettings settings, MessageSource messages,
			StandardExemptions exemptions, LatestPeriods latest, Refusals refusals) {
		this.refusals = refusals;
		this.latest = latest;
		this.standards = standards;
		this.settings = settings;
		this.messages = messages;
		this.exemptions = exemptions;
	}

	/** R-32 "原则上": the legal section exempts one person for one quarter with a reason; audited. */
	@PostMapping("/standards/exemptions")
	@PreAuthorize("hasRole('LEGAL')")
	String grantExemption(@QuarterOnly @RequestParam(required = false) Period period,
			@RequestParam(required = false) String employeeNo,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		Period quarter = backTo(period);
		return refusals.act(standardsPage(quarter), redirect, () -> {
			// parsed here, not bound: a bad value must not answer 400 before the role check does 403
			ExemptionReason k = java.util.Arrays.stream(ExemptionReason.values())
				.filter(r -> r.name().equals(kind))
				.findFirst()
				.orElse(null);
			exemptions.grant(employeeNo, quarter, k, reason, CurrentUser.get().username());
			return refusals.message("standards.exemption.granted", employeeNo, quarter.label());
		});
	}

	/** Withdraws an exemption: the person is assessed again that quarter; audited. */
	@PostMapping("/standards/exemptions/{id}/withdraw")
	@PreAuthorize("hasRole('LEGAL')")
	String withdrawExemption(@PathVariable long id, @QuarterOnly @RequestParam(required = false) Period period,
			RedirectAttributes redirect) {
		Period quarter = backTo(period);
		return refusals.act(standardsPage(quarter), redirect, () -> {
			exemptions.withdraw(id);
			return refusals.message("standards.exemption.withdrawn");
		});
	}

	private static String standardsPage(Period quarter) {
		return UriComponentsBuilder.fromPath("/standards").queryParam("period", quarter).toUriString();
	}

	@GetMapping("/standards")
	@PreAuthorize(READERS)
	String page(@QuarterOnly @RequestParam(required = false) Period period, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String status, Model model) {
		Period quarter = period != null ? period : latest.quarter();
		RuleSettings.YearlyStandard std = settings.standard(quarter.year());
		fill(model, quarter, unit, status);
		if (!model.containsAttribute("standardForm")) {
			model.addAttribute("standardForm",
					StandardForm.of(std.year(), std.simpleMin(), std.ordinaryMin(), quarter.toString()));
		}
		return "standards/standards";
	}

	@PostMapping("/standards/yearly")
	@PreAuthorize("hasRole('LEGAL')")
	String changeYearly(@Valid @ModelAttribute("standardForm") StandardForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Period back = backTo(form.getPeriod());
		if (errors.hasErrors()) {
			model.addAttribute("formError", refusals.message("standards.form.invalid"));
			fill(model, back, null, null);
			return "standards/standards";
		}
		try {
			standards.changeYearlyStandard(form.getYear(), form.shownMinimumOfSavedYear(), form.toMinimum(),
					CurrentUser.get().username());
			redirect.addFlashAttribute("flashSuccess",
					refusals.message("standards.form.saved", form.getYear(), form.getSimpleMin(), form.getOrdinaryMin()));
		}
		catch (CaseStandards.StaleStandardException e) {
			RuleSettings.YearlyStandard now = e.current();
			redirect.addFlashAttribute("flashError",
					refusals.message("standards.form.stale", now.year(), now.simpleMin(), now.ordinaryMin()));
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/standards").queryParam("period", back).toUriString();
	}

	@GetMapping("/standards/export")
	@PreAuthorize(READERS)
	ResponseEntity<byte[]> export(@QuarterOnly @RequestParam(required = false) Period period,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) String status)
			throws IOException {
		Period quarter = Quarters.required(period);
		List<OfficerStandard> rows = filter(standards.forQuarter(quarter, CurrentUser.get()), unit, parse(status));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new StandardsWorkbook(messages, locale()).write(quarter, rows, out);
		String file = refusals.message("standards.export.file") + "-" + quarter + ".xlsx";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(out.toByteArray());
	}

	/** A bad period on the export link: say what is wrong, in Chinese, as plain text. */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<String> badInput(IllegalArgumentException e) {
		return ResponseEntity.badRequest()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(e.getMessage());
	}

	private void fill(Model model, Period quarter, Long unit, String status) {
		List<OfficerStandard> all = standards.forQuarter(quarter, CurrentUser.get());
		StandardStatus wanted = parse(status);
		List<OfficerStandard> rows = filter(all, unit, wanted);
		RuleSettings.YearlyStandard std = settings.standard(quarter.year());
		CaseHandlingStandardPolicy squads = standards.squadPolicy(quarter.year());
		model.addAttribute("period", quarter);
		model.addAttribute("quarters", quarterChoices(quarter));
		model.addAttribute("units", unitChoices(all));
		model.addAttribute("statuses", StandardStatus.values());
		model.addAttribute("selectedUnit", unit);
		model.addAttribute("selectedStatus", wanted);
		model.addAttribute("rows", rows);
		model.addAttribute("summary", UnitStandardSummary.of(unit == null ? all
				: all.stream().filter(s -> s.unitId() == unit).toList()));
		model.addAttribute("yearly", std);
		model.addAttribute("halved", squads.requiredOf(CaseHandlingStandardPolicy.Band.HALVED));
		model.addAttribute("organMin", standards.organPolicy().ordinaryMinimum());
		model.addAttribute("badges", BADGES);
		model.addAttribute("exemptions", exemptions.of(quarter));
		model.addAttribute("exemptionKinds", ExemptionReason.values());
		model.addAttribute("standardFrom", settings.standardFrom());
		Map<String, Object> exportParams = new LinkedHashMap<>();
		exportParams.put("period", quarter.toString());
		Optional.ofNullable(unit).ifPresent(u -> exportParams.put("unit", u));
		Optional.ofNullable(wanted).ifPresent(w -> exportParams.put("status", w.name()));
		UriComponentsBuilder export = UriComponentsBuilder.fromPath("/standards/export");
		exportParams.forEach(export::queryParam);
		model.addAttribute("exportUrl", export.encode().toUriString());
	}

	private static List<OfficerStandard> filter(List<OfficerStandard> all, Long unit, StandardStatus status) {
		return all.stream()
			.filter(s -> unit == null || s.unitId() == unit)
			.filter(s -> status == null || s.status() == status)
			.toList();
	}

	private static StandardStatus parse(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return StandardStatus.valueOf(status.trim());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The quarter the form was on (read and checked by the web shell's period converter), else the latest. */
	private Period backTo(Period period) {
		return period == null ? latest.quarter() : period;
	}

	/** The quarter a bound form's hidden field names, only to go back to it; anything else goes to the latest. */
	private Period backTo(String period) {
		try {
			Period p = period == null || period.isBlank() ? null : Period.parse(period.strip());
			return p != null && p.isQuarter() ? p : latest.quarter();
		}
		catch (RuntimeException e) {
			return latest.quarter();
		}
	}

	/** The quarters of the year shown, the year before, the default and the current year, newest first. */
	private List<Period> quarterChoices(Period shown) {
		List<Period> out = new ArrayList<>();
		for (int y : latest.newestFirst(List.of(shown.year() - 1, shown.year(), latest.today().getYear()))) {
			for (int q = 4; q >= 1; q--) {
				out.add(Period.quarter(y, q));
			}
		}
		return out;
	}

	/** Units of the officers the user may see, squads first. */
	private static List<UnitOption> unitChoices(List<OfficerStandard> all) {
		Map<Long, OfficerStandard> byUnit = new LinkedHashMap<>();
		all.forEach(s -> byUnit.putIfAbsent(s.unitId(), s));
		return byUnit.values()
			.stream()
			.sorted(Comparator.comparing((OfficerStandard s) -> s.unitType().ordinal())
				.thenComparing(OfficerStandard::unitId))
			.map(s -> new UnitOption(s.unitId(), s.unitName()))
			.toList();
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
