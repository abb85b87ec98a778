package cn.wucheng.cq.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.NotFoundException;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * the squad reviewer's review opinion (规范审核意见) on each case — written by the squad leader, or by the deputy
 * when the leader handles the case (who that is: the view {@code case_squad_reviewer}, the one place the rule is
 * computed). Only that person writes or corrects it; a case concluded from the squad's rollout start
 * without one is incomplete and among the reviewer's reminders.
 */
@Service
class SquadOpinions {

	static final String ENTITY = "squad_review_opinion";

	/** R-12 + R-14 + R-71: cases (alias c, reviewer sr, opinion op) that need an opinion and have none. */
	static final String PENDING = """
			from case_file c
			join case_squad_reviewer sr on sr.case_id = c.id
			join unit_rollout ro on ro.unit_id = c.unit_id
			left join squad_review_opinion op on op.case_id = c.id
			where op.id is null
			  and (c.concluded_on is not null or c.category = 'SIMPLE')
			  and (ro.starts_on is null or %1$s >= ro.starts_on)
			""".formatted(SimpleCases.CASE_DAY);

	/** A case as the opinion form shows it, with its designated reviewer (null: nobody can be designated). */
	record Target(long caseId, String caseNo, String title, long unitId, String unitName, String leadName,
			String coName, LocalDate caseDay, boolean leaderHandles, Long reviewerId, String reviewerName) {
	}

	/** A written opinion. */
	record Opinion(long id, long reviewerId, String reviewerName, LocalDate reviewedOn, String text, int version) {
	}

	/** A case waiting for the user's opinion. */
	record Pending(long caseId, String caseNo, String unitName, LocalDate caseDay, String leadName, String coName) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Refusals text;

	private final Clock clock;

	SquadOpinions(JdbcClient jdbc, AuditLog audit, Refusals text, Clock clock) {
		this.text = text;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The case with its reviewer; no data-scope check (see {@link #forReviewer}). */
	Optional<Target> target(long caseId) {
		return jdbc.sql("""
				select c.id, c.case_no, c.title, c.unit_id, u.name as unit_name, l.name as l_name, o.name as o_name,
				       %s as case_day, sr.leader_handles, sr.reviewer_id, r.name as r_name
				from case_file c
				join unit u on u.id = c.unit_id
				join person l on l.id = c.lead_id
				join person o on o.id = c.co_id
				join case_squad_reviewer sr on sr.case_id = c.id
				left join person r on r.id = sr.reviewer_id
				where c.id = ?""".formatted(SimpleCases.CASE_DAY))
			.param(caseId)
			.query((rs, n) -> {
				long rid = rs.getLong("reviewer_id");
				Long reviewer = rs.wasNull() ? null : rid;
				return new Target(rs.getLong("id"), rs.getString("case_no"), rs.getString("title"),
						rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("l_name"),
						rs.getString("o_name"), rs.getObject("case_day", LocalDate.class),
						rs.getBoolean("leader_handles"), reviewer, rs.getString("r_name"));
			})
			.optional();
	}

	/**
	 * The case if the signed-in user is its designated reviewer. A user of the case's squad who is not (the squad
	 * leader when he handles the case) is refused with a message naming the reviewer; anyone else finds no such
	 * case (404): a deputy with an officer's account sees only the cases he reviews.
	 */
	Target forReviewer(long caseId) {
		CurrentUser user = CurrentUser.get();
		Target t = target(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
		if (t.reviewerId() != null && t.reviewerId().equals(user.personId())) {
			return t;
		}
		if (!user.canSeeUnit(t.unitId())) {
			throw new NotFoundException("case " + caseId);
		}
		if (t.reviewerId() == null) {
			throw Refusal.of("casework.opinion.noReviewer", t.caseNo());
		}
		throw Refusal.of("casework.opinion.notReviewer", t.caseNo(), t.reviewerName());
	}

	Optional<Opinion> of(long caseId) {
		return jdbc.sql("""
				select id, reviewer_id, reviewer_name, reviewed_on, opinion, version from squad_review_opinion
				where case_id = ?""")
			.param(caseId)
			.query((rs, n) -> new Opinion(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getInt(6)))
			.optional();
	}

	/**
	 * Writes or corrects the opinion as the designated reviewer, dated today, audited.
	 * @throws Refusal for another user of the squad or an empty or too long text
	 * @throws OptimisticLockingFailureException when the opinion changed since the form was shown
	 */
	@Transactional
	Opinion write(long caseId, String text, Integer version) {
		Target t = forReviewer(caseId);
		CurrentUser user = CurrentUser.get();
		String opinion = text == null ? "" : text.strip();
		if (opinion.isEmpty()) {
			throw Refusal.of("casework.opinion.required");
		}
		if (opinion.length() > 1000) {
			throw Refusal.of("casework.opinion.size");
		}
		LocalDate today = LocalDate.now(clock);
		Optional<Opinion> before = of(caseId);
		if (before.isPresent()) {
			int updated = jdbc.sql("""
					update squad_review_opinion set reviewer_id = ?, reviewer_name = ?, reviewed_on = ?, opinion = ?,
					  written_by = ?, changed_at = ?, version = version + 1
					where case_id = ? and version = ?""")
				.params(t.reviewerId(), t.reviewerName(), today, opinion, user.username(), LocalDateTime.now(clock), caseId,
						version == null ? -1 : version)
				.update();
			if (updated == 0) {
				throw new OptimisticLockingFailureException("squad_review_opinion of case " + caseId + " changed");
			}
			Opinion after = of(caseId).orElseThrow();
			audit.record("SQUAD_OPINION_CORRECTED", ENTITY, t.caseNo(), "R-12", describe(before.get()),
					describe(after));
			return after;
		}
		if (version != null) {
			throw new OptimisticLockingFailureException("squad_review_opinion of case " + caseId + " was removed");
		}
		jdbc.sql("""
				insert into squad_review_opinion (case_id, reviewer_id, reviewer_name, reviewed_on, opinion,
				  written_by, changed_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, t.reviewerId(), t.reviewerName(), today, opinion, user.username(), LocalDateTime.now(clock))
			.update();
		Opinion after = of(caseId).orElseThrow();
		audit.record("SQUAD_OPINION_WRITTEN", ENTITY, t.caseNo(), "R-12", null, describe(after));
		return after;
	}

	/** The cases waiting for this person's opinion, oldest first. */
	List<Pending> pendingFor(long personId) {
		return jdbc.sql("""
				select c.id, c.case_no, u.name as unit_name, %1$s as case_day, l.name as l_name, o.name as o_name
				%2$s
				  and sr.reviewer_id = :person
				order by case_day, c.case_no""".formatted(SimpleCases.CASE_DAY, PENDING.replace(
				"join case_squad_reviewer sr on sr.case_id = c.id", """
						join case_squad_reviewer sr on sr.case_id = c.id
						join unit u on u.id = c.unit_id
						join person l on l.id = c.lead_id
						join person o on o.id = c.co_id"""))) 
			.param("person", personId)
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("case_no"), rs.getString("unit_name"),
					rs.getObject("case_day", LocalDate.class), rs.getString("l_name"), rs.getString("o_name")))
			.list();
	}

	/** How many cases wait for this person's opinion. */
	long countPendingFor(long personId) {
		return jdbc.sql("select count(*) " + PENDING + " and sr.reviewer_id = :person")
			.param("person", personId)
			.query(Long.class)
			.single();
	}

	private String describe(Opinion o) {
		return text.message("casework.audit.opinion", o.reviewerName(), o.reviewedOn(), o.text());
	}

}
