package cn.wucheng.cq.shared;

import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one place a {@link Refusal} becomes text for a page (issue 15 item 3): the message of its key with its
 * arguments in the user's locale, a flash message after a change, or the outcome of a change that a form posts
 * ({@link #act}). The web shell's error handling uses {@link #text} as well for refusals nobody caught.
 */
@Component
public class Refusals {

	private final MessageSource messages;

	public Refusals(MessageSource messages) {
		this.messages = messages;
	}

	/** The refusal's message in the user's language. */
	public String text(Refusal refusal) {
		return messages.getMessage(refusal.key(), refusal.args(), LocaleContextHolder.getLocale());
	}

	/** The message {@code key} with its arguments as text (see {@link Refusal#text(Object)}). */
	public String message(String key, Object... args) {
		Object[] text = args == null ? new Object[0]
				: java.util.Arrays.stream(args).map(Refusal::text).toArray();
		return messages.getMessage(key, text, LocaleContextHolder.getLocale());
	}

	/**
	 * Runs a change a form posted and redirects to {@code target}: its success message (the supplier's text) as
	 * {@code flashSuccess}, or a refusal's or a stale version's message as {@code flashError}; a refusal answering 404
	 * (a record not there or out of the user's scope) is not caught, the web shell answers it with the 404 page. Nothing is half-done:
	 * the change is one transaction of the service it calls.
	 */
	public String act(String target, RedirectAttributes redirect, Supplier<String> change) {
		try {
			redirect.addFlashAttribute("flashSuccess", change.get());
		}
		catch (Refusal e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				// not there, or out of the user's scope: the 404 page, as for a page, never a flash on another page
				throw e;
			}
			redirect.addFlashAttribute("flashError", text(e));
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("flashError", text(Refusal.stale()));
		}
		return "redirect:" + target;
	}

}
