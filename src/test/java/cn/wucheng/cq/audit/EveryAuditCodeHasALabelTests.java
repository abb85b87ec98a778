package cn.wucheng.cq.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 4: the audit log page shows 导入时新增, not IMPORT_CREATE — every action and object code the code writes
 * to the audit log has a label {@code audit.action.<CODE>} / {@code audit.entity.<code>} in a messages file. The codes
 * are found in the sources, in the shapes the code writes them:
 * <ul>
 * <li>{@code audit.record("ACTION", "entity", …)}, {@code audit.recordAs(user, "ACTION", ENTITY, …)},
 * {@code new AuditLog.Entry("ACTION", …)}, and both codes of {@code cond ? "A" : "B"} in them;</li>
 * <li>a constant passed there ({@code AUDIT_ACTION_CREATE = "IMPORT_CREATE"}, {@code ENTITY = "person"});</li>
 * <li>a module's own helper that passes its action on ({@code record(url, "REMINDER_WEBHOOK_SENT", …)} in a class that
 * calls {@code audit.record(action, …)});</li>
 * <li>the importers' {@code run.updated("case_file", …)} / {@code run.createdAlongside("deduction_item", …)}.</li>
 * </ul>
 */
@Tag("nodb")
class EveryAuditCodeHasALabelTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	static final Pattern AUDIT_CALL = Pattern
		.compile("\\baudit\\w*\\s*\\.\\s*(?:record|recordAs|recordAll)\\s*\\(|\\bAuditLog\\.Entry\\s*\\(");

	/** A class's own helper that passes an action on to audit.record (ReminderWebhook.record(url, action, …)). */
	static final Pattern OWN_HELPER_CALL = Pattern.compile("(?<![.\\w])record\\s*\\(");

	static final Pattern IMPORT_RUN_CALL = Pattern.compile("\\brun\\.(?:updated|createdAlongside)\\s*\\(\\s*\"([a-z_]+)\"");

	static final Pattern ACTION_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");

	/** The entity: the literal right after an action code, or a constant's value (see {@link #ENTITY_CONSTANT}). */
	static final Pattern ENTITY_AFTER_ACTION = Pattern.compile("\"[A-Z][A-Z0-9_]*\"\\s*,\\s*\"([a-z][a-z0-9_]*)\"");

	/** The entity after an action passed on in a variable: {@code audit.record(action, "reminder_webhook", …)}. */
	static final Pattern ENTITY_AFTER_VARIABLE = Pattern
		.compile("\\baudit\\w*\\s*\\.\\s*record\\s*\\(\\s*[a-z]\\w*\\s*,\\s*\"([a-z][a-z0-9_]*)\"");

	static final Pattern STRING_CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"");

	record Codes(Map<String, Set<String>> actions, Map<String, Set<String>> entities) {
	}

	@Test
	void everyActionTheCodeWritesToTheAuditLogHasAChineseLabel() throws IOException {
		Codes codes = codes();
		Map<String, String> labels = labels();
		assertThat(codes.actions().keySet().stream().filter(a -> !labels.containsKey("audit.action." + a))
			.map(a -> a + " (" + codes.actions().get(a) + ")")
			.toList()).as("add audit.action.<CODE>=… (messages-audit.properties or the module's file)").isEmpty();
	}

	@Test
	void everyObjectTheCodeWritesToTheAuditLogHasAChineseLabel() throws IOException {
		Codes codes = codes();
		Map<String, String> labels = labels();
		assertThat(codes.entities().keySet().stream().filter(e -> !labels.containsKey("audit.entity." + e))
			.map(e -> e + " (" + codes.entities().get(e) + ")")
			.toList()).as("add audit.entity.<code>=… (messages-audit.properties or the module's file)").isEmpty();
	}

	@Test
	void theScanFindsTheCodesOfEachShape() throws IOException {
		Codes codes = codes();
		assertThat(codes.actions()).containsKeys("LOGIN_FAILURE", // recordAs(user, "LOGIN_FAILURE", …)
				"IMPORT_CREATE", "IMPORT_UPDATE", // constants
				"ACCOUNT_ENABLED", "ACCOUNT_DISABLED", // a ternary
				"ROLLOUT_BATCH_ADDED", // new AuditLog.Entry(…)
				"REMINDER_WEBHOOK_SENT", // the class's own helper
				"SETTING_CHANGED", "IMPORT");
		assertThat(codes.entities()).containsKeys("setting", "case_return", "deduction_item", "app_user", "person",
				"reminder_webhook", "training_plan");
		assertThat(codes.actions().keySet()).as("no entity, column or detail taken for an action")
			.allMatch(a -> a.equals(a.toUpperCase()));
	}

	static Codes codes() throws IOException {
		Map<String, Set<String>> actions = new TreeMap<>();
		Map<String, Set<String>> entities = new TreeMap<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				String source = Files.readString(f, StandardCharsets.UTF_8);
				String where = f.getFileName().toString();
				Map<String, String> constants = new HashMap<>();
				STRING_CONSTANT.matcher(source).results().forEach(r -> constants.put(r.group(1), r.group(2)));
				boolean passesActionsOn = source.contains("audit.record(action");
				for (String statement : source.split(";")) {
					boolean audited = AUDIT_CALL.matcher(statement).find()
							|| (passesActionsOn && OWN_HELPER_CALL.matcher(statement).find());
					if (audited) {
						ACTION_LITERAL.matcher(statement).results().forEach(r -> add(actions, r.group(1), where));
						ENTITY_AFTER_ACTION.matcher(statement).results().forEach(r -> add(entities, r.group(1), where));
						ENTITY_AFTER_VARIABLE.matcher(statement).results().forEach(r -> add(entities, r.group(1), where));
						constants.forEach((name, value) -> {
							if (Pattern.compile("\\b" + name + "\\b").matcher(statement).find()) {
								if (value.matches("[A-Z][A-Z0-9_]*")) {
									add(actions, value, where);
								}
								else if (value.matches("[a-z][a-z0-9_]*")) {
									add(entities, value, where);
								}
							}
						});
					}
					Matcher run = IMPORT_RUN_CALL.matcher(statement);
					while (run.find()) {
						add(entities, run.group(1), where);
					}
				}
			}
		}
		return new Codes(actions, entities);
	}

	private static void add(Map<String, Set<String>> codes, String code, String where) {
		codes.computeIfAbsent(code, c -> new TreeSet<>()).add(where);
	}

	static Map<String, String> labels() throws IOException {
		Properties app = new Properties();
		app.load(new StringReader(Files.readString(RESOURCES.resolve("application.properties"), StandardCharsets.UTF_8)));
		Map<String, String> all = new HashMap<>();
		for (String basename : Arrays.stream(app.getProperty("spring.messages.basename").split(","))
			.map(String::strip)
			.toList()) {
			Properties p = new Properties();
			p.load(new StringReader(Files.readString(RESOURCES.resolve(basename + ".properties"), StandardCharsets.UTF_8)));
			p.forEach((k, v) -> all.putIfAbsent((String) k, (String) v));
		}
		return all;
	}

}
