package cn.wucheng.cq.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.supervision.TaskStatus;

/**
 * {@code /supervision/programme?year=} shows the year's leading group and milestones beside the key tasks; the
 * legal section (the group's office) keeps the group and sets the milestones' status; supervision and the bureau's
 * leaders read. Kind and status arrive as text and are parsed here, so a bad value cannot answer 400 before the role
 * check answers 403.
 */
@Controller
class ProgrammeController {

	/** Keep the leading group and the milestones: the legal section only (领导小组办公室设在法制科). */
	static final String KEEPER = "hasRole('LEGAL')";

	private final Programme programme;

	private final SupervisionPages pages;

	private final Refusals refusals;

	private final Clock clock;

	ProgrammeController(Programme programme, SupervisionPages pages, Refusals refusals, Clock clock) {
		this.refusals = refusals;
		this.programme = programme;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping("/supervision/programme")
	@PreAuthorize(SupervisionPages.READERS)
	String page(@RequestParam(required = false) String year, Model model) {
		LocalDate today = LocalDate.now(clock);
		int y = pages.year(year);
		Programme.LeadingGroup group = programme.group(y);
		List<Programme.Milestone> milestones = programme.milestones(y, today);
		model.addAttribute("year", y);
		model.addAttribute("years", pages.years(y));
		model.addAttribute("today", today);
		model.addAttribute("group", group);
		model.addAttribute("positions", LeadingGroupPosition.values());
		model.addAttribute("milestones", milestones);
		model.addAttribute("overdue", milestones.stream().filter(Programme.Milestone::overdue).count());
		model.addAttribute("statuses", List.of(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.DONE));
		model.addAttribute("mayKeep", CurrentUser.get().role() == Role.LEGAL);
		if (!model.containsAttribute("groupForm")) {
			model.addAttribute("groupForm", LeadingGroupForm.of(group));
		}
		return "supervision/programme";
	}

	@PostMapping("/supervision/programme/group")
	@PreAuthorize(KEEPER)
	String saveGroup(@RequestParam(required = false) String year, @ModelAttribute("groupForm") LeadingGroupForm form,
			RedirectAttributes redirect) {
		int y = pages.year(year);
		try {
			programme.replaceGroup(y, form, CurrentUser.get());
			redirect.addFlashAttribute("flashSuccess", refusals.message("supervision.programme.saved", y));
		}
		catch (Refusal e) {
			redirect.addFlashAttribute("flashError", refusals.text(e));
			redirect.addFlashAttribute("groupForm", form);
		}
		return "redirect:/supervision/programme?year=" + y;
	}

	@PostMapping("/supervision/programme/milestones/{kind}/status")
	@PreAuthorize(KEEPER)
	String setStatus(@PathVariable String kind, @RequestParam(required = false) String year,
			@RequestParam(required = false) String status, @RequestParam(required = false) String note,
			@RequestParam(defaultValue = "-1") String version, RedirectAttributes redirect) {
		MilestoneKind k = parse(MilestoneKind.class, kind)
			.orElseThrow(() -> Refusal.of("supervision.milestone.notFound").withStatus(HttpStatus.NOT_FOUND));
		int y = pages.year(year);
		return refusals.act("/supervision/programme?year=" + y, redirect, () -> {
			TaskStatus s = parse(TaskStatus.class, status).orElse(null);
			try {
				programme.setStatus(y, k, parseInt(version), s, note, CurrentUser.get(), LocalDate.now(clock));
			}
			catch (OptimisticLockingFailureException e) {
				throw Refusal.of("supervision.task.stale").withStatus(HttpStatus.CONFLICT);
			}
			return refusals.message("supervision.milestone.saved", refusals.message(k.messageKey()), s.label());
		});
	}

	private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
		return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(text)).findFirst();
	}

	private static int parseInt(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

}
