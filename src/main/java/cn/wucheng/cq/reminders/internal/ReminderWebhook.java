package cn.wucheng.cq.reminders.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.Reminders;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import cn.wucheng.cq.bureau.BureauDirectory;

/**
 * The optional outbound notification of due items (off unless {@code cq.reminders.webhook.url} is set): on its cron
 * (default weekdays 08:30, {@code cq.reminders.webhook.cron}) it posts one text message in the DingTalk robot format
 * {@code {"msgtype":"text","text":{"content":"…"}}} summarising what is due for the legal section and for each unit.
 * A failure (network, non-2xx status, DingTalk {@code errcode} ≠ 0) is logged and audited, never thrown: the next run
 * sends the then current summary again. Every sending is audited.
 */
@Component
class ReminderWebhook {

	private static final Logger log = LoggerFactory.getLogger(ReminderWebhook.class);

	/** What one run did. */
	enum Outcome {
		/** No URL configured. */
		OFF,
		/** Nothing is due anywhere: nothing sent. */
		NOTHING_DUE,
		SENT,
		FAILED
	}

	private final Reminders reminders;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final String url;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final BureauDirectory bureaus;

	ReminderWebhook(Reminders reminders, JdbcClient jdbc, MessageSource messages, AuditLog audit,
			TransactionTemplate transactions, @Value("${cq.reminders.webhook.url:}") String url,
			BureauDirectory bureaus) {
		this.bureaus = bureaus;
		this.reminders = reminders;
		this.jdbc = jdbc;
		this.messages = messages;
		this.audit = audit;
		this.transactions = transactions;
		this.url = url == null ? "" : url.strip();
	}

	@Scheduled(cron = "${cq.reminders.webhook.cron:0 30 8 * * MON-FRI}")
	// once per cluster (issue 16): one message to the robot however many instances run
	@SchedulerLock(name = "reminder-webhook", lockAtLeastFor = "PT30S", lockAtMostFor = "PT2M")
	void onSchedule() {
		try {
			// each bureau's summary (issue 16); one installation, one robot URL for now
			bureaus.forEach(bureau -> send(reminders.today()));
		}
		catch (RuntimeException e) {
			// never break the scheduler: the next run tries again
			log.warn("Reminder webhook run failed: {}", e.toString());
		}
	}

	/** Builds the day's summary and posts it to the configured URL; returns what happened. */
	Outcome send(LocalDate today) {
		return sendTo(url, today);
	}

	/** The same to a given URL (tests point it at a stub server on 127.0.0.1). */
	Outcome sendTo(String url, LocalDate today) {
		if (url == null || url.isBlank()) {
			return Outcome.OFF;
		}
		String content = summary(today);
		if (content == null) {
			return Outcome.NOTHING_DUE;
		}
		String body = json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", content)));
		String failure = post(url.strip(), body);
		if (failure == null) {
			record(url, "REMINDER_WEBHOOK_SENT", text("reminders.webhook.audit.sent", String.valueOf(content.length())),
					content);
			return Outcome.SENT;
		}
		log.warn("Reminder webhook to {} failed: {} (sent again at the next run)", host(url), failure);
		record(url, "REMINDER_WEBHOOK_FAILED", text("reminders.webhook.audit.failed", failure), content);
		return Outcome.FAILED;
	}

	/** The text: a heading, then the legal section's and each unit's items; null when nothing is due anywhere. */
	String summary(LocalDate today) {
		List<String> sections = new ArrayList<>();
		section(sections, text("reminders.webhook.legal"),
				new CurrentUser(null, "webhook", "webhook", Role.LEGAL, null, null), today);
		jdbc.sql("select id, name from unit order by type, name").query((rs, n) -> {
			section(sections, rs.getString("name"),
					new CurrentUser(null, "webhook", "webhook", Role.SQUAD_LEADER, rs.getLong("id"), null), today);
			return null;
		}).list();
		if (sections.isEmpty()) {
			return null;
		}
		return text("reminders.webhook.heading", today.toString()) + "\n" + String.join("\n", sections);
	}

	private void section(List<String> sections, String title, CurrentUser as, LocalDate today) {
		List<DueItem> items = reminders.dueFor(as, today);
		if (items.isEmpty()) {
			return;
		}
		StringBuilder sb = new StringBuilder(title).append("：");
		int i = 0;
		for (DueItem item : items) {
			sb.append("\n").append(++i).append(". ").append(text(item.messageKey(), item.argsArray()));
			if (item.overdue()) {
				sb.append(text("reminders.webhook.overdue"));
			}
		}
		sections.add(sb.toString());
	}

	/** Posts the body; null on success, else what went wrong. */
	private String post(String url, String body) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() / 100 != 2) {
				return "HTTP " + response.statusCode();
			}
			return errcode(response.body());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
		catch (Exception e) {
			return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
		}
	}

	/** DingTalk answers 200 with {"errcode":310000,…} when it refuses; an empty or non-JSON 2xx body is success. */
	private String errcode(String responseBody) {
		if (responseBody == null || responseBody.isBlank()) {
			return null;
		}
		try {
			JsonNode node = json.readTree(responseBody);
			JsonNode code = node.get("errcode");
			if (code != null && code.asInt() != 0) {
				JsonNode msg = node.get("errmsg");
				return "errcode " + code.asInt() + (msg == null ? "" : " " + msg.asString());
			}
			return null;
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private void record(String url, String action, String detail, String content) {
		try {
			transactions.executeWithoutResult(
					tx -> audit.record(action, "reminder_webhook", host(url), detail, null, content));
		}
		catch (RuntimeException e) {
			log.warn("Could not audit the reminder webhook: {}", e.toString());
		}
	}

	/** The host only, so no robot access token lands in the audit log or the server log. */
	private static String host(String url) {
		try {
			URI uri = URI.create(url);
			return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
					+ uri.getPath();
		}
		catch (RuntimeException e) {
			return "(invalid url)";
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
