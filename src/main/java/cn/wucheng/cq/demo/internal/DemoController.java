package cn.wucheng.cq.demo.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.wucheng.cq.demo.DemoLoader;

/** The home page's "load demo bureau" button, for an empty system (法制科 or 系统管理员). */
@Controller
class DemoController {

	private final DemoLoader loader;

	private final MessageSource messages;

	DemoController(DemoLoader loader, MessageSource messages) {
		this.loader = loader;
		this.messages = messages;
	}

	@PostMapping("/demo/load")
	@PreAuthorize("hasAnyRole('LEGAL','ADMIN')")
	String load(RedirectAttributes redirect) {
		try {
			DemoLoader.Outcome outcome = loader.load();
			String key = outcome.complete() ? "demo.loaded" : "demo.failed";
			redirect.addFlashAttribute(outcome.complete() ? "flashSuccess" : "flashError", messages.getMessage(key,
					new Object[] { outcome.year() }, LocaleContextHolder.getLocale()));
		}
		catch (IllegalStateException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/";
	}

}
