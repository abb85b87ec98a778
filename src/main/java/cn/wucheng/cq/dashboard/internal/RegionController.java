package cn.wucheng.cq.dashboard.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.wucheng.cq.bureau.Bureau;
import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.NotFoundException;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.QuarterOnly;
import cn.wucheng.cq.shared.RenderedFragments;

/**
 * The city's and the province's pages (issue 16 item 3, 市局/省厅 法制处 and 督查): the bureaus' results of a quarter
 * side by side, one bureau's in detail, and the comparison as .xlsx. Read only — no form writes anything, and these
 * roles are refused by every bureau page that writes ({@link Role#REGIONAL} is on no such page). Which bureaus: the
 * account's city's, or all for the province ({@link RegionScope}); another bureau's id answers 404.
 */
@Controller
class RegionController {

	/** The value of the page's {@code export} parameter when the export sent the browser to the progress. */
	static final String EXPORT_PENDING = "pending";

	private final RegionFigures figures;

	private final RegionScope scope;

	private final MessageSource messages;

	private final RenderedFragments fragments;

	RegionController(RegionFigures figures, RegionScope scope, MessageSource messages, RenderedFragments fragments) {
		this.figures = figures;
		this.scope = scope;
		this.messages = messages;
		this.fragments = fragments;
	}

	/** What the comparison's chart and table show besides the data: the same for every reader of these bureaus. */
	private record TableKey(Period quarter, LocalDate today, List<Long> bureaus) {
	}

	@GetMapping("/region")
	@PreAuthorize(Role.REGIONAL)
	String comparison(@RequestParam(required = false) @QuarterOnly Period quarter,
			@RequestParam(name = "export", required = false) String export,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		List<Bureau> bureaus = scope.bureaus();
		Period period = quarter == null ? figures.defaultQuarter(bureaus) : quarter;
		model.addAttribute("quarter", period);
		// sent here by the export while the comparison is computed (below): the progress says the export comes after
		model.addAttribute("exportPending", EXPORT_PENDING.equals(export));
		model.addAttribute("quarters", DashboardController.quartersAround(period, figures.today().getYear()));
		RegionComparison comparison = figures.comparison(period, bureaus, CurrentUser.get());
		model.addAttribute("comparison", comparison);
		if (comparison.ready()) {
			// a hundred rows of figures: rendered once per computed comparison (bench/RESULTS.md, the /region figure)
			model.addAttribute("rows", comparison.rows());
			model.addAttribute("tableHtml",
					fragments.render(new TableKey(period, figures.today(), bureaus.stream().map(Bureau::id).toList()),
							"region/region", "table", () -> Map.of("rows", comparison.rows(), "quarter", period)));
		}
		// while the bureaus are computed, the comparison's place shows how many are done and asks again every second
		return htmx != null ? "region/region :: comparison" : "region/region";
	}

	@GetMapping("/region/bureaus/{id}")
	@PreAuthorize(Role.REGIONAL)
	String bureau(@PathVariable long id, @RequestParam(required = false) @QuarterOnly Period quarter, Model model) {
		Bureau bureau = scope.bureau(id).orElseThrow(NotFoundException::new);
		Period period = quarter == null ? figures.defaultQuarter(List.of(bureau)) : quarter;
		CurrentUser user = CurrentUser.get();
		model.addAttribute("bureau", bureau);
		model.addAttribute("d", Bureaus.runAs(bureau.id(), () -> figures.dashboard(period, user)));
		model.addAttribute("quarters", DashboardController.quartersAround(period, figures.today().getYear()));
		return "region/bureau";
	}

	@GetMapping("/region/export")
	@PreAuthorize(Role.REGIONAL)
	ResponseEntity<byte[]> export(@RequestParam(required = false) @QuarterOnly Period quarter,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) throws IOException {
		List<Bureau> bureaus = scope.bureaus();
		Period period = quarter == null ? figures.defaultQuarter(bureaus) : quarter;
		if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
				&& !figures.comparison(period, bureaus, CurrentUser.get()).ready()) {
			// a browser whose page is older than the data (another user imported meanwhile): the comparison is computed
			// again, 11 s at province scale — show its progress rather than a download that waits in silence; any
			// other client waits for the file
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/region")
					.queryParam("quarter", period.toString())
					.queryParam("export", EXPORT_PENDING)
					.build()
					.toUri())
				.build();
		}
		List<BureauResults> rows = figures.compare(period, bureaus, CurrentUser.get());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new RegionWorkbook(messages, LocaleContextHolder.getLocale()).write(period, rows, out);
		String file = messages.getMessage("region.export.file", null, LocaleContextHolder.getLocale()) + "-" + period
				+ ".xlsx";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(out.toByteArray());
	}

}
