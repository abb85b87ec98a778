package cn.wucheng.cq.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.rollout.Rollout;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * the squad's simple cases and their reviews by the squad's legal officer, from the squad's rollout start
 * . Set-based: one query per list. The case day of a simple case is its 办结日期, which is its decision day
 * the filing day stands in when it is missing.
 */
@Service
class SimpleCases {

	static final String ENTITY = "simple_review";

	/** The case day in SQL (alias c for case_file). */
	static final String CASE_DAY = cn.wucheng.cq.casework.CaseworkFigures.CASE_DAY;

	private static final String ROWS = """
			select c.id, c.case_no, c.decision_no, %1$s as case_day, c.video_no, l.name as l_name, o.name as o_name,
			       case when l.category = 'AUXILIARY' or o.category = 'AUXILIARY' then true else false end as aux,
			       r.id as r_id, r.subject_ok, r.party_ok, r.evidence_ok, r.law_ok, r.record_ok, r.video_no as r_video,
			       r.reviewed_on, r.reviewer_name, r.note as r_note, op.reviewer_name as op_name,
			       op.reviewed_on as op_on, op.opinion as op_text
			from case_file c
			join person l on l.id = c.lead_id
			join person o on o.id = c.co_id
			join unit_rollout ro on ro.unit_id = c.unit_id
			left join simple_review r on r.case_id = c.id
			left join squad_review_opinion op on op.case_id = c.id
			where c.unit_id = :unit and c.category = 'SIMPLE'
			  and (ro.starts_on is null or %1$s >= ro.starts_on)
			""".formatted(CASE_DAY);

	private final JdbcClient jdbc;

	private final SimpleReviewRepository reviews;

	private final ReviewListRepository lists;

	private final Rollout rollout;

	private final AuditLog audit;

	private final Refusals text;

	private final Clock clock;

	SimpleCases(JdbcClient jdbc, SimpleReviewRepository reviews, ReviewListRepository lists, Rollout rollout,
			AuditLog audit, Refusals text, Clock clock) {
		this.text = text;
		this.jdbc = jdbc;
		this.reviews = reviews;
		this.lists = lists;
		this.rollout = rollout;
		this.audit = audit;
		this.clock = clock;
	}

	/** The squad's simple cases of a span of days (by case day), with reviews, in the order of the list. */
	List<ListRow> between(long unitId, LocalDate from, LocalDate to) {
		return jdbc.sql(ROWS + " and " + CASE_DAY + " between :from and :to order by case_day, c.case_no")
			.param("unit", unitId)
			.param("from", from)
			.param("to", to)
			.query(SimpleCases::row)
			.list();
	}

	/** The "today" view: the squad's simple cases still unreviewed whose day is today or past (overdue). */
	List<ListRow> unreviewedUpTo(long unitId, LocalDate today) {
		return jdbc.sql(ROWS + " and r.id is null and " + CASE_DAY + " <= :today order by case_day, c.case_no")
			.param("unit", unitId)
			.param("today", today)
			.query(SimpleCases::row)
			.list();
	}

	Optional<SimpleReview> review(long caseId) {
		return reviews.findByCaseId(caseId);
	}

	Optional<LocalDate> rolloutStart(long unitId) {
		return rollout.startOf(unitId);
	}

	boolean applies(long unitId, LocalDate day) {
		return rollout.applies(unitId, day);
	}

