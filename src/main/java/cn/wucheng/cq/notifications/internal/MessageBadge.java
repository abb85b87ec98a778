package cn.wucheng.cq.notifications.internal;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.RequestDispatcher;

import cn.wucheng.cq.security.CurrentUser;

/**
 * The unread count of the top bar ({@code ${@messageBadge.unread()}} in notifications/badge, once per page view): one
 * count over the partial index {@code message_unread}, measured at well under a millisecond (see
 * MessageCentreTests) — cheaper than a second request per page that loading it by htmx would cost.
 */
@Component("messageBadge")
public class MessageBadge {

	private final MessageStore store;

	MessageBadge(MessageStore store) {
		this.store = store;
	}

	/**
	 * The signed-in user's unread messages; 0 without a user or an account id, and on an error page: the 503
	 * 系统繁忙 page is drawn exactly when no connection is to be had, and it must not wait for one (nor fail into the
	 * server's bare error page because the badge could not count).
	 */
	public long unread() {
		if (onAnErrorPage()) {
			return 0L;
		}
		try {
			return CurrentUser.find()
				.filter(u -> u.userId() != null)
				.map(u -> store.unreadCount(u.userId()))
				.orElse(0L);
		}
		catch (DataAccessException busy) {
			return 0L;
		}
	}

	private static boolean onAnErrorPage() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest().getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
	}

}
