package cn.wucheng.cq.notifications.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.ListPage;
import cn.wucheng.cq.shared.NotFoundException;

/**
 * {@code /messages}: the signed-in user's own messages, newest first, unread highlighted, 20 a page; one URL serves
 * the page and, for htmx (paging), the list. Opening a message marks it read and goes to its page; "标为已读" marks
 * one by htmx (the row and the top bar's badge are swapped); "全部标为已读" all. Every role that signs in has a
 * message centre; each query names the user's own account, so another's message is "not found" (404). Marking read
 * is not audited: it changes nothing of the bureau's data, only what the user has seen (kept in {@code read_at}).
 */
@Controller
class MessagesController {

	/** Every role that signs in to pages (the integration account has none). */
	static final String SIGNED_IN = "hasAnyRole('ADMIN','SECURITY_ADMIN','AUDIT_ADMIN','LEGAL','SUPERVISION','LEADER',"
			+ "'SQUAD_LEADER','LEGAL_OFFICER','OFFICER','CITY_LEGAL','CITY_SUPERVISION','PROVINCE_LEGAL','PROVINCE_SUPERVISION')";

	static final int PAGE_SIZE = 20;

	private final MessageStore store;

	MessagesController(MessageStore store) {
		this.store = store;
	}

	@GetMapping("/messages")
	@PreAuthorize(SIGNED_IN)
	String list(@RequestParam(required = false) Integer page,
			@RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
			HttpServletResponse response, Model model) {
		model.addAttribute("messages", store.page(userId(), ListPage.pageNumber(page), PAGE_SIZE));
		response.addHeader("Vary", "HX-Request");
		return htmx != null && historyRestore == null ? "notifications/messages :: list" : "notifications/messages";
	}

	@PostMapping("/messages/{id}/read")
	@PreAuthorize(SIGNED_IN)
	String read(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		long user = userId();
		if (!store.markRead(user, id)) {
			throw new NotFoundException();
		}
		if (htmx == null) {
			return "redirect:/messages";
		}
		model.addAttribute("m", store.find(user, id).orElseThrow());
		return "notifications/messages :: read";
	}

	/** Opens a message: marks it read and goes to the page it concerns (a path of this application only). */
	@PostMapping("/messages/{id}/open")
	@PreAuthorize(SIGNED_IN)
	String open(@PathVariable long id) {
		long user = userId();
		MessageStore.Message m = store.find(user, id).orElseThrow(() -> new NotFoundException());
		store.markRead(user, id);
		return "redirect:" + (local(m.link()) ? m.link() : "/messages");
	}

	@PostMapping("/messages/read-all")
	@PreAuthorize(SIGNED_IN)
	String readAll(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		long user = userId();
		store.markAllRead(user);
		if (htmx == null) {
			return "redirect:/messages";
		}
		model.addAttribute("messages", store.page(user, 1, PAGE_SIZE));
		return "notifications/messages :: all-read";
	}

	/** A path on this server ("/cases/12"), never another site ("//evil", "https://…"): no open redirect. */
	static boolean local(String link) {
		return link != null && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\");
	}

	private static long userId() {
		Long id = CurrentUser.get().userId();
		if (id == null) {
			throw new NotFoundException();
		}
		return id;
	}

}
