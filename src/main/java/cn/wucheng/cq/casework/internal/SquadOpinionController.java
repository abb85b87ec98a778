package cn.wucheng.cq.casework.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * the squad reviewer's 规范审核意见 — the list of cases waiting for the signed-in reviewer's opinion and the form
 * on one case. Open to squad leaders and officers (a deputy's account is an officer's); {@link SquadOpinions} lets
 * only the designated reviewer through.
 */
@Controller
class SquadOpinionController {

	private final SquadOpinions opinions;

	private final Refusals refusals;

	SquadOpinionController(SquadOpinions opinions, Refusals refusals) {
		this.refusals = refusals;
		this.opinions = opinions;
	}

	@GetMapping("/casework/opinions")
	@PreAuthorize(CaseworkScope.SQUAD_REVIEWER)
	String pending(Model model) {
		Long person = CurrentUser.get().personId();
		model.addAttribute("rows", person == null ? java.util.List.of() : opinions.pendingFor(person));
		return "casework/opinions";
	}

	@GetMapping("/casework/cases/{id}/opinion")
	@PreAuthorize(CaseworkScope.SQUAD_REVIEWER)
	String form(@PathVariable long id, Model model, RedirectAttributes redirect) {
		SquadOpinions.Target t;
		try {
			t = opinions.forReviewer(id);
		}
		catch (Refusal e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("flashError", refusals.text(e));
			return "redirect:/casework/cases/" + id;
		}
		model.addAttribute("t", t);
		var opinion = opinions.of(id);
		model.addAttribute("opinion", opinion.orElse(null));
		if (!model.containsAttribute("text")) {
			model.addAttribute("text", opinion.map(SquadOpinions.Opinion::text).orElse(""));
		}
		return "casework/opinion";
	}

	@PostMapping("/casework/cases/{id}/opinion")
	@PreAuthorize(CaseworkScope.SQUAD_REVIEWER)
	String write(@PathVariable long id, @RequestParam(required = false) String opinion,
			@RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
		return refusals.act("/casework/cases/" + id + "/opinion", redirect, () -> CaseworkPages.staleAsRefusal(() -> {
			try {
				SquadOpinions.Opinion saved = opinions.write(id, opinion, version);
				return refusals.message("casework.opinion.saved", saved.reviewedOn());
			}
			catch (Refusal e) {
				redirect.addFlashAttribute("text", opinion); // as typed
				throw e;
			}
		}));
	}

}