	/**
	 * who may review this simple case — the squad's legal officer, never one of the case's own handlers; when
	 * a legal officer of the squad handled it, the squad leader (not himself a handler) or another legal officer of
	 * the squad reviews it. Empty when the user may; else the message key that says why not. The role check of the
	 * endpoint and the data scope come first.
	 */
	static java.util.Optional<String> reviewRefusal(CurrentUser user, Assignments.CaseView c) {
		if (user.personId() != null
				&& (user.personId().equals(c.lead().id()) || user.personId().equals(c.co().id()))) {
			return java.util.Optional.of(user.role() == Role.SQUAD_LEADER ? "casework.review.ownCaseLeader"
					: "casework.review.ownCase");
		}
		if (user.role() == Role.LEGAL_OFFICER) {
			return java.util.Optional.empty();
		}
		if (user.role() == Role.SQUAD_LEADER && legalOfficerHandled(c)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of("casework.review.leaderOnlyWhenLegalOfficerHandled");
	}

	/** A legal officer (post 法制员) of the case's squad is one of its handlers. */
	static boolean legalOfficerHandled(Assignments.CaseView c) {
		return isSquadLegalOfficer(c.lead(), c.unitId()) || isSquadLegalOfficer(c.co(), c.unitId());
	}

	private static boolean isSquadLegalOfficer(Assignments.Handler h, long unitId) {
		return h.unitId() == unitId && "LEGAL_OFFICER".equals(h.post());
	}

	/**
	 * The squad's legal officer (or, R-40, the squad leader when the legal officer handled the case) records or
	 * corrects the review of a simple case of his squad. Refused for a reviewer who handled the case, for a case
	 * that is not simple, a case before the squad's rollout start, a case whose day is still ahead, a 否
	 * without a note, and a correction once the month's list is signed.
	 * @throws OptimisticLockingFailureException when the review changed since the form was shown
	 */
	@Transactional
	SimpleReview record(Assignments.CaseView c, SimpleReview.Checklist checklist, Integer version) {
		CurrentUser user = CaseworkScope.requireVisible(c.unitId(), "case");
		if (user.role() != Role.LEGAL_OFFICER && user.role() != Role.SQUAD_LEADER) {
			throw new org.springframework.security.access.AccessDeniedException("only the squad reviews");
		}
		java.util.Optional<String> refusal = reviewRefusal(user, c);
		if (refusal.isPresent()) {
			throw Refusal.of(refusal.get(), c.caseNo());
		}
		if (!c.simple()) {
			throw Refusal.of("casework.refused.notSimple", c.category().label());
		}
		LocalDate day = c.caseDay();
		if (!rollout.applies(c.unitId(), day)) {
			throw Refusal.of("casework.refused.beforeRollout", day,
					rollout.startOf(c.unitId()).map(LocalDate::toString).orElse(""));
		}
		LocalDate today = LocalDate.now(clock);
		if (day.isAfter(today)) {
			throw Refusal.of("casework.refused.caseDayAhead", day);
		}
		LocalDateTime now = LocalDateTime.now(clock);
		Optional<SimpleReview> existing = reviews.findByCaseId(c.id());
		if (existing.isPresent()) {
			SimpleReview r = existing.get();
			if (!Objects.equals(version, r.getVersion())) {
				throw new OptimisticLockingFailureException("simple_review " + r.getId() + " changed");
			}
			String before = r.describe(text);
			boolean signed = lists.findByUnitIdAndListYearAndListMonth(c.unitId(), day.getYear(), day.getMonthValue())
				.map(ReviewList::isSigned)
				.orElse(false);
			r.correct(checklist, user.username(), user.displayName(), user.role().name(), now, signed);
			SimpleReview saved = reviews.save(r);
			audit.record("SIMPLE_REVIEW_CORRECTED", ENTITY, c.caseNo(), "R-40", before, saved.describe(text));
			return saved;
		}
		if (version != null) {
			throw new OptimisticLockingFailureException("simple_review of case " + c.id() + " was removed");
		}
		SimpleReview saved = reviews
			.save(new SimpleReview(c.id(), checklist, today, user.username(), user.displayName(), user.role().name(),
					now));
		audit.record("SIMPLE_REVIEW_RECORDED", ENTITY, c.caseNo(),
				saved.lateFor(day) ? "R-40 " + text.message("casework.audit.reviewLate") : "R-40",
				null, saved.describe(text));
		return saved;
	}

	private static ListRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		long rid = rs.getLong("r_id");
		boolean reviewed = !rs.wasNull();
		return new ListRow(rs.getLong("id"), rs.getString("case_no"), rs.getString("decision_no"),
				rs.getObject("case_day", LocalDate.class), rs.getString("video_no"), rs.getString("l_name"),
				rs.getString("o_name"), rs.getBoolean("aux"), reviewed ? rid : null,
				reviewed ? rs.getBoolean("subject_ok") : null, reviewed ? rs.getBoolean("party_ok") : null,
				reviewed ? rs.getBoolean("evidence_ok") : null, reviewed ? rs.getBoolean("law_ok") : null,
				reviewed ? rs.getBoolean("record_ok") : null, rs.getString("r_video"),
				rs.getObject("reviewed_on", LocalDate.class), rs.getString("reviewer_name"), rs.getString("r_note"),
				rs.getString("op_name"), rs.getObject("op_on", LocalDate.class), rs.getString("op_text"));
	}

}
