package cn.wucheng.cq.imports.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.imports.ImportSource;
import cn.wucheng.cq.imports.Imports;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Issue 14 item 2 on the pages of 法制科: the mapping step's submit (a waiting upload imported with the chosen
 * mapping, saved under a name or used once), and the saved mappings — listed, edited (renamed, columns changed) and
 * deleted. Every change audited ({@link ImportMappings}).
 */
@Controller
@RequestMapping("/imports")
class ImportMappingController {

	private final Imports imports;

	private final ImportEngine engine;

	private final ImportMappings mappings;

	private final PendingUploads pending;

	private final ImportTemplates templates;

	private final ImportPageModel page;

	private final Refusals refusals;

	ImportMappingController(Imports imports, ImportEngine engine, ImportMappings mappings, PendingUploads pending,
			ImportTemplates templates, ImportPageModel page, Refusals refusals) {
		this.page = page;
		this.refusals = refusals;
		this.imports = imports;
		this.engine = engine;
		this.mappings = mappings;
		this.pending = pending;
		this.templates = templates;
	}

	/**
	 * The mapping step's submit. Only the user and session that uploaded the file may use its token; a token that is
	 * unknown, expired or another's is answered alike (the upload must be repeated), nothing imported.
	 */
	@PostMapping("/mapping")
	@PreAuthorize("hasRole('LEGAL')")
	String map(@ModelAttribute("mappingForm") MappingForm form, HttpSession session,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
			Model model) {
		String user = CurrentUser.get().username();
		Optional<PendingUploads.Pending> waiting = pending.find(form.getToken(), user, session);
		if (waiting.isEmpty()) {
			if (htmx == null) {
				response.setStatus(HttpStatus.NOT_FOUND.value());
			}
			model.addAttribute("mappingError", refusals.message("imports.mapping.gone"));
			return view(htmx, model);
		}
		PendingUploads.Pending p = waiting.get();
		FileHeaders headers;
		try {
			headers = engine.inspect(p.kind(), p.file());
		}
		catch (UnreadableFileException e) {
			throw new IllegalStateException("a waiting upload was readable when it was kept", e);
		}
		ColumnMapping mapping;
		try {
			if (form.saves()) {
				mapping = mappings.create(p.kind(), form.getName(), form.getColumns(), headers).mapping();
			}
			else {
				mapping = mappings.check(p.kind(), null, form.getColumns(), headers.headers());
			}
		}
		catch (Refusal refused) {
			model.addAttribute("step", MappingStep.of(p, headers, engine.columns(p.kind()), templates,
					form.getColumns(), form.getName(), refusals.text(refused)));
			model.addAttribute("selected", p.kind());
			return view(htmx, model);
		}
		Optional<PendingUploads.Pending> taken = pending.take(p.token(), user, session);
		if (taken.isEmpty()) {
			model.addAttribute("mappingError", refusals.message("imports.mapping.gone"));
			return view(htmx, model); // a second submit of the same step, at the same moment
		}
		model.addAttribute("selected", p.kind());
		if (mapping.name() != null) {
			model.addAttribute("mappingSaved", mapping.name());
			model.addAttribute("mappingUsed", mapping.name());
		}
		else {
			model.addAttribute("mappingOnce", true);
		}
		model.addAttribute("result", imports.importMapped(p.kind(), p.fileName(), taken.get().file(), null,
				ImportSource.PAGE, mapping));
		return view(htmx, model);
	}

	/** For an htmx request only the result area; else the whole import page around it. */
	private String view(String htmx, Model model) {
		return htmx != null ? "imports/index :: result" : page.fill(model);
	}

	@GetMapping("/mappings")
	@PreAuthorize("hasRole('LEGAL')")
	String list(Model model) {
		model.addAttribute("mappings", mappings.list());
		return "imports/mappings";
	}

	@GetMapping("/mappings/{id}")
	@PreAuthorize("hasRole('LEGAL')")
	String edit(@PathVariable long id, Model model) {
		ImportMappings.Saved saved = mappings.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		MappingForm form = new MappingForm();
		form.setName(saved.name());
		form.setColumns(new java.util.LinkedHashMap<>(saved.columns()));
		return editPage(saved, form, null, model);
	}

	@PostMapping("/mappings/{id}")
	@PreAuthorize("hasRole('LEGAL')")
	String update(@PathVariable long id, @ModelAttribute("mappingForm") MappingForm form, Model model,
			RedirectAttributes redirect) {
		ImportMappings.Saved saved = mappings.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			ImportMappings.Saved changed = mappings.update(id, form.getName(), form.getColumns());
			redirect.addFlashAttribute("flashSuccess", refusals.message("imports.mapping.updated", changed.name()));
			return "redirect:/imports/mappings";
		}
		catch (Refusal refused) {
			return editPage(saved, form, refusals.text(refused), model);
		}
	}

	@PostMapping("/mappings/{id}/delete")
	@PreAuthorize("hasRole('LEGAL')")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		ImportMappings.Saved saved = mappings.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		mappings.delete(id);
		redirect.addFlashAttribute("flashSuccess", refusals.message("imports.mapping.deleted", saved.name()));
		return "redirect:/imports/mappings";
	}

	private String editPage(ImportMappings.Saved saved, MappingForm form, String error, Model model) {
		List<MappingStep.Choice> choices = engine.columns(saved.kind())
			.stream()
			.sorted((a, b) -> Boolean.compare(b.required(), a.required()))
			.map(c -> new MappingStep.Choice(c.header(), c.required(), templates.describe(c),
					form.getColumns().getOrDefault(c.header(), "")))
			.toList();
		model.addAttribute("saved", saved);
		model.addAttribute("choices", choices);
		model.addAttribute("name", form.getName());
		model.addAttribute("error", error);
		return "imports/mapping-edit";
	}

}
