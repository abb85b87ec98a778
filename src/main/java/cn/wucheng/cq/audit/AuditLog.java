package cn.wucheng.cq.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.wucheng.cq.audit.internal.AuditChain;
import cn.wucheng.cq.bureau.Bureaus;

/**
 * Writes state changes to the append-only audit log. Joins the caller's transaction (MANDATORY), so an entry exists
 * exactly when its change was committed. Only inserts: no code in the application updates or deletes an entry
 * (AuditLogIsAppendOnlyTests checks the sources). The entries of a transaction are held until just before it commits
 * and then appended to the hash chain ({@link AuditChain}) in that same transaction: the chain's lock is taken last
 * and held only for the commit.
 * <p>
 * Each entry goes to the audit log of the bureau its change was made for ({@link Bureaus#current()} when it is
 * recorded): one transaction may write for several bureaus in turn (issue 16 item 3, a province's import split by
 * 所属执法局), and each bureau's part is audited in that bureau's own log.
 */
@Service
public class AuditLog {

	/** One change to record: what and before/after as short text (JSON or "field=value" lines). */
	public record Entry(String action, String entity, String entityKey, String detail, String before, String after) {
	}

	private static final int MAX_DATA = 100_000;

	private final AuditChain chain;

	private final Clock clock;

	AuditLog(AuditChain chain, Clock clock) {
		this.clock = clock;
		this.chain = chain;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entity, String entityKey, String detail, String before, String after) {
		recordAll(List.of(new Entry(action, entity, entityKey, detail, before, after)));
	}

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
		LocalDateTime now = AuditChain.timestamp(LocalDateTime.now(clock));
		Long bureau = Bureaus.current().orElse(null);
		List<Pending> pending = pending();
		for (Entry e : entries) {
			pending.add(new Pending(bureau, new AuditChain.Content(now, user, e.action(), e.entity(),
					cut(e.entityKey(), 200), cut(e.detail(), 2000), cut(e.before(), MAX_DATA), cut(e.after(), MAX_DATA))));
		}
	}

	/** An entry waiting for the commit, with the bureau it was recorded for (null: none known). */
	private record Pending(Long bureau, AuditChain.Content content) {
	}

	/**
	 * Appends the transaction's entries to the chain. Entries recorded for the bureau the transaction ends in (or for
	 * none) are appended as they are; a run of entries of another bureau — a part of a split import — within that
	 * bureau ({@link AuditChain#appendWithin}), so it lands in that bureau's log.
	 */
	private void appendAll(List<Pending> pending) {
		Long here = Bureaus.current().orElse(null);
		int from = 0;
		while (from < pending.size()) {
			Long bureau = pending.get(from).bureau();
			int to = from + 1;
			while (to < pending.size() && java.util.Objects.equals(pending.get(to).bureau(), bureau)) {
				to++;
			}
			List<AuditChain.Content> run = pending.subList(from, to).stream().map(Pending::content).toList();
			if (bureau == null || bureau.equals(here)) {
				chain.append(run);
			}
			else {
				chain.appendWithin(bureau, run);
			}
			from = to;
		}
	}

	/** This transaction's entries not yet written; the first call registers their writing before commit. */
	@SuppressWarnings("unchecked")
	private List<Pending> pending() {
		Object bound = TransactionSynchronizationManager.getResource(this);
		if (bound != null) {
			return (List<Pending>) bound;
		}
		List<Pending> pending = new ArrayList<>();
		TransactionSynchronizationManager.bindResource(this, pending);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void beforeCommit(boolean readOnly) {
				appendAll(List.copyOf(pending));
				pending.clear();
			}

			@Override
			public void suspend() {
				TransactionSynchronizationManager.unbindResource(AuditLog.this);
			}

			@Override
			public void resume() {
				TransactionSynchronizationManager.bindResource(AuditLog.this, pending);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
			}

		});
		return pending;
	}

	static String currentUsername() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
