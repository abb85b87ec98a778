package cn.wucheng.cq.notifications.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.notifications.MessageKind;
import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.Reminders;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.bureau.BureauDirectory;

/**
 * The reminders as messages: on its cron (default every day at 08:20, before the DingTalk webhook's 08:30;
 * {@code cq.notifications.reminders.cron}) each enabled business account gets one message per item due for it —
 * the same items its reminders page shows (法制科 the legal section's, a squad leader or legal officer his squad's,
 * an officer his own), at most once per item and day (the dedupe key; a second run the same day writes nothing).
 * Accounts that see the same things (same role, and unit and person where the role's items depend on them) are asked
 * once. The run is audited with its count.
 */
@Component
class ReminderMessages {

	private static final Logger log = LoggerFactory.getLogger(ReminderMessages.class);

	private final Reminders reminders;

	private final MessageStore store;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final AuditLog audit;

	private final BureauDirectory bureaus;

	private final TransactionTemplate transactions;

	ReminderMessages(Reminders reminders, MessageStore store, JdbcClient jdbc, MessageSource messages,
			AuditLog audit, BureauDirectory bureaus, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.bureaus = bureaus;
		this.reminders = reminders;
		this.store = store;
		this.jdbc = jdbc;
		this.messages = messages;
		this.audit = audit;
	}

	@Scheduled(cron = "${cq.notifications.reminders.cron:0 20 8 * * *}")
	// once per cluster (issue 16); a second run the same day would write nothing anyway (the dedupe key)
	@SchedulerLock(name = "reminder-messages", lockAtLeastFor = "PT30S", lockAtMostFor = "PT2M")
	void onSchedule() {
		try {
			// each bureau's reminders to its own accounts (issue 16)
			// in a transaction of its own per bureau: deliver's @Transactional does not apply to a call from within
			// this class, and without one the run wrote its messages one by one and then failed on its audit entry
			// (a mandatory transaction), which also kept every later bureau from its reminders (RemindersPerBureauTests)
			bureaus.forEach(bureau -> transactions.executeWithoutResult(tx -> deliver(reminders.today())));
		}
		catch (RuntimeException e) {
			// never break the scheduler: the next run writes the then current items
			log.warn("Reminder messages run failed: {}", e.toString());
		}
	}

	/** The accounts that see the same reminders. */
	private record Audience(Role role, Long unitId, Long personId) {

		static Audience of(Role role, Long unitId, Long personId) {
			// the bureau-wide roles' items depend on the role only; a squad's on its unit (and the squad
			// leader's opinions to write on his person); an officer's on his person
			return role.scope() == Role.Scope.ALL ? new Audience(role, null, null)
					: new Audience(role, unitId, personId);
		}

		CurrentUser asUser() {
			return new CurrentUser(null, "reminders", "reminders", role, unitId, personId);
		}

	}

	/** Writes the day's reminder messages; returns how many were written (0 on a second run the same day). */
	@Transactional
	int deliver(LocalDate today) {
		Map<Audience, List<Long>> audiences = new LinkedHashMap<>();
		jdbc.sql("""
				select id, role, unit_id, person_id from app_user
				where enabled and role in ('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')
				order by id""")
			.query((rs, n) -> {
				long unit = rs.getLong("unit_id");
				Long unitId = rs.wasNull() ? null : unit;
				long person = rs.getLong("person_id");
				Long personId = rs.wasNull() ? null : person;
				audiences.computeIfAbsent(Audience.of(Role.valueOf(rs.getString("role")), unitId, personId),
						a -> new ArrayList<>())
					.add(rs.getLong("id"));
				return null;
			})
			.list();
		int written = 0;
		for (Map.Entry<Audience, List<Long>> e : audiences.entrySet()) {
			for (DueItem item : reminders.dueFor(e.getKey().asUser(), today)) {
				written += store.insert(e.getValue(), MessageKind.REMINDER, text(item), item.link(),
						dedupeKey(today, item));
			}
		}
		if (written > 0) {
			audit.record("REMINDER_MESSAGES_SENT", "message", today.toString(), messages.getMessage("notifications.reminder.audit.sent",
					new Object[] { String.valueOf(written) }, Locale.SIMPLIFIED_CHINESE), null, null);
		}
		return written;
	}

	/**
	 * One item per day: the day, what (the message key), where (the link) and the names in it (a squad's name: the
	 * legal section's "plan missing" items share one link) — not its numbers, which change during the day (cases
	 * to review: 3, then 2).
	 */
	static String dedupeKey(LocalDate today, DueItem item) {
		String names = item.args()
			.stream()
			.map(String::valueOf)
			.filter(a -> !a.matches("[-+]?[0-9.,]*"))
			.collect(Collectors.joining("|"));
		String key = "reminder:" + today + ":" + item.messageKey() + ":" + (item.link() == null ? "" : item.link())
				+ (names.isEmpty() ? "" : ":" + names);
		return key.length() <= 600 ? key : key.substring(0, 600);
	}

	private String text(DueItem item) {
		String text = messages.getMessage(item.messageKey(), item.argsArray(), Locale.SIMPLIFIED_CHINESE);
		return item.overdue() ? text + messages.getMessage("notifications.reminder.overdue", null,
				Locale.SIMPLIFIED_CHINESE) : text;
	}

}
