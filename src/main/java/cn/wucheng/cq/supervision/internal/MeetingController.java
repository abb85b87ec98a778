package cn.wucheng.cq.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;

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
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * The monthly review meetings (研判会商, R-72): {@code /supervision/meetings?year=} lists each month with its
 * deadline (the 25th, R-27), its meetings and a flag when late or missing, and the form to record one;
 * {@code /supervision/meetings/{id}} shows the minutes and photos.
 */
@Controller
class MeetingController {

	private final Meetings meetings;

	private final SupervisionFiles files;

	private final SupervisionPages pages;

	private final Refusals refusals;

	private final Clock clock;

	MeetingController(Meetings meetings, SupervisionFiles files, SupervisionPages pages, Refusals refusals, Clock clock) {
		this.refusals = refusals;
		this.meetings = meetings;
		this.files = files;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping("/supervision/meetings")
	@PreAuthorize(SupervisionPages.READERS)
	String list(@RequestParam(required = false) String year, Model model) {
		LocalDate today = LocalDate.now(clock);
		int y = pages.year(year);
		model.addAttribute("year", y);
		model.addAttribute("years", pages.years(y));
		model.addAttribute("months", meetings.year(y, today));
		model.addAttribute("mayManage", mayManage());
		if (!model.containsAttribute("meetingForm")) {
			MeetingForm form = new MeetingForm();
			form.setHeldOn(today);
			model.addAttribute("meetingForm", form);
		}
		return "supervision/meetings";
	}

	@PostMapping("/supervision/meetings")
	@PreAuthorize(SupervisionPages.MANAGERS)
	String record(@ModelAttribute("meetingForm") MeetingForm form, RedirectAttributes redirect) {
		try {
			Meeting m = meetings.record(form.getHeldOn(), form.getAttendees(), form.getMinutes(),
					CurrentUser.get().username());
			Meetings.MeetingView v = meetings.view(m);
			redirect.addFlashAttribute("flashSuccess", v.late()
					? refusals.message("supervision.meeting.recordedLate", m.getHeldOn(), v.due())
					: refusals.message("supervision.meeting.recorded", m.getHeldOn()));
			return "redirect:/supervision/meetings/" + m.getId();
		}
		catch (Refusal e) {
			redirect.addFlashAttribute("flashError", refusals.text(e));
			redirect.addFlashAttribute("meetingForm", form);
			return "redirect:/supervision/meetings";
		}
	}

	@GetMapping("/supervision/meetings/{id}")
	@PreAuthorize(SupervisionPages.READERS)
	String meeting(@PathVariable long id, Model model) {
		model.addAttribute("m", meetings.get(id));
		model.addAttribute("photos", files.ofMeeting(id, CurrentUser.get()));
		model.addAttribute("mayManage", mayManage());
		model.addAttribute("maxSizeMb", files.maxSizeBytes() / (1024 * 1024));
		return "supervision/meeting";
	}

	@PostMapping("/supervision/meetings/{id}/photos")
	@PreAuthorize(SupervisionPages.MANAGERS)
	String photo(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		Meetings.MeetingView m = meetings.get(id);
		return refusals.act("/supervision/meetings/" + id, redirect, () -> {
			EvidenceFile f = files.upload(null, id, null, file,
					refusals.message("supervision.audit.meeting", m.meeting().getHeldOn()));
			return refusals.message("supervision.files.uploaded", f.originalName());
		});
	}

	private static boolean mayManage() {
		Role r = CurrentUser.get().role();
		return r == Role.LEGAL || r == Role.SUPERVISION;
	}

}
