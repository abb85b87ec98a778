package cn.wucheng.cq.imports.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.wucheng.cq.imports.ImportHistory;
import cn.wucheng.cq.shared.ListPage;
import cn.wucheng.cq.shared.PageSize;

/**
 * The import history of 法制科 (issue 14, item 6): every import with its counts and problems, and the kept file to
 * download (audited) while the retention lasts. The files are the bureau's raw data: only 法制科 takes them.
 */
@Controller
@RequestMapping("/imports/history")
class ImportHistoryController {

	/** Imports per page of the history, newest first, unless the user chose another size (shared.PageSize). */
	static final int PAGE_SIZE = 50;

	private final ImportHistory history;

	ImportHistoryController(ImportHistory history) {
		this.history = history;
	}

	@GetMapping
	@PreAuthorize("hasRole('LEGAL')")
	String list(@RequestParam(required = false) Integer page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		ListPage<ImportHistory.Entry> entries = history.page(ListPage.pageNumber(page),
				PageSize.of(request, response, PAGE_SIZE));
		model.addAttribute("page", entries);
		model.addAttribute("entries", entries.items()); // the table fragment's parameter
		return htmx != null ? "imports/history :: historyList" : "imports/history";
	}

	@GetMapping("/{id}/file")
	@PreAuthorize("hasRole('LEGAL')")
	ResponseEntity<Resource> file(@PathVariable long id) {
		ImportHistory.Entry entry = history.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Path file = history.download(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String name = entry.fileName().isBlank() ? "import-" + id : entry.fileName();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(new FileSystemResource(file));
	}

}
