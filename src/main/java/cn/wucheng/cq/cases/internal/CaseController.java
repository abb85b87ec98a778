package cn.wucheng.cq.cases.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.cases.CaseFlag;
import cn.wucheng.cq.organisation.DomainRepository;
import cn.wucheng.cq.organisation.UnitRepository;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.ListPage;
import cn.wucheng.cq.shared.PageSize;

/**
 * 案件: the filterable, paged case list and the case page with handlers, returns, awards and flags.
 * Everyone with business data reads cases within his scope; ADMIN has none (403). Out-of-scope cases answer 404.
 */
@Controller
class CaseController {

	static final String READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')";

	private final CaseLedger ledger;

	private final UnitRepository units;

	private final DomainRepository domains;

	private final MessageSource messages;

	CaseController(CaseLedger ledger, UnitRepository units, DomainRepository domains, MessageSource messages) {
		this.messages = messages;
		this.ledger = ledger;
		this.units = units;
		this.domains = domains;
	}

	/**
	 * One URL serves the whole page and, for an htmx request (filters, sorting, paging), only the table — except
	 * when htmx restores history, which needs the whole page.
	 */
	@GetMapping("/cases")
	@PreAuthorize(READERS)
	String list(@ModelAttribute("caseFilter") CaseFilter filter, BindingResult binding,
			@RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("cases", ledger.page(user, filter, PageSize.of(request, response, CaseLedger.PAGE_SIZE)));
		model.addAttribute("pageBase", ListPage.linkBase("/cases", request.getParameterMap()));
		model.addAttribute("sortBase", ListPage.linkBase("/cases", request.getParameterMap(), "page", "sort"));
		model.addAttribute("sort", filter.sortOrDefault());
		model.addAttribute("units", user.unitFilter().isPresent()
				? units.findAllById(List.of(user.unitFilter().get())) : units.findAllByOrderByTypeAscNameAsc());
		model.addAttribute("domains", domains.findAllByOrderBySortOrderAscNameAsc());
		model.addAttribute("categories", CaseCategory.values());
		response.addHeader("Vary", "HX-Request");
		return htmx != null && historyRestore == null ? "cases/list :: table" : "cases/list";
	}

	@GetMapping("/cases/{id:\\d+}")
	@PreAuthorize(READERS)
	String show(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		CaseLedger.CaseDetails details = ledger.details(id, user)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("c", details.row());
		model.addAttribute("details", details);
		model.addAttribute("leadLink", user.canSeePerson(details.row().lead().id(), details.row().lead().unitId()));
		model.addAttribute("coLink", user.canSeePerson(details.row().co().id(), details.row().co().unitId()));
		model.addAttribute("allFlags", CaseFlag.all());
		return "cases/case";
	}

	/** At most this many ticked cases per export: five pages of 100. */
	static final int MAX_EXPORT = 500;

	/**
	 * Issue 13 item 7, "导出所选": the cases ticked in the list as .xlsx, within the user's scope (a squad leader his
	 * squad's, an officer his own). Reads only — nothing changes, so nothing is audited. No case ticked: back to the
	 * list with a message.
	 */
	@PostMapping("/cases/export")
	@PreAuthorize(READERS)
	ResponseEntity<byte[]> exportChosen(@RequestParam(name = "ids", required = false) List<Long> ids,
			HttpServletRequest request, HttpServletResponse response) {
		List<Long> chosen = ids == null ? List.of() : ids.stream().distinct().limit(MAX_EXPORT + 1L).toList();
		if (chosen.isEmpty() || chosen.size() > MAX_EXPORT) {
			// back to the list with the reason, as a redirect-after-post with a flash message would
			FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			flash.put("flashError", messages.getMessage(chosen.isEmpty() ? "cases.export.none" : "cases.export.tooMany",
					new Object[] { String.valueOf(MAX_EXPORT) }, LocaleContextHolder.getLocale()));
			RequestContextUtils.saveOutputFlashMap("/cases", request, response);
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(URI.create(request.getContextPath() + "/cases"))
				.build();
		}
		byte[] xlsx = new CaseWorkbook(messages).write(ledger.chosen(chosen, CurrentUser.get()));
		String name = messages.getMessage("cases.export.fileName", null, LocaleContextHolder.getLocale()) + ".xlsx";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(xlsx);
	}

	/** The case page by case number (案件编号), e.g. from a link in a spreadsheet or another page. */
	@GetMapping("/cases/no/{caseNo}")
	@PreAuthorize(READERS)
	String byNumber(@PathVariable String caseNo) {
		long id = ledger.idOf(caseNo, CurrentUser.get())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return "redirect:/cases/" + id;
	}

}
