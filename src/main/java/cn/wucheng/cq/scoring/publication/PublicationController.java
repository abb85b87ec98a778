package cn.wucheng.cq.scoring.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.QuarterOnly;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * Publication and appeals: {@code /publication?period=} shows a quarter's state, its appeals and its
 * finalisations, with the legal section's buttons (publish, decide, finalise, re-open); an officer appeals an item of
 * his own breakdown from the breakdown page ({@code POST /scores/{employeeNo}/appeals}), or a case missing from it
 * ({@code POST /scores/{employeeNo}/missing-case-appeals}).
 */
@Controller
class PublicationController {

	private final Publications publications;

	private final ScoreLedger ledger;

	private final RuleSettings settings;

	private final Refusals refusals;

	PublicationController(Publications publications, ScoreLedger ledger, RuleSettings settings, Refusals refusals) {
		this.publications = publications;
		this.ledger = ledger;
		this.settings = settings;
		this.refusals = refusals;
	}

	@GetMapping("/publication")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER')")
	String page(@RequestParam(required = false) @QuarterOnly Period period, Model model) {
		LocalDate today = publications.today();
		Period quarter = period == null ? ledger.defaultQuarter() : period;
		CurrentUser user = CurrentUser.get();
		Publication publication = publications.publicationOf(quarter);
		List<Publications.AppealRow> appeals = publications.appeals(quarter, user);
		model.addAttribute("period", quarter);
		model.addAttribute("publication", publication);
		model.addAttribute("quarterState", publication.state(today));
		model.addAttribute("appeals", appeals);
		model.addAttribute("openAppeals", appeals.stream().filter(Publications.AppealRow::isOpen).count());
		model.addAttribute("freezes", publications.freezes(quarter));
		model.addAttribute("published", publications.published());
		model.addAttribute("quarters", quarters(today));
		model.addAttribute("noticeDays", settings.integer(RuleSetting.NOTICE_WORKING_DAYS));
		model.addAttribute("noticeIfToday", publications.noticeEndsOn(today));
		model.addAttribute("isLegal", user.role() == Role.LEGAL);
		return "publication/publication";
	}

	@PostMapping("/publication/{period}/publish")
	@PreAuthorize("hasRole('LEGAL')")
	String publish(@PathVariable("period") @QuarterOnly Period quarter, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
		return act(quarter, redirect, () -> {
			// issue 13 item 7: publishing cannot be undone (everyone sees the ranking, the notice period starts) —
			// only with the box ticked that says so, checked here too so that it holds without the browser's check
			if (!confirmed) {
				throw Refusal.of("publication.confirmMissing");
			}
			Publication p = publications.publish(quarter, version);
			return refusals.message("publication.published", quarter.label(), p.getNoticeEndsOn());
		});
	}

	@PostMapping("/publication/{period}/finalise")
	@PreAuthorize("hasRole('LEGAL')")
	String finalise(@PathVariable("period") @QuarterOnly Period quarter, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
		return act(quarter, redirect, () -> {
			// finalising freezes the quarter: confirmed like publishing (re-opening needs a reason and is audited)
			if (!confirmed) {
				throw Refusal.of("publication.confirmMissing");
			}
			publications.finalise(quarter, version);
			return refusals.message("publication.finalised", quarter.label());
		});
	}

	@PostMapping("/publication/{period}/reopen")
	@PreAuthorize("hasRole('LEGAL')")
	String reopen(@PathVariable("period") @QuarterOnly Period quarter, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(quarter, redirect, () -> {
			publications.reopen(quarter, version, reason);
			return refusals.message("publication.reopened", quarter.label());
		});
	}

	@PostMapping("/appeals/{id}/uphold")
	@PreAuthorize("hasRole('LEGAL')")
	String uphold(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String note, @RequestParam("period") @QuarterOnly Period quarter, RedirectAttributes redirect) {
		return act(quarter, redirect, () -> {
			publications.uphold(id, version, note);
			return refusals.message("publication.appeal.upheldDone");
		});
	}

	@PostMapping("/appeals/{id}/reject")
	@PreAuthorize("hasRole('LEGAL')")
	String reject(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, @RequestParam("period") @QuarterOnly Period quarter, RedirectAttributes redirect) {
		return act(quarter, redirect, () -> {
			publications.reject(id, version, reason);
			return refusals.message("publication.appeal.rejectedDone");
		});
	}

	/** An officer appeals one item of his own breakdown; anyone else's score or item answers 404. */
	@PostMapping("/scores/{employeeNo}/appeals")
	@PreAuthorize("hasRole('OFFICER')")
	String appeal(@PathVariable String employeeNo, @RequestParam("period") @QuarterOnly Period quarter, @RequestParam String caseNo,
			@RequestParam(required = false) String awardLevel, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return refusals.act(breakdownPage(employeeNo, quarter), redirect, () -> {
			publications.appeal(employeeNo, quarter, caseNo, awardLevel, reason);
			return refusals.message("publication.appeal.filed", caseNo);
		});
	}

	/**
	 * an officer appeals a case missing from his own breakdown, by its 案件编号; anyone else's score answers 404.
	 * The number he typed comes back in the form when it is refused.
	 */
	@PostMapping("/scores/{employeeNo}/missing-case-appeals")
	@PreAuthorize("hasRole('OFFICER')")
	String appealMissingCase(@PathVariable String employeeNo, @RequestParam("period") @QuarterOnly Period quarter,
			@RequestParam(required = false) String caseNo, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			Appeal a = publications.appealMissingCase(employeeNo, quarter, caseNo, reason);
			redirect.addFlashAttribute("flashSuccess",
					refusals.message("publication.appeal.missing.filed", a.getMissingCaseNo()));
		}
		catch (Refusal e) {
			redirect.addFlashAttribute("flashError", refusals.text(e));
			redirect.addFlashAttribute("missingCaseNo", caseNo);
			redirect.addFlashAttribute("missingReason", reason);
		}
		return "redirect:" + breakdownPage(employeeNo, quarter);
	}

	private static String breakdownPage(String employeeNo, Period quarter) {
		return "/scores/" + UriUtils.encodePathSegment(employeeNo, java.nio.charset.StandardCharsets.UTF_8)
				+ "?period=" + quarter;
	}

	/**
	 * Runs a change through the one {@link Refusals#act}; a save that lost a race with another one says so in the
	 * publication's own words (该季度或申诉), as a stale form does.
	 */
	private String act(Period quarter, RedirectAttributes redirect, Supplier<String> change) {
		return refusals.act("/publication?period=" + quarter, redirect, () -> {
			try {
				return change.get();
			}
			catch (OptimisticLockingFailureException e) {
				throw Refusal.of("publication.stale").withStatus(HttpStatus.CONFLICT);
			}
		});
	}

	/** The quarters to choose from: those of the ledger's years, newest first, up to today's. */
	private List<Period> quarters(LocalDate today) {
		List<Period> list = new ArrayList<>();
		for (int y : ledger.years()) {
			for (int q = 4; q >= 1; q--) {
				Period p = Period.quarter(y, q);
				if (!p.start().isAfter(today)) {
					list.add(p);
				}
			}
		}
		return list;
	}

}
