package cn.wucheng.cq.recording.internal;

import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.cases.CaseFile;
import cn.wucheng.cq.recording.GapQuery;
import cn.wucheng.cq.recording.RecordingCompliance;
import cn.wucheng.cq.rollout.Rollout;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * A case's full-process recording: its videos, inquiries and disc archive, with the case's open gaps.
 * Linked from the case page. Changes post and redirect back with a flash message; a refused entry keeps what the
 * user typed.
 */
@Controller
class RecordingController {

	/** The case header: number, category, unit and handlers' names, in one query. */
	record CaseHeader(long id, String caseNo, String category, String source, String videoNo, String unitName,
			java.time.LocalDate filedOn, java.time.LocalDate concludedOn, String leadName, String coName) {
	}

	private final RecordingService service;

	private final RecordingCompliance compliance;

	private final Rollout rollout;

	private final JdbcClient jdbc;

	private final Refusals refusals;

	RecordingController(RecordingService service, RecordingCompliance compliance, Rollout rollout, JdbcClient jdbc,
			Refusals refusals) {
		this.service = service;
		this.compliance = compliance;
		this.rollout = rollout;
		this.jdbc = jdbc;
		this.refusals = refusals;
	}

	@GetMapping("/cases/{id}/recording")
	@PreAuthorize(RecordingPages.READERS)
	String page(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		CaseFile c = service.visibleCase(id);
		model.addAttribute("header", header(id));
		model.addAttribute("caseFile", c);
		model.addAttribute("since", rollout.since(c.getUnitId()).orElse(null));
		model.addAttribute("gaps", compliance.gaps(GapQuery.ofCase(id), user, 1).items());
		model.addAttribute("videos", service.videos(id));
		model.addAttribute("inquiries", service.inquiries(id));
		var disc = service.disc(id);
		model.addAttribute("disc", disc.orElse(null));
		model.addAttribute("canRecord", RecordingService.canRecord(user, c));
		model.addAttribute("discApplies", compliance.discRequiredOf(c.getCategory())); // R-52 and its setting
		model.addAttribute("videoKinds", VideoKind.values());
		model.addAttribute("stages", RecordingStage.values());
		if (!model.containsAttribute("videoForm")) {
			model.addAttribute("videoForm", new VideoForm());
		}
		if (!model.containsAttribute("inquiryForm")) {
			InquiryForm f = new InquiryForm();
			f.setWhere(InquiryForm.Where.ROOM);
			model.addAttribute("inquiryForm", f);
		}
		if (!model.containsAttribute("discForm")) {
			model.addAttribute("discForm", disc.map(DiscForm::of).orElseGet(DiscForm::new));
		}
		model.addAttribute("today", service.today());
		return "recording/case";
	}

	@PostMapping("/cases/{id}/recording/videos")
	@PreAuthorize(RecordingPages.RECORDERS)
	String addVideo(@PathVariable long id, @ModelAttribute VideoForm form, BindingResult binding,
			RedirectAttributes redirect) {
		return act(id, binding, redirect, "videoForm", form, () -> {
			CaseVideo v = service.addVideo(id, form.getVideoNo(), form.getVideoKind(), form.getStage());
			return refusals.message("recording.video.saved", v.getVideoNo());
		});
	}

	@PostMapping("/cases/{id}/recording/videos/{videoId}/delete")
	@PreAuthorize(RecordingPages.RECORDERS)
	String deleteVideo(@PathVariable long id, @PathVariable long videoId,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
		return act(id, null, redirect, null, null, () -> {
			// issue 13 item 7: a delete cannot be undone — only from the second step that says so (holds without script)
			if (!confirmed) {
				throw Refusal.of("recording.confirmMissing");
			}
			service.deleteVideo(id, videoId, version);
			return refusals.message("recording.video.deleted");
		});
	}

