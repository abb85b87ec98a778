package cn.wucheng.cq.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.supervision.TaskStatus;

/**
 * The key tasks: {@code /supervision/tasks} lists the 18 tasks of attachment 4 with status, deadline and
 * overdue flag; {@code /supervision/tasks/{id}} shows one with its evidence, the status form (legal section,
 * supervision) and the upload form (also a squad role, for his squad).
 */
@Controller
class TaskController {

	private final TaskBoard board;

	private final SupervisionFiles files;

	private final Refusals refusals;

	private final Clock clock;

	private final LatestPeriods latest;

	TaskController(TaskBoard board, SupervisionFiles files, Refusals refusals, Clock clock,
			LatestPeriods latest) {
		this.refusals = refusals;
		this.latest = latest;
		this.board = board;
		this.files = files;
		this.clock = clock;
	}

	/**
	 * The day the board shows: today, or the last day of the latest year with data when that year is over (issue 13:
	 * the demo's year, whose data every page shows — its deadlines, not this year's passed ones with last year's work).
	 */
	private LocalDate boardDay() {
		LocalDate today = LocalDate.now(clock);
		int year = latest.year();
		return year < today.getYear() ? LocalDate.of(year, 12, 31) : today;
	}

	@GetMapping("/supervision/tasks")
	@PreAuthorize(SupervisionPages.TASK_READERS)
	String list(Model model) {
		LocalDate today = boardDay();
		List<TaskBoard.TaskView> tasks = board.board(CurrentUser.get(), today);
		model.addAttribute("today", today);
		model.addAttribute("tasks", tasks);
		model.addAttribute("overdue", tasks.stream().filter(TaskBoard.TaskView::overdue).count());
		return "supervision/tasks";
	}

	@GetMapping("/supervision/tasks/{id}")
	@PreAuthorize(SupervisionPages.TASK_READERS)
	String task(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		LocalDate today = boardDay();
		TaskBoard.TaskView view = board.one(id, user, today);
		model.addAttribute("today", today);
		model.addAttribute("t", view);
		model.addAttribute("files", files.ofTask(id, user));
		model.addAttribute("statuses", List.of(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.DONE));
		model.addAttribute("mayUpload", user.role() == Role.LEGAL || user.role() == Role.SUPERVISION
				|| board.squadMayUpload(view, user));
		model.addAttribute("mayManage", user.role() == Role.LEGAL || user.role() == Role.SUPERVISION);
		model.addAttribute("maxSizeMb", files.maxSizeBytes() / (1024 * 1024));
		if (!model.containsAttribute("statusForm")) {
			model.addAttribute("statusForm", TaskStatusForm.of(view.task()));
		}
		return "supervision/task";
	}

	@PostMapping("/supervision/tasks/{id}/status")
	@PreAuthorize(SupervisionPages.MANAGERS)
	String setStatus(@PathVariable long id, @ModelAttribute("statusForm") TaskStatusForm form,
			RedirectAttributes redirect) {
		return refusals.act("/supervision/tasks/" + id, redirect, () -> {
			try {
				TaskBoard.TaskView v = board.setStatus(id, form.getVersion(), form.getStatus(), form.getNote(),
						CurrentUser.get(), LocalDate.now(clock));
				return refusals.message("supervision.task.statusSaved", v.task().getTaskNo(), form.getStatus().label());
			}
			catch (Refusal e) {
				redirect.addFlashAttribute("statusForm", form); // as typed
				throw e;
			}
			catch (OptimisticLockingFailureException e) {
				throw Refusal.of("supervision.task.stale").withStatus(HttpStatus.CONFLICT);
			}
		});
	}

	@PostMapping("/supervision/tasks/{id}/files")
	@PreAuthorize(SupervisionPages.UPLOADERS)
	String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.get();
		TaskBoard.TaskView view = board.one(id, user, boardDay());
		if (user.role() != Role.LEGAL && user.role() != Role.SUPERVISION && !board.squadMayUpload(view, user)) {
			throw TaskBoard.noSuchTask();
		}
		return refusals.act("/supervision/tasks/" + id, redirect, () -> {
			EvidenceFile f = files.upload(id, null, user.unitFilter().orElse(null), file,
					refusals.message("supervision.audit.taskOwner", view.task().getTaskNo()));
			return refusals.message("supervision.files.uploaded", f.originalName());
		});
	}

}
