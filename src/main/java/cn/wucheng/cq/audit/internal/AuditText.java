package cn.wucheng.cq.audit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.shared.RuleRef;

/**
 * An audit entry as the audit administrator reads it (issue 13 item 4): the action and object in Chinese, and the
 * note written by code in the programme's words — a rule id as its reference (R-60 → 任务清单第13、14项…), a sign-in
 * failure's exception name as its reason (LockedException → 账号已锁定). The entries themselves stay as written: the
 * log is append-only and chained, so old entries read the same way. Used by the page ({@code @auditText}) and the export.
 */
@Component("auditText")
public class AuditText {

	private static final Pattern EXCEPTION = Pattern.compile("\\b[A-Z][A-Za-z]*Exception\\b");

	private final MessageSource messages;

	private final RuleRef rules;

	AuditText(MessageSource messages, RuleRef rules) {
		this.messages = messages;
		this.rules = rules;
	}

	public String action(String code) {
		return label("audit.action.", code);
	}

	public String entity(String code) {
		return label("audit.entity.", code);
	}

	/** The key of the changed record; a rule setting's key (FIXED_HANDLER_SHARE) as its Chinese name. */
	public String key(String entity, String key) {
		return "setting".equals(entity) && key != null ? label("setting.", key) : key;
	}

	public String detail(String detail) {
		if (detail == null) {
			return null;
		}
		String text = rules.words(detail);
		Matcher m = EXCEPTION.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String reason = messages.getMessage("audit.reason." + m.group(), null, null, LocaleContextHolder.getLocale());
			m.appendReplacement(out, Matcher.quoteReplacement(reason != null ? reason : msg("audit.reason.other")));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** The Chinese label of a code when there is one, else the code itself (AuditLabelsTests keeps that from happening). */
	private String label(String prefix, String code) {
		return code == null ? null : messages.getMessage(prefix + code, null, code, LocaleContextHolder.getLocale());
	}

	private String msg(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
