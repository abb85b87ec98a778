package cn.wucheng.cq.audit.internal;

import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.shared.Refusals;

/**
 * Walks the current bureau's hash chain of the audit log (issue 16: one per bureau) from its start and reports the
 * first row that does not fit: its content changed
 * (hash differs), a row before it was deleted or inserted (its "previous hash" differs), or rows at the end were
 * deleted (the chain's head names a row that is gone).
 */
@Service
class AuditChainVerifier {

	/** The outcome; {@code firstBrokenId} null when intact. */
	record Result(long checked, Long firstBrokenId, Problem problem, long unchainedBefore, String headHash) {

		boolean intact() {
			return firstBrokenId == null;
		}

	}

	enum Problem {

		/** The row's content does not give its hash: it was changed. */
		CHANGED,
		/** The row does not follow the one before it: a row before it was deleted, or this one inserted. */
		NOT_LINKED,
		/** The head of the chain names a row that is not there: rows at the end were deleted. */
		TAIL_MISSING

	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Refusals refusals;

	AuditChainVerifier(JdbcClient jdbc, AuditLog audit, Refusals refusals) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.refusals = refusals;
	}

	/** Verifies and records that it did (the audit administrator's actions are audited too). */
	@Transactional
	Result verifyAndRecord() {
		Result result = verify();
		audit.record("AUDIT_VERIFIED", "audit_log", result.intact() ? null : String.valueOf(result.firstBrokenId()),
				result.intact() ? refusals.message("audit.verified.intact", result.checked(), result.headHash())
						: refusals.message("audit.verified.broken", result.firstBrokenId(), result.problem()),
				null, null);
		return result;
	}

	@Transactional(readOnly = true)
	Result verify() {
		record Head(Long lastId, String lastHash, long unchainedBefore) {
		}
		// the current bureau's chain (issue 16: one per bureau, migration 9.70); none until its first entry
		Head head = jdbc.sql("select last_id, last_hash, unchained_before from audit_chain where bureau_id = cq_bureau()")
			.query((rs, n) -> new Head((Long) rs.getObject("last_id", Long.class), rs.getString("last_hash"),
					rs.getLong("unchained_before")))
			.optional()
			.orElse(new Head(null, null, 0));
		long end = head.lastId() == null ? head.unchainedBefore() : head.lastId();
		// Rows archived and deleted after the retention period (AuditRetention): the chain starts after them, from
		// the "previous hash" the first remaining row carries.
		long archived = jdbc.sql("select archived_through from audit_retention where id = 1")
			.query(Long.class)
			.optional()
			.orElse(0L);
		long start = Math.max(head.unchainedBefore(), archived);
		String anchor = archived > head.unchainedBefore()
				? jdbc.sql("select prev_hash from audit_log where id > ? and bureau_id = cq_bureau() order by id limit 1")
					.param(archived)
					.query(String.class)
					.optional()
					.orElse(null)
				: null;
		var walk = new Object() {
			String previous = anchor;
			long checked = 0;
			long lastSeen = -1;
			Long broken = null;
			Problem problem = null;
		};
		// Rows committed after the head was read have higher ids: only up to the head.
		jdbc.sql("select * from audit_log where id > ? and id <= ? and bureau_id = cq_bureau() order by id")
			.params(start, end)
			.query(rs -> {
				if (walk.broken != null) {
					return;
				}
				long id = rs.getLong("id");
				String prev = rs.getString("prev_hash");
				String hash = rs.getString("row_hash");
				walk.checked++;
				walk.lastSeen = id;
				if (!Objects.equals(prev, walk.previous)) {
					walk.broken = id;
					walk.problem = Problem.NOT_LINKED;
				}
				else if (!Objects.equals(hash, AuditChain.hash(walk.previous, AuditChain.Content.of(rs)))) {
					walk.broken = id;
					walk.problem = Problem.CHANGED;
				}
				walk.previous = hash;
			});
		if (walk.broken == null && head.lastId() != null
				&& (walk.lastSeen != head.lastId() || !Objects.equals(walk.previous, head.lastHash()))) {
			walk.broken = head.lastId();
			walk.problem = Problem.TAIL_MISSING;
		}
		return new Result(walk.checked, walk.broken, walk.problem, head.unchainedBefore(), head.lastHash());
	}

}
