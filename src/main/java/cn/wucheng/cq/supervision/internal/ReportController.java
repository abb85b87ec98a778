package cn.wucheng.cq.supervision.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.supervision.ReportKind;

/**
 * The drafted reports (R-72, .docx) and the assessment exports (R-73, .xlsx) of a year, for the legal section,
 * supervision and the bureau's leaders: {@code /supervision/reports?year=} links them with their deadlines.
 */
@Controller
class ReportController {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final ReportDrafter drafter;

	private final Assessment assessment;

	private final TaskDeadlines deadlines;

	private final SupervisionPages pages;

	private final Refusals refusals;

	private final Clock clock;

	ReportController(ReportDrafter drafter, Assessment assessment, TaskDeadlines deadlines, SupervisionPages pages, Refusals refusals,
			Clock clock) {
		this.refusals = refusals;
		this.drafter = drafter;
		this.assessment = assessment;
		this.deadlines = deadlines;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping("/supervision/reports")
	@PreAuthorize(SupervisionPages.READERS)
	String page(@RequestParam(required = false) String year, Model model) {
		LocalDate today = LocalDate.now(clock);
		int y = pages.year(year);
		model.addAttribute("year", y);
		model.addAttribute("years", pages.years(y));
		model.addAttribute("kinds", ReportKind.values());
		model.addAttribute("midTermDue", deadlines.dueOfReport(ReportKind.MID_TERM, y));
		model.addAttribute("annualDue", deadlines.dueOfReport(ReportKind.ANNUAL, y));
		return "supervision/reports";
	}

	@GetMapping("/supervision/reports/{kind}")
	@PreAuthorize(SupervisionPages.READERS)
	ResponseEntity<byte[]> report(@PathVariable String kind, @RequestParam(required = false) String year)
			throws IOException {
		ReportKind k = ReportKind.fromSlug(kind)
			.orElseThrow(() -> Refusal.of("supervision.notFound.report", kind).withStatus(HttpStatus.NOT_FOUND));
		int y = pages.year(year);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		drafter.write(k, y, LocalDate.now(clock), out);
		return file(refusals.message("supervision.file.report", y, k.label()), DOCX, out.toByteArray());
	}

	@GetMapping("/supervision/assessment/officers")
	@PreAuthorize(SupervisionPages.READERS)
	ResponseEntity<byte[]> officers(@RequestParam(required = false) String year) throws IOException {
		int y = pages.year(year);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AssessmentWorkbooks.officers(assessment.year(y, LocalDate.now(clock)), refusals::message, out);
		return file(refusals.message("supervision.file.officers", y), XLSX, out.toByteArray());
	}

	@GetMapping("/supervision/assessment/units")
	@PreAuthorize(SupervisionPages.READERS)
	ResponseEntity<byte[]> units(@RequestParam(required = false) String year) throws IOException {
		int y = pages.year(year);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AssessmentWorkbooks.units(assessment.year(y, LocalDate.now(clock)), refusals::message, out);
		return file(refusals.message("supervision.file.units", y), XLSX, out.toByteArray());
	}

	private static ResponseEntity<byte[]> file(String name, String type, byte[] body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(type))
			.body(body);
	}

}
