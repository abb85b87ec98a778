package cn.wucheng.cq.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The programme's own reference for a rule id (issue 13 item 4): users read 附件1 积分制 第二条（数量分） or 任务清单第5项,
 * never R-20 — the ids stay in code, tests and commits. The mapping is messages-rules.properties ({@code rule.ref.R-xx}),
 * one place. In templates: {@code th:text="${@ruleRef.of('R-20')}" th:title="${@ruleRef.tooltip('R-20')}"} — the
 * tooltip (the R-id, to find the rule in RULES.md) is there for 法制科 only; for everyone else it is null, so Thymeleaf
 * writes no title attribute.
 */
@Component("ruleRef")
public class RuleRef {

	/** A rule id as the code writes it (R-23a included) and a range of them. */
	static final Pattern RULE_ID = Pattern.compile("(?<![A-Za-z0-9-])R-(\\d+[a-z]?)(?:\\s*[–—-]\\s*R-(\\d+[a-z]?))?");

	private final MessageSource messages;

	public RuleRef(MessageSource messages) {
		this.messages = messages;
	}

	/** The reference in the programme's words; a general 实施方案 for an id with no entry (RuleRefTests prevents it). */
	public String of(String ruleId) {
		String key = "rule.ref." + (ruleId == null ? "" : ruleId.strip());
		String ref = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
		return ref != null ? ref : messages.getMessage("rule.ref.unknown", null, LocaleContextHolder.getLocale());
	}

	/**
	 * The reference without its closing topic in brackets, for a badge: 任务清单第10、11项（全过程记录） → 任务清单第10、11项,
	 * 实施方案 四（四）（一案一档） → 实施方案 四（四）.
	 */
	public String brief(String ruleId) {
		String ref = of(ruleId);
		int open = ref.lastIndexOf('（');
		return ref.endsWith("）") && open > 0 ? ref.substring(0, open).strip() : ref;
	}

	/** Whether a rule id has its own entry in the mapping. */
	public boolean knows(String ruleId) {
		return messages.getMessage("rule.ref." + ruleId, null, null, LocaleContextHolder.getLocale()) != null;
	}

	/** The rule id as a tooltip for the legal section (法制科), who keep the rules; null for everyone else. */
	public String tooltip(String ruleId) {
		return legalSection() ? ruleId : null;
	}

	/**
	 * A free text (an audit entry's note written by code, "R-43 → R-22") with each rule id, or range of ids, replaced
	 * by the programme's reference; null stays null.
	 */
	public String words(String text) {
		if (text == null || !text.contains("R-")) {
			return text;
		}
		Matcher m = RULE_ID.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String first = "R-" + m.group(1);
			String ref = m.group(2) == null || of(first).equals(of("R-" + m.group(2))) ? of(first)
					: of(first) + "—" + of("R-" + m.group(2));
			m.appendReplacement(out, Matcher.quoteReplacement(ref));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static boolean legalSection() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_LEGAL".equals(a.getAuthority()));
	}

}