	@PostMapping("/cases/{id}/recording/inquiries")
	@PreAuthorize(RecordingPages.RECORDERS)
	String addInquiry(@PathVariable long id, @ModelAttribute InquiryForm form, BindingResult binding,
			RedirectAttributes redirect) {
		return act(id, binding, redirect, "inquiryForm", form, () -> {
			Inquiry i = service.addInquiry(id, form.toDetails(), form.getPresent());
			return refusals.message("recording.inquiry.saved", i.getHeldOn());
		});
	}

	@PostMapping("/cases/{id}/recording/inquiries/{inquiryId}/delete")
	@PreAuthorize(RecordingPages.RECORDERS)
	String deleteInquiry(@PathVariable long id, @PathVariable long inquiryId,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
		return act(id, null, redirect, null, null, () -> {
			// issue 13 item 7: a delete cannot be undone — only from the second step that says so (holds without script)
			if (!confirmed) {
				throw Refusal.of("recording.confirmMissing");
			}
			service.deleteInquiry(id, inquiryId, version);
			return refusals.message("recording.inquiry.deleted");
		});
	}

	@PostMapping("/cases/{id}/recording/disc")
	@PreAuthorize(RecordingPages.RECORDERS)
	String archiveDisc(@PathVariable long id, @ModelAttribute DiscForm form, BindingResult binding,
			RedirectAttributes redirect) {
		return act(id, binding, redirect, "discForm", form, () -> {
			DiscArchive d = service.archiveDisc(id, form.getDiscNo(), form.getArchivedOn(), form.getVersion());
			return refusals.message("recording.disc.saved", d.getDiscNo());
		});
	}

	@PostMapping("/cases/{id}/recording/disc/delete")
	@PreAuthorize(RecordingPages.RECORDERS)
	String deleteDisc(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
		return act(id, null, redirect, null, null, () -> {
			// issue 13 item 7: a delete cannot be undone — only from the second step that says so (holds without script)
			if (!confirmed) {
				throw Refusal.of("recording.confirmMissing");
			}
			service.deleteDisc(id, version);
			return refusals.message("recording.disc.deleted");
		});
	}

	/**
	 * Runs a change and redirects to the case's recording page with its outcome; a refusal or bad input keeps the
	 * form the user filled in. Out-of-scope cases (404) and roles that may not record (403) are not caught.
	 */
	private String act(long id, BindingResult binding, RedirectAttributes redirect, String formName, Object form,
			Supplier<String> change) {
		String back = "redirect:/cases/" + id + "/recording";
		if (binding != null && binding.hasErrors()) {
			service.visibleCase(id);
			String field = binding.getFieldError() == null ? "" : binding.getFieldError().getField();
			redirect.addFlashAttribute("flashError",
					refusals.message("recording.badInput", refusals.message("recording.field." + field)));
			redirect.addFlashAttribute(formName, form);
			return back;
		}
		return refusals.act("/cases/" + id + "/recording", redirect, () -> {
			try {
				return change.get();
			}
			catch (Refusal e) {
				if (formName != null) {
					redirect.addFlashAttribute(formName, form);
				}
				throw e;
			}
			catch (OptimisticLockingFailureException e) {
				throw Refusal.of("recording.stale").withStatus(HttpStatus.CONFLICT);
			}
		});
	}

	private CaseHeader header(long id) {
		return jdbc.sql("""
				select c.id, c.case_no, c.category, c.source, c.video_no, u.name as unit_name, c.filed_on,
				       c.concluded_on_effective as concluded_on, l.name as lead_name, o.name as co_name
				from case_file c join unit u on u.id = c.unit_id
				join person l on l.id = c.lead_id join person o on o.id = c.co_id
				where c.id = ?""")
			.param(id)
			.query((rs, n) -> new CaseHeader(rs.getLong("id"), rs.getString("case_no"), rs.getString("category"),
					rs.getString("source"), rs.getString("video_no"), rs.getString("unit_name"),
					rs.getObject("filed_on", java.time.LocalDate.class),
					rs.getObject("concluded_on", java.time.LocalDate.class), rs.getString("lead_name"),
					rs.getString("co_name")))
			.single();
	}

}
