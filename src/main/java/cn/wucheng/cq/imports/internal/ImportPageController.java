package cn.wucheng.cq.imports.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;
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

import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.imports.ImportSource;
import cn.wucheng.cq.imports.Imports;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusals;
import jakarta.servlet.http.HttpSession;

/**
 * The import page of 法制科: choose the list and the file, upload with a progress bar (static/js/imports.js posts
 * the form with XMLHttpRequest and shows the result fragment), or plainly without script (the whole page comes back).
 */
@Controller
@RequestMapping("/imports")
class ImportPageController {

	private final Imports imports;

	private final ImportEngine engine;

	private final ImportTemplates templates;

	private final Refusals messages;

	private final ImportQueue queue;

	private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	private final PendingUploads pending;

	private final ImportPageModel page;

	private final ImportMappings mappings;

	ImportPageController(Imports imports, ImportEngine engine, ImportTemplates templates, Refusals messages,
			ImportQueue queue, PendingUploads pending, ImportMappings mappings,
			ImportPageModel page) {
		this.page = page;
		this.pending = pending;
		this.mappings = mappings;
		this.queue = queue;
		this.imports = imports;
		this.engine = engine;
		this.templates = templates;
		this.messages = messages;
	}

	@GetMapping
	@PreAuthorize("hasRole('LEGAL')")
	String page(@RequestParam(name = "kind", required = false) String kind, Model model) {
		model.addAttribute("selected", ImportKind.fromPath(kind == null ? "" : kind).orElse(ImportKind.DOMAINS));
		return fill(model);
	}

	@PostMapping
	@PreAuthorize("hasRole('LEGAL')")
	String upload(@RequestParam("kind") String kind, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "ticket", required = false) String ticket,
			@RequestHeader(name = "X-Requested-With", required = false) String requestedWith, HttpSession session,
			Model model) throws IOException {
		ImportKind importKind = ImportKind.fromPath(kind)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("selected", importKind);
		if (file == null || file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename())) {
			model.addAttribute("result", ImportResult.unreadable(importKind, "", messages.message("imports.file.missing")));
		}
		else {
			importOrMap(importKind, file, validTicket(ticket), session, model);
		}
		if ("XMLHttpRequest".equals(requestedWith)) {
			return "imports/index :: result";
		}
		return fill(model);
	}

	/**
	 * Issue 14 item 2: a file whose required columns the headers (and their aliases) name is imported as it is; else
	 * a mapping saved for files of this list with the same headers is applied and named in the result; else the file
	 * waits on the server (bound to this user and session) while the page shows the mapping step.
	 */
	private void importOrMap(ImportKind kind, MultipartFile file, String ticket, HttpSession session, Model model) {
		String fileName = file.getOriginalFilename();
		Path received = pending.receive(file);
		FileHeaders headers;
		try {
			headers = engine.inspect(kind, received);
		}
		catch (UnreadableFileException | RuntimeException e) {
			headers = null; // the import says why it cannot read the file
		}
		if (headers == null || headers.complete()) {
			model.addAttribute("result", imports.importMapped(kind, fileName, received, ticket, ImportSource.PAGE, null));
			return;
		}
		Optional<ImportMappings.Saved> saved = mappings.forHeaders(kind, headers);
		if (saved.isPresent()) {
			model.addAttribute("mappingUsed", saved.get().name());
			model.addAttribute("result",
					imports.importMapped(kind, fileName, received, ticket, ImportSource.PAGE, saved.get().mapping()));
			return;
		}
		PendingUploads.Pending waiting = pending.keep(received, kind, fileName, CurrentUser.get().username(),
				session);
		model.addAttribute("step", MappingStep.of(waiting, headers, engine.columns(kind), templates, null, null,
				messages.message("imports.mapping.needed", missingText(headers))));
	}

	private static String missingText(FileHeaders headers) {
		List<String> names = new java.util.ArrayList<>();
		headers.missing().forEach(c -> names.add(c.header()));
		headers.ambiguous().forEach(c -> names.add(c.header()));
		return String.join("、", names);
	}

	/**
	 * Where an upload of the page stands while it waits for its turn (static/js/imports.js asks every few seconds once
	 * the file is sent): {"ahead": N, "message": "…"}; ahead 0 means it runs, -1 that it is not (or no longer) queued.
	 */
	@GetMapping(path = "/queue", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('LEGAL')")
	@ResponseBody
	Map<String, Object> queue(@RequestParam(name = "ticket", required = false) String ticket) {
		String valid = validTicket(ticket);
		int ahead = valid == null ? -1 : imports.ahead(valid);
		String message = ahead > 0 ? messages.message("imports.queue.waiting", String.valueOf(ahead), engine.minutes(queue.maxWait()))
				: messages.message("imports.progress.processing");
		return Map.of("ahead", ahead, "message", message);
	}

	/** A ticket is the page's random id of one upload; anything else is ignored rather than stored. */
	private static String validTicket(String ticket) {
		return ticket != null && TICKET.matcher(ticket).matches() ? ticket : null;
	}

	@GetMapping("/templates/{kind}")
	@PreAuthorize("hasRole('LEGAL')")
	ResponseEntity<byte[]> template(@PathVariable String kind) {
		ImportKind importKind = ImportKind.fromPath(kind)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(templates.fileName(importKind), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(templates.workbook(importKind));
	}

	private String fill(Model model) {
		return page.fill(model);
	}

}
