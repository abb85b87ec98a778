package cn.wucheng.cq.casework.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.casework.CaseworkFigures;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * The legal officer's review table (R-40, R-41; issue 13 item 5): a squad's simple cases of a span of days in one
 * table, those still unreviewed first, saved together. Each row goes through {@link SimpleCases#record} — the method
 * the one-case page uses — in its own transaction, so each row is audited and refused by the same rules, and a row the
 * rules refuse writes nothing while the other rows are saved (per row, not all-or-nothing: a legal officer who
 * filled twenty rows expects nineteen saved and the bad one shown with its reason). Not itself transactional on
 * purpose.
 */
@Service
class ReviewBatches {

	/** The most rows a table shows; a longer span says so and shows the first (those still to do first). */
	static final int MAX_ROWS = 200;

	private static final String DAY = CaseworkFigures.CASE_DAY;

	/** One case of the table: the case, its review if any, and why the user may not act on it (null: he may). */
	record Line(Assignments.CaseView c, LocalDate caseDay, Long reviewId, Integer reviewVersion,
			SimpleReview.Checklist review, LocalDate reviewedOn, String reviewerName, String blocked) {

		public boolean reviewed() {
			return reviewId != null;
		}

		public boolean editable() {
			return blocked == null;
		}

		/** 当天案件当天审核完毕. */
		public boolean late() {
			return reviewedOn != null && reviewedOn.isAfter(caseDay);
		}

		public String handlers() {
			return c.lead().name() + "、" + c.co().name();
		}

	}

	/** What became of one row on saving. */
	enum Result {

		/** Recorded or corrected through {@link SimpleCases#record}, audited. */
		SAVED,
		/** Refused by a rule; nothing of the row written. */
		REFUSED,
		/** Nothing chosen, or the same as stored: nothing to write. */
		UNCHANGED

	}

	record Outcome(Result result, String message) {
	}

	/** A row of the table as shown: the case, what the form holds for it, and what saving did. */
	record Shown(int index, Line line, ReviewBatchForm.Entry entry, Outcome outcome) {

		public boolean saved() {
			return outcome != null && outcome.result() == Result.SAVED;
		}

		public boolean refused() {
			return outcome != null && outcome.result() == Result.REFUSED;
		}

	}

	/** The table: its rows and whether the span had more than {@link #MAX_ROWS}. */
	record Table(List<Line> lines, boolean truncated) {
	}

	private final JdbcClient jdbc;

	private final SimpleCases simpleCases;

	private final Assignments assignments;

	private final CaseworkPages pages;

	private final Refusals refusals;

	ReviewBatches(JdbcClient jdbc, SimpleCases simpleCases, Assignments assignments, CaseworkPages pages,
			Refusals refusals) {
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.simpleCases = simpleCases;
		this.assignments = assignments;
		this.pages = pages;
	}

	/**
	 * The squad's simple cases of the window from its rollout start: for 今日 those unreviewed up to today
	 * (overdue included), else every case of the days; unreviewed first, then by case day. {@code keep}: cases just
	 * saved, still shown in the 今日 view so the user sees what was saved.
	 */
	Table lines(long unitId, BatchSpan.Window w, java.util.Collection<Long> keep) {
		CurrentUser user = CaseworkScope.requireVisible(unitId, "squad");
		LocalDate today = pages.today();
		String which = w.span() == BatchSpan.TODAY ? "(r.id is null or c.id in (:keep)) and " + DAY + " <= :to"
				: DAY + " between :from and :to";
		List<Long> kept = keep == null || keep.isEmpty() ? List.of(-1L) : List.copyOf(keep);
		List<Line> lines = jdbc.sql("""
				select c.id, c.case_no, c.decision_no, c.title, c.category, d.name as domain_name, c.unit_id,
				       u.name as unit_name, c.source, c.filed_on, c.concluded_on, c.video_no, c.version,
				       l.id as l_id, l.employee_no as l_no, l.name as l_name, l.category as l_cat, l.unit_id as l_unit,
				       l.post as l_post,
				       o.id as o_id, o.employee_no as o_no, o.name as o_name, o.category as o_cat, o.unit_id as o_unit,
				       o.post as o_post,
				       %1$s as case_day,
				       r.id as r_id, r.version as r_version, r.subject_ok, r.party_ok, r.evidence_ok, r.law_ok,
				       r.record_ok, r.video_no as r_video, r.note as r_note, r.reviewed_on, r.reviewer_name,
				       coalesce(rl.status, 'DRAFT') as list_status
				from case_file c
				join domain d on d.id = c.domain_id
				join unit u on u.id = c.unit_id
				join person l on l.id = c.lead_id
				join person o on o.id = c.co_id
				join unit_rollout ro on ro.unit_id = c.unit_id
				left join simple_review r on r.case_id = c.id
				left join review_list rl on rl.unit_id = c.unit_id
				     and rl.list_year = extract(year from %1$s) and rl.list_month = extract(month from %1$s)
				where c.unit_id = :unit and c.category = 'SIMPLE'
				  and (ro.starts_on is null or %1$s >= ro.starts_on) and %2$s
				order by case when r.id is null then 0 else 1 end, case_day, c.case_no
				fetch first %3$d rows only""".formatted(DAY, which, MAX_ROWS + 1))
			.param("unit", unitId)
			.param("from", w.from())
			.param("to", w.to())
			.param("keep", kept)
			.query((rs, n) -> {
				Assignments.CaseView c = new Assignments.CaseView(rs.getLong("id"), rs.getString("case_no"),
						rs.getString("decision_no"), rs.getString("title"),
						CaseCategory.valueOf(rs.getString("category")), rs.getString("domain_name"),
						rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("source"),
						rs.getObject("filed_on", LocalDate.class), rs.getObject("concluded_on", LocalDate.class),
						rs.getString("video_no"),
						new Assignments.Handler(rs.getLong("l_id"), rs.getString("l_no"), rs.getString("l_name"),
								"AUXILIARY".equals(rs.getString("l_cat")), rs.getLong("l_unit"),
								rs.getString("l_post")),
						new Assignments.Handler(rs.getLong("o_id"), rs.getString("o_no"), rs.getString("o_name"),
								"AUXILIARY".equals(rs.getString("o_cat")), rs.getLong("o_unit"),
								rs.getString("o_post")),
						rs.getInt("version"));
				long rid = rs.getLong("r_id");
				boolean reviewed = !rs.wasNull();
				SimpleReview.Checklist k = reviewed ? new SimpleReview.Checklist(rs.getBoolean("subject_ok"),
						rs.getBoolean("party_ok"), rs.getBoolean("evidence_ok"), rs.getBoolean("law_ok"),
						rs.getBoolean("record_ok"), rs.getString("r_video"), rs.getString("r_note")) : null;
				LocalDate day = rs.getObject("case_day", LocalDate.class);
				String blocked = blocked(user, c, day, today, reviewed, !"DRAFT".equals(rs.getString("list_status")));
				return new Line(c, day, reviewed ? rid : null, reviewed ? rs.getInt("r_version") : null, k,
						rs.getObject("reviewed_on", LocalDate.class), rs.getString("reviewer_name"), blocked);
			})
			.list();
		boolean truncated = lines.size() > MAX_ROWS;
		return new Table(truncated ? lines.subList(0, MAX_ROWS) : lines, truncated);
	}

	/** Why the user may not review this case here (R-40 and the list's signature), or null. */
	private String blocked(CurrentUser user, Assignments.CaseView c, LocalDate day, LocalDate today,
			boolean reviewed, boolean listSigned) {
		if (user.role() != Role.LEGAL_OFFICER && user.role() != Role.SQUAD_LEADER) {
			return refusals.message("casework.batch.readOnly");
		}
		Optional<String> refusal = SimpleCases.reviewRefusal(user, c);
		if (refusal.isPresent()) {
			return refusals.message(refusal.get(), c.caseNo());
		}
		if (day.isAfter(today)) {
			return refusals.message("casework.batch.notYet", day);
		}
		if (reviewed && listSigned) {
			return refusals.message("casework.batch.signed");
		}
		return null;
	}

	/**
	 * Saves the rows the user filled, each through {@link SimpleCases#record} in its own transaction. Every case id
	 * must be one of the squad's (checked for all rows before any is saved: a case of another squad refuses the whole
	 * request as not found, nothing written). A row with some checks chosen and others not is refused (never half a
	 * review); a row with nothing chosen, or the same as stored, is left alone.
	 * @return the outcome of each row by case id, in the order sent
	 */
	Map<Long, Outcome> save(long unitId, ReviewBatchForm form) {
		CaseworkScope.requireVisible(unitId, "squad");
		Map<Long, Assignments.CaseView> cases = new LinkedHashMap<>();
		List<ReviewBatchForm.Entry> entries = new ArrayList<>();
		for (ReviewBatchForm.Entry e : form.getRows()) {
			if (e == null || e.getCaseId() == null) {
				continue;
			}
			Assignments.CaseView c = assignments.view(e.getCaseId());
			if (c.unitId() != unitId) {
				throw CaseworkScope.notFound("case");
			}
			cases.put(c.id(), c);
			entries.add(e);
		}
		Map<Long, Outcome> outcomes = new LinkedHashMap<>();
		for (ReviewBatchForm.Entry e : entries) {
			if (ReviewBatchForm.ALL.equals(form.getAllOk())) {
				e.fillOk();
			}
			else if (String.valueOf(e.getCaseId()).equals(form.getAllOk())) {
				e.allOk();
			}
			outcomes.put(e.getCaseId(), saveOne(cases.get(e.getCaseId()), e));
		}
		return outcomes;
	}

	private Outcome saveOne(Assignments.CaseView c, ReviewBatchForm.Entry e) {
		if (e.untouched()) {
			return new Outcome(Result.UNCHANGED, null);
		}
		if (!e.complete()) {
			return new Outcome(Result.REFUSED, refusals.message("casework.batch.incomplete"));
		}
		SimpleReview.Checklist wanted = e.toChecklist();
		Optional<SimpleReview> stored = simpleCases.review(c.id());
		if (stored.isPresent() && stored.get().checklist().equals(wanted)
				&& java.util.Objects.equals(stored.get().getVersion(), e.getVersion())) {
			return new Outcome(Result.UNCHANGED, null);
		}
		try {
			SimpleReview saved = simpleCases.record(c, wanted, e.getVersion());
			return new Outcome(Result.SAVED, saved.lateFor(c.caseDay())
					? refusals.message("casework.batch.savedLate", saved.getReviewedOn())
					: refusals.message("casework.batch.saved"));
		}
		catch (Refusal refusal) {
			if (refusal.status() == HttpStatus.NOT_FOUND) {
				throw refusal;
			}
			return new Outcome(Result.REFUSED, refusals.text(refusal));
		}
		catch (OptimisticLockingFailureException stale) {
			return new Outcome(Result.REFUSED, refusals.message("casework.stale"));
		}
	}

	/**
	 * The rows to show: each line with what the form holds — what the user entered for a refused row, else what is
	 * stored (an unreviewed row offers the case's 视频编号).
	 */
	static List<Shown> shown(List<Line> lines, Map<Long, ReviewBatchForm.Entry> entered, Map<Long, Outcome> outcomes) {
		List<Shown> rows = new ArrayList<>();
		for (Line l : lines) {
			Outcome o = outcomes.get(l.c().id());
			ReviewBatchForm.Entry e = o != null && o.result() == Result.REFUSED && entered.containsKey(l.c().id())
					? entered.get(l.c().id())
					: ReviewBatchForm.Entry.of(l.c().id(), l.review(),
							l.review() != null ? l.review().videoNo() : l.c().videoNo(), l.reviewVersion());
			rows.add(new Shown(rows.size(), l, e, o));
		}
		return rows;
	}

}
