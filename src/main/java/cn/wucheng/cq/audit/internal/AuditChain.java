package cn.wucheng.cq.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.bureau.BureauDirectory;

/**
 * The hash chain of the audit log: each row's {@code row_hash} is SHA-256 over the previous row's hash and the row's
 * content, so changing, inserting or deleting a row breaks the chain from there on ({@link AuditChainVerifier}
 * finds where). Each bureau has its own chain (issue 16, migration 9.70: its audit administrator sees only its
 * entries), whose head is its row of {@code audit_chain}, made at its first entry. Writers serialise on that row
 * ({@code select ... for update}) in the transaction that writes the entries; {@code AuditLog} appends at the end of
 * that transaction, so the lock is held only for the last moment before commit and is always taken last (no deadlock
 * with the rows the transaction changed).
 * <p>
 * A hash chain shows tampering by someone who edits rows; someone who can also recompute every later hash is caught
 * only by comparing the head hash with a copy kept elsewhere (the verification shows it; the audit administrator
 * notes it). The PostgreSQL role of scripts/postgres-roles.sql cannot update or delete rows at all.
 */
@Component
public class AuditChain {

	/** The content of one entry, as stored (cut to the columns' lengths). */
	public record Content(LocalDateTime occurredAt, String username, String action, String entity, String entityKey,
			String detail, String before, String after) {

		static Content of(ResultSet rs) throws SQLException {
			return new Content(rs.getTimestamp("occurred_at").toLocalDateTime(), rs.getString("username"),
					rs.getString("action"), rs.getString("entity"), rs.getString("entity_key"), rs.getString("detail"),
					rs.getString("before_data"), rs.getString("after_data"));
		}

	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

	private final JdbcClient jdbc;

	private final BureauDirectory bureaus;

	AuditChain(JdbcClient jdbc, BureauDirectory bureaus) {
		this.jdbc = jdbc;
		this.bureaus = bureaus;
	}

	/** Times are stored to the millisecond, so the hash of what was written equals the hash of what is read. */
	public static LocalDateTime timestamp(LocalDateTime t) {
		return t.truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Appends the entries to the log and the chain, in the caller's transaction. Locks the chain's head until that
	 * transaction ends.
	 */
	public void append(List<Content> entries) {
		if (entries.isEmpty()) {
			return;
		}
		String previous = head();
		long lastId = 0;
		for (Content e : entries) {
			String hash = hash(previous, e);
			KeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into audit_log (occurred_at, username, action, entity, entity_key, detail, before_data,
					  after_data, prev_hash, row_hash)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(e.occurredAt(), e.username(), e.action(), e.entity(), e.entityKey(), e.detail(), e.before(),
						e.after(), previous, hash)
				.update(key, "id");
			lastId = Objects.requireNonNull(key.getKey()).longValue();
			previous = hash;
		}
		jdbc.sql("update audit_chain set last_id = ?, last_hash = ? where bureau_id = cq_bureau()")
			.params(lastId, previous)
			.update();
	}

	/** The last hash of the current bureau's chain (null while empty), locked until the transaction ends. */
	private String head() {
		for (int attempt = 0;; attempt++) {
			List<String> head = jdbc.sql("select last_hash from audit_chain where bureau_id = cq_bureau() for update")
				.query((rs, n) -> rs.getString(1))
				.list();
			if (!head.isEmpty()) {
				return head.get(0);
			}
			if (attempt > 0) {
				throw new IllegalStateException("no audit chain for the current bureau");
			}
			// the bureau's first entry: its chain begins (two first writers at once: one inserts, both then lock it)
			jdbc.sql("""
					insert into audit_chain (bureau_id, last_id, last_hash, unchained_before)
					values (cq_bureau(), null, null, 0) on conflict (bureau_id) do nothing""").update();
		}
	}

	/**
	 * As {@link #append}, the entries written within another bureau than the transaction's (issue 16 item 3: one
	 * transaction imports a province's file for several bureaus, and each part is audited in its own bureau's log):
	 * the connection's {@code cq.bureau} is switched for this transaction only
	 * ({@link BureauDirectory#withinTransaction}), which row-level security and the {@code bureau_id} default follow,
	 * and set back afterwards. The chain stays one.
	 */
	public void appendWithin(long bureau, List<Content> entries) {
		if (entries.isEmpty()) {
			return;
		}
		bureaus.withinTransaction(bureau, () -> {
			append(entries);
			return null;
		});
	}


	/**
	 * SHA-256, hex, over the previous hash and each field length-prefixed (null distinct from empty), so no two
	 * different rows serialise alike.
	 */
	static String hash(String previous, Content e) {
		StringBuilder s = new StringBuilder();
		field(s, previous);
		field(s, TIME.format(e.occurredAt()));
		field(s, e.username());
		field(s, e.action());
		field(s, e.entity());
		field(s, e.entityKey());
		field(s, e.detail());
		field(s, e.before());
		field(s, e.after());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void field(StringBuilder s, String value) {
		if (value == null) {
			s.append("-1:");
		}
		else {
			s.append(value.length()).append(':').append(value);
		}
		s.append('|');
	}

}
