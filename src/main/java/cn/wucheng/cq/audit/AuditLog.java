package cn.wucheng.cq.audit;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes state changes to the append-only audit log. Joins the caller's transaction (MANDATORY), so an entry exists
 * exactly when its change was committed. Only inserts: no code in the application updates or deletes an entry
 * (AuditLogIsAppendOnlyTests checks the sources).
 */
@Service
public class AuditLog {

	/** One change to record: what and before/after as short text (JSON or "field=value" lines). */
	public record Entry(String action, String entity, String entityKey, String detail, String before, String after) {
	}

	private static final int MAX_DATA = 100_000;

	private static final int[] TYPES = { Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR };

	private final JdbcTemplate jdbc;

	AuditLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entity, String entityKey, String detail, String before, String after) {
		recordAll(List.of(new Entry(action, entity, entityKey, detail, before, after)));
	}

	/** Records many entries as one JDBC batch: a bulk import audits thousands of updated records at once. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<Entry> entries) {
		insert(currentUsername(), entries);
	}

	/**
	 * Records an entry on behalf of a user who is not (yet) signed in, such as a login attempt: the username is the
	 * one that was typed, so it is cut to the column's length.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAs(String username, String action, String entity, String entityKey, String detail) {
		insert(cut(username == null || username.isBlank() ? "?" : username, 50),
				List.of(new Entry(action, entity, entityKey, detail, null, null)));
	}

	private void insert(String user, List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (Entry e : entries) {
			rows.add(new Object[] { now, user, e.action(), e.entity(), cut(e.entityKey(), 200), cut(e.detail(), 2000),
					cut(e.before(), MAX_DATA), cut(e.after(), MAX_DATA) });
		}
		jdbc.batchUpdate("""
				insert into audit_log (occurred_at, username, action, entity, entity_key, detail, before_data, after_data)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", rows, TYPES);
	}

	static String currentUsername() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
