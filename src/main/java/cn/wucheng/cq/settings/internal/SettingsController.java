package cn.wucheng.cq.settings.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * The rule settings page (规则参数): every default of RULES.md the legal section may change, with its rule id, current
 * value, whether it is the default, an edit form and a reset. LEGAL and ADMIN view and edit; every change is audited
 * by {@link RuleSettings}. The yearly case-handling standard (R-32) is edited on the standards page.
 */
@Controller
class SettingsController {

	/** One row of the page. */
	record Row(RuleSetting setting, String value, boolean isDefault, String shown, String defaultShown) {
	}

	private final RuleSettings settings;

	private final Refusals refusals;

	SettingsController(RuleSettings settings, Refusals refusals) {
		this.settings = settings;
		this.refusals = refusals;
	}

	@GetMapping("/settings")
	@PreAuthorize("hasAnyRole('LEGAL','ADMIN')")
	String list(Model model) {
		List<Row> rows = new ArrayList<>();
		settings.all().values().forEach(v -> rows.add(new Row(v.setting(), v.value(), v.isDefault(),
				shown(v.setting(), v.value()), shown(v.setting(), v.setting().defaultValue()))));
		model.addAttribute("rows", rows);
		return "settings/settings";
	}

	@PostMapping("/settings/{name}")
	@PreAuthorize("hasAnyRole('LEGAL','ADMIN')")
	String change(@PathVariable String name, @RequestParam(defaultValue = "") String value,
			@RequestParam(required = false) String was, RedirectAttributes redirect) {
		RuleSetting setting = setting(name);
		String label = label(setting);
		try {
			settings.set(setting, value, was, CurrentUser.get().username());
			redirect.addFlashAttribute("flashSuccess", refusals.message("settings.saved", label, shown(setting, settings.get(setting))));
		}
		catch (Refusal e) {
			redirect.addFlashAttribute("flashError", refusals.message(e.status() == HttpStatus.CONFLICT ? "settings.conflict"
					: "settings.invalid", label, refusals.text(e)));
		}
		return "redirect:/settings#" + setting.name();
	}

	@PostMapping("/settings/{name}/reset")
	@PreAuthorize("hasAnyRole('LEGAL','ADMIN')")
	String reset(@PathVariable String name, RedirectAttributes redirect) {
		RuleSetting setting = setting(name);
		settings.reset(setting);
		redirect.addFlashAttribute("flashSuccess",
				refusals.message("settings.resetDone", label(setting), shown(setting, setting.defaultValue())));
		return "redirect:/settings#" + setting.name();
	}

	private static RuleSetting setting(String name) {
		try {
			return RuleSetting.valueOf(name);
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/** A value as people read it: the label of a choice, or the number as stored. */
	private String shown(RuleSetting setting, String value) {
		return setting.options().isEmpty() ? value : refusals.message("settings.option." + value);
	}

	private String label(RuleSetting setting) {
		return refusals.message("setting." + setting.name());
	}


}
