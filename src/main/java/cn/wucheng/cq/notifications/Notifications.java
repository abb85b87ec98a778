package cn.wucheng.cq.notifications;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.notifications.internal.MessageStore;

/**
 * Sends messages into the message centre (站内消息) — for other modules and the demo bureau. A message is stored as
 * the Chinese text the user reads (see V7_20: it must read the same after the wording of the properties changes),
 * with the page it concerns. It joins the caller's transaction, so a message exists exactly when the caller's change
 * is committed. Sending is not audited: a message follows a change that is (and is itself recorded with its time).
 */
@Service
public class Notifications {

	/** Who receives a message: one account, every enabled account of a person, or a squad's leaders. */
	public sealed interface Recipient {

		/** One account by its id. */
		static Recipient user(long userId) {
			return new User(userId);
		}

		/** One account by its username (e.g. the demo bureau's {@code legal}). */
		static Recipient username(String username) {
			return new Username(username);
		}

		/** Every enabled account linked to the person (officers sign in with an account linked to their person). */
		static Recipient person(long personId) {
			return new Person(personId);
		}

		/** Every enabled squad-leader account of the unit (中队长). */
		static Recipient squadLeadersOf(long unitId) {
			return new SquadLeaders(unitId);
		}

		/** Every enabled squad-leader and legal-officer account of the unit (中队长, 法制员). */
		static Recipient squadOf(long unitId) {
			return new Squad(unitId);
		}

	}

	record User(long userId) implements Recipient {
	}

	record Username(String username) implements Recipient {
	}

	record Person(long personId) implements Recipient {
	}

	record SquadLeaders(long unitId) implements Recipient {
	}

	record Squad(long unitId) implements Recipient {
	}

	private final MessageStore store;

	private final MessageSource messages;

	Notifications(MessageStore store, MessageSource messages) {
		this.store = store;
		this.messages = messages;
	}

	/**
	 * Sends the text to the recipient's account(s); returns how many messages were written (0 when nobody matches,
	 * e.g. a person without an account).
	 * @param link the page the message concerns, a path of this application such as {@code /cases/12}; may be null
	 */
	@Transactional
	public int send(Recipient to, MessageKind kind, String text, String link) {
		return store.insert(accounts(to), kind, text, link, null);
	}

	/** The same with the text of a message key of messages-*.properties, rendered in Chinese now. */
	@Transactional
	public int send(Recipient to, MessageKind kind, String messageKey, List<?> args, String link) {
		return send(to, kind, messages.getMessage(messageKey, args.toArray(), Locale.SIMPLIFIED_CHINESE), link);
	}

	private List<Long> accounts(Recipient to) {
		// Java 17: no pattern matching in switch yet
		if (to instanceof User u) {
			return store.enabledAccounts("id = ?", u.userId());
		}
		if (to instanceof Username u) {
			return store.enabledAccounts("username = ?", u.username());
		}
		if (to instanceof Person p) {
			return store.enabledAccounts("person_id = ?", p.personId());
		}
		if (to instanceof SquadLeaders s) {
			return store.enabledAccounts("unit_id = ? and role = 'SQUAD_LEADER'", s.unitId());
		}
		return store.enabledAccounts("unit_id = ? and role in ('SQUAD_LEADER', 'LEGAL_OFFICER')",
				((Squad) to).unitId());
	}

	/** The account's unread messages. */
	public long unreadCount(long userId) {
		return store.unreadCount(userId);
	}

}
