package cn.wucheng.cq.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.shared.PageSize;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.shared.SpreadsheetText;

/**
 * 审计日志: only the audit administrator (审计管理员, 三员分立) reads, verifies and exports it — not the system
 * administrator whose actions it records, nor the business. Nobody edits it. Verifying and exporting are audited.
 */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Excel's limit for one cell. */
	private static final int MAX_CELL = 32_767;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final AuditSearch search;

	private final AuditChainVerifier verifier;

	private final AuditExports exports;

	private final Refusals refusals;

	private final AuditRetention retention;

	private final AuditText text;

	private final Clock clock;

	AuditController(AuditSearch search, AuditChainVerifier verifier, AuditExports exports, Refusals refusals,
			AuditRetention retention, AuditText text, Clock clock) {
		this.clock = clock;
		this.text = text;
		this.search = search;
		this.verifier = verifier;
		this.exports = exports;
		this.refusals = refusals;
		this.retention = retention;
	}

	/** 完整性校验: walks the hash chain and says whether it is intact or where it breaks first. */
	@PostMapping("/verify")
	String verify(RedirectAttributes redirect) {
		AuditChainVerifier.Result result = verifier.verifyAndRecord();
		if (result.intact()) {
			redirect.addFlashAttribute("flashSuccess", refusals.message("audit.verify.intact", result.checked(),
					result.headHash() == null ? "-" : result.headHash()));
		}
		else {
			redirect.addFlashAttribute("flashError",
					refusals.message("audit.verify.broken", result.firstBrokenId(), refusals.message("audit.verify.problem." + result.problem())));
		}
		if (result.unchainedBefore() > 0) {
			redirect.addFlashAttribute("unchainedBefore", result.unchainedBefore());
		}
		return "redirect:/audit";
	}

	@GetMapping
	String list(@RequestParam(required = false) String username, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		AuditSearch.Criteria criteria = new AuditSearch.Criteria(username, action, entity, from, to);
		model.addAttribute("criteria", criteria);
		model.addAttribute("actions", search.actions());
		model.addAttribute("entities", search.entities());
		model.addAttribute("retention", retention.status());
		if (criteria.rangeInverted()) {
			model.addAttribute("rangeError", true);
		}
		else {
			model.addAttribute("entries",
					search.search(criteria, page, PageSize.of(request, response, AuditSearch.PAGE_SIZE)));
			model.addAttribute("pageSizes", PageSize.CHOICES);
		}
		return "audit/list";
	}

	@GetMapping("/export.xlsx")
	void export(@RequestParam(required = false) String username, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		AuditSearch.Criteria criteria = new AuditSearch.Criteria(username, action, entity, from, to);
		exports.recordExport(criteria);
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(refusals.message("audit.export.filename", LocalDate.now(clock)), StandardCharsets.UTF_8)
			.build()
			.toString());
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			SXSSFSheet sheet = workbook.createSheet(refusals.message("audit.title"));
			// user names, keys, details and before/after values are whatever users typed: never a formula
			SpreadsheetText cells = SpreadsheetText.of(workbook);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			String[] headers = { "audit.col.time", "audit.col.user", "audit.col.action", "audit.col.entity",
					"audit.col.key", "audit.col.detail", "audit.col.before", "audit.col.after" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				Cell cell = head.createCell(i);
				cell.setCellValue(refusals.message(headers[i]));
				cell.setCellStyle(bold);
			}
			sheet.createFreezePane(0, 1);
			int[] next = { 1 };
			search.forEach(criteria, e -> {
				Row row = sheet.createRow(next[0]++);
				String[] values = { e.occurredAt().format(TIME), e.username(), text.action(e.action()),
						text.entity(e.entity()), text.key(e.entity(), e.entityKey()), text.detail(e.detail()), e.before(), e.after() };
				for (int i = 0; i < values.length; i++) {
					cells.text(row.createCell(i), cut(values[i]));
				}
			});
			int[] widths = { 20, 14, 18, 14, 20, 40, 40, 40 };
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			try (OutputStream out = response.getOutputStream()) {
				workbook.write(out);
			}
			finally {
				workbook.dispose(); // the streaming workbook's temporary files
			}
		}
	}


	private static String cut(String s) {
		return s == null ? "" : s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL);
	}

}
