package cn.wucheng.cq.imports.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import cn.wucheng.cq.imports.BureauImportResult;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.imports.ImportSource;
import cn.wucheng.cq.shared.Refusals;

/**
 * The import page of a city's or the province's legal office (issue 16 item 3, 市局/省厅法制处): one file of a list
 * with a 所属执法局 column, split among the bureaus of the account's scope, all or nothing; the result per bureau and
 * every problem with the file's row, column and the row's bureau. Uploads as the /imports page does (static/js/
 * imports.js: progress bar, place in the line of large imports); without script the whole page comes back. An htmx
 * request for the page (the list picker) gets the chosen list's columns alone.
 */
@Controller
@RequestMapping("/region/imports")
class RegionImportPageController {

	static final String ROLES = "hasAnyRole('CITY_LEGAL','PROVINCE_LEGAL')";

	private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	private final RegionImports imports;

	private final BureauSplitImport split;

	private final ImportScope scope;

	private final ImportTemplates templates;

	private final ImportQueue queue;

	private final ImportEngine engine;

	private final Refusals messages;

	RegionImportPageController(RegionImports imports, BureauSplitImport split, ImportScope scope,
			ImportTemplates templates, ImportQueue queue, ImportEngine engine, Refusals messages) {
		this.imports = imports;
		this.split = split;
		this.scope = scope;
		this.templates = templates;
		this.queue = queue;
		this.engine = engine;
		this.messages = messages;
	}

	/** One list on the page: its columns, the bureau column last. */
	record ColumnView(String header, boolean required, String description) {
	}

	@GetMapping
	@PreAuthorize(ROLES)
	String page(@RequestParam(name = "kind", required = false) String kind,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		ImportKind selected = ImportKind.fromPath(kind == null ? "" : kind).orElse(ImportKind.DOMAINS);
		fill(model, selected);
		return htmx != null ? "imports/region :: columns" : "imports/region";
	}

	@PostMapping
	@PreAuthorize(ROLES)
	String upload(@RequestParam("kind") String kind, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "ticket", required = false) String ticket,
			@RequestHeader(name = "X-Requested-With", required = false) String requestedWith, Model model) {
		ImportKind importKind = ImportKind.fromPath(kind)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		BureauImportResult result;
		if (file == null || file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename())) {
			result = BureauImportResult.of(ImportResult.Status.UNREADABLE, importKind, "",
					messages.message("imports.file.missing"));
		}
		else {
			result = imports.importUpload(importKind, file, validTicket(ticket), ImportSource.PAGE);
		}
		model.addAttribute("result", result);
		if ("XMLHttpRequest".equals(requestedWith)) {
			return "imports/region :: result";
		}
		fill(model, importKind);
		return "imports/region";
	}

	/** Where an upload waits in the line of large imports, as on the /imports page. */
	@GetMapping(path = "/queue", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(ROLES)
	@ResponseBody
	Map<String, Object> queue(@RequestParam(name = "ticket", required = false) String ticket) {
		String valid = validTicket(ticket);
		int ahead = valid == null ? -1 : queue.ahead(valid);
		String message = ahead > 0
				? messages.message("imports.queue.waiting", String.valueOf(ahead), engine.minutes(queue.maxWait()))
				: messages.message("imports.progress.processing");
		return Map.of("ahead", ahead, "message", message);
	}

	/** The list's template with the 所属执法局 column. */
	@GetMapping("/templates/{kind}")
	@PreAuthorize(ROLES)
	ResponseEntity<byte[]> template(@PathVariable String kind) {
		ImportKind importKind = ImportKind.fromPath(kind)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(messages.message("imports.split.template.fileName", importKind.label()),
								StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(templates.workbook(importKind, BureauSplitImport.BUREAU));
	}

	private void fill(Model model, ImportKind selected) {
		model.addAttribute("selected", selected);
		model.addAttribute("kinds", Arrays.asList(ImportKind.values()));
		model.addAttribute("columns", split.columns(selected)
			.stream()
			.map(c -> new ColumnView(c.header(), c.required(), templates.describe(c)))
			.toList());
		model.addAttribute("bureaus", scope.current().allowed());
	}

	private static String validTicket(String ticket) {
		return ticket != null && TICKET.matcher(ticket).matches() ? ticket : null;
	}

}
