package cn.wucheng.cq.notifications.internal;

import org.springframework.stereotype.Component;

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

	/** The signed-in user's unread messages; 0 without a user or an account id. */
	public long unread() {
		return CurrentUser.find()
			.filter(u -> u.userId() != null)
			.map(u -> store.unreadCount(u.userId()))
			.orElse(0L);
	}

}
