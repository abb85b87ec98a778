package cn.wucheng.cq.supervision.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.http.HttpStatus;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * Downloads and deletes evidence files. A download is always an attachment with the type detected at
 * upload and {@code X-Content-Type-Options: nosniff}, so a browser never renders it inline or guesses it is HTML.
 */
@Controller
class FileController {

	private final SupervisionFiles files;

	private final Refusals refusals;

	FileController(SupervisionFiles files, Refusals refusals) {
		this.refusals = refusals;
		this.files = files;
	}

	@GetMapping("/supervision/files/{id}")
	@PreAuthorize(SupervisionPages.TASK_READERS)
	ResponseEntity<Resource> download(@PathVariable long id) {
		EvidenceFile f = files.get(id, CurrentUser.get());
		Path path = files.path(f);
		if (!Files.isRegularFile(path)) {
			throw Refusal.of("supervision.notFound.fileContent").withStatus(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.originalName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.contentType(MediaType.parseMediaType(f.fileType().mediaType()))
			.contentLength(f.sizeBytes())
			.body(new FileSystemResource(path));
	}

	@PostMapping("/supervision/files/{id}/delete")
	@PreAuthorize(SupervisionPages.MANAGERS)
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.get();
		EvidenceFile f = files.get(id, user);
		String owner = refusals
			.message(f.taskId() != null ? "supervision.audit.taskEvidence" : "supervision.audit.meetingPhoto");
		files.delete(id, user, owner);
		redirect.addFlashAttribute("flashSuccess", refusals.message("supervision.files.deleted", f.originalName()));
		return f.taskId() != null ? "redirect:/supervision/tasks/" + f.taskId()
				: "redirect:/supervision/meetings/" + f.meetingId();
	}

}
