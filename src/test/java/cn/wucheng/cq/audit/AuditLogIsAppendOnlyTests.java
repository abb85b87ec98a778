package cn.wucheng.cq.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The audit log is append-only: no code of the application updates or deletes an entry. */
@Tag("nodb")
class AuditLogIsAppendOnlyTests {

	static final Pattern CHANGES_AUDIT_LOG = Pattern.compile(
			"(?is)\\b(update\\s+audit_log|delete\\s+from\\s+audit_log|truncate\\s+(table\\s+)?audit_log|drop\\s+table\\s+(if\\s+exists\\s+)?audit_log)\\b");

	@Test
	void noSourceOrMigrationUpdatesOrDeletesAuditEntries() throws IOException {
		List<String> offenders = new ArrayList<>();
		for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/resources"))) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(Files::isRegularFile)
					.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
					.toList()) {
					String text = Files.readString(file, StandardCharsets.UTF_8);
					var m = CHANGES_AUDIT_LOG.matcher(text);
					while (m.find()) {
						offenders.add(file + ": " + m.group());
					}
				}
			}
		}
		assertThat(offenders).isEmpty();
	}

	@Test
	void thePatternWouldCatchAnUpdateOrDelete() {
		assertThat(CHANGES_AUDIT_LOG.matcher("jdbc.sql(\"UPDATE audit_log set detail = ?\")").find()).isTrue();
		assertThat(CHANGES_AUDIT_LOG.matcher("delete\n  from audit_log where id = 1").find()).isTrue();
		assertThat(CHANGES_AUDIT_LOG.matcher("insert into audit_log (occurred_at) values (?)").find()).isFalse();
	}

	@Test
	void theAuditLogServiceOnlyRecords() {
		List<String> publicMethods = Arrays.stream(AuditLog.class.getDeclaredMethods())
			.filter(m -> Modifier.isPublic(m.getModifiers()))
			.map(Method::getName)
			.distinct()
			.toList();
		assertThat(publicMethods).allMatch(name -> name.startsWith("record"));
	}

}
