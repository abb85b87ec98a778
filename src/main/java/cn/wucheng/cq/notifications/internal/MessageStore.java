package cn.wucheng.cq.notifications.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.wucheng.cq.notifications.MessageKind;
import cn.wucheng.cq.shared.ListPage;

/**
 * The {@code message} table in plain SQL. Every read and every change names the recipient: a user reaches his own
 * messages only (another's id is simply not found).
 */
@Repository
public class MessageStore {

	static final int TEXT_MAX = 1000;

	/** One message as the list shows it. */
	public record Message(long id, MessageKind kind, String text, String link, LocalDateTime createdAt,
			LocalDateTime readAt) {

		public boolean unread() {
			return readAt == null;
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	MessageStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	LocalDateTime now() {
		return LocalDateTime.now(clock);
	}

	/** Ids of the enabled accounts matching a condition on {@code app_user} (written by this module, one parameter). */
	public List<Long> enabledAccounts(String condition, Object param) {
		return jdbc.sql("select id from app_user where enabled and role <> 'INTEGRATION' and " + condition
				+ " order by id")
			.param(param)
			.query(Long.class)
			.list();
	}

	/**
	 * Writes one message per account; with a dedupe key, an account that already has a message with that key gets
	 * none (the reminders: once per item and day). Returns the number written.
	 */
	public int insert(List<Long> recipients, MessageKind kind, String text, String link, String dedupeKey) {
		if (recipients.isEmpty()) {
			return 0;
		}
		String cut = text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX - 1) + "…";
		return jdbc.sql("""
				insert into message (recipient_id, kind, text, link, created_at, dedupe_key)
				select u.id, :kind, :text, :link, :now, :dedupe from app_user u where u.id in (:ids)
				on conflict (recipient_id, dedupe_key) do nothing""")
			.param("kind", kind.name())
			.param("text", cut)
			.param("link", link)
			.param("now", now())
			.param("dedupe", dedupeKey)
			.param("ids", recipients)
			.update();
	}

	/** The badge: one count over the partial index of unread messages. */
	public long unreadCount(long userId) {
		return jdbc.sql("select count(*) from message where recipient_id = ? and read_at is null")
			.param(userId)
			.query(Long.class)
			.single();
	}

	/** One page of the user's messages, newest first. */
	ListPage<Message> page(long userId, int page, int size) {
		long total = jdbc.sql("select count(*) from message where recipient_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
		List<Message> items = jdbc.sql("""
				select id, kind, text, link, created_at, read_at from message where recipient_id = ?
				order by created_at desc, id desc limit ? offset ?""")
			.params(userId, size, ListPage.offset(page, size))
			.query((rs, n) -> new Message(rs.getLong("id"), MessageKind.valueOf(rs.getString("kind")),
					rs.getString("text"), rs.getString("link"), rs.getObject("created_at", LocalDateTime.class),
					rs.getObject("read_at", LocalDateTime.class)))
			.list();
		return new ListPage<>(items, page, size, total);
	}

	/** The user's own message, if it is his. */
	Optional<Message> find(long userId, long id) {
		return jdbc.sql("""
				select id, kind, text, link, created_at, read_at from message where id = ? and recipient_id = ?""")
			.params(id, userId)
			.query((rs, n) -> new Message(rs.getLong("id"), MessageKind.valueOf(rs.getString("kind")),
					rs.getString("text"), rs.getString("link"), rs.getObject("created_at", LocalDateTime.class),
					rs.getObject("read_at", LocalDateTime.class)))
			.optional();
	}

	/** Marks the user's own message read (a second time keeps the first time); false when it is not his. */
	boolean markRead(long userId, long id) {
		return jdbc.sql("update message set read_at = coalesce(read_at, ?) where id = ? and recipient_id = ?")
			.params(now(), id, userId)
			.update() == 1;
	}

	/** 全部标为已读: every unread message of the user; returns how many. */
	int markAllRead(long userId) {
		return jdbc.sql("update message set read_at = ? where recipient_id = ? and read_at is null")
			.params(now(), userId)
			.update();
	}

}
