package cn.wucheng.cq.supervision.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
import cn.wucheng.cq.shared.NotFoundException;

/**
 * Downloads and deletes evidence files. A download is always an attachment with the type detected at
 * upload and {@code X-Content-Type-Options: nosniff}, so a browser never renders it inline or guesses it is HTML.
 */
@Controller
class FileController {

	private final SupervisionFiles files;

	private final SupervisionPages pages;

	FileController(SupervisionFiles files, SupervisionPages pages) {
		this.files = files;
		this.pages = pages;
	}

	@GetMapping("/supervision/files/{id}")
	@PreAuthorize(SupervisionPages.TASK_READERS)
	ResponseEntity<Resource> download(@PathVariable long id) {
		EvidenceFile f = files.get(id, CurrentUser.get());
		Path path = files.path(f);
		if (!Files.isRegularFile(path)) {
			throw new NotFoundException("证明材料的文件已不存在。");
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
		String owner = f.taskId() != null ? "任务证明材料" : "会议照片";
		files.delete(id, user, owner);
		redirect.addFlashAttribute("flashSuccess", pages.msg("supervision.files.deleted", f.originalName()));
		return f.taskId() != null ? "redirect:/supervision/tasks/" + f.taskId()
				: "redirect:/supervision/meetings/" + f.meetingId();
	}

}
