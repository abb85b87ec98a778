package cn.wucheng.cq.casework.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * The squad leader's assignment of the new cases (中队长指派制, R-11; issue 13 item 5): the squad's cases that
 * arrived without his assignment (imported or pushed with the platform's handlers), from the squad's rollout start
 * . Each case goes through {@link Assignments#assignNew} in its own transaction — audited, refused by R-11 —
 * one row at a time or several rows with one 主办/协办 pair; a refused case writes nothing and the others are saved.
 */
@Service
class AssignmentBatches {

	static final int MAX_ROWS = 200;

	/** A case awaiting (or, just now, given) the squad leader's assignment. */
	record Pending(long id, String caseNo, CaseCategory category, String title, String source, LocalDate filedOn,
			int version, long leadId, long coId, String leadName, String coName, boolean assigned) {
	}

	record Table(List<Pending> rows, boolean truncated) {
	}

	private final JdbcClient jdbc;

	private final Assignments assignments;

	private final Refusals refusals;

	AssignmentBatches(JdbcClient jdbc, Assignments assignments, Refusals refusals) {
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.assignments = assignments;
	}

	/**
	 * The squad's cases filed in the window and never assigned here, newest first; {@code keep}: cases just
	 * assigned, still shown (as assigned) so the squad leader sees what was done.
	 */
	Table pending(long unitId, BatchSpan.Window w, Collection<Long> keep) {
		CaseworkScope.requireVisible(unitId, "squad");
		List<Long> kept = keep == null || keep.isEmpty() ? List.of(-1L) : List.copyOf(keep);
		List<Pending> rows = jdbc.sql("""
				select c.id, c.case_no, c.category, c.title, c.source, c.filed_on, c.version, c.lead_id, c.co_id,
				       l.name as l_name, o.name as o_name,
				       exists (select 1 from case_assignment a where a.case_id = c.id) as assigned
				from case_file c
				join person l on l.id = c.lead_id
				join person o on o.id = c.co_id
				join unit_rollout ro on ro.unit_id = c.unit_id
				where c.unit_id = :unit and c.filed_on between :from and :to
				  and (ro.starts_on is null or c.filed_on >= ro.starts_on)
				  and (not exists (select 1 from case_assignment a where a.case_id = c.id) or c.id in (:keep))
				order by c.filed_on desc, c.case_no
				fetch first %d rows only""".formatted(MAX_ROWS + 1))
			.param("unit", unitId)
			.param("from", w.from())
			.param("to", w.to())
			.param("keep", kept)
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("case_no"),
					CaseCategory.valueOf(rs.getString("category")), rs.getString("title"), rs.getString("source"),
					rs.getObject("filed_on", LocalDate.class), rs.getInt("version"), rs.getLong("lead_id"),
					rs.getLong("co_id"), rs.getString("l_name"), rs.getString("o_name"), rs.getBoolean("assigned")))
			.list();
		boolean truncated = rows.size() > MAX_ROWS;
		return new Table(truncated ? rows.subList(0, MAX_ROWS) : rows, truncated);
	}

	/** One case of the squad, else 404 (another squad's case is not found, as everywhere in casework). */
	long requireOwnCase(long unitId, long caseId) {
		long unit = assignments.caseUnit(caseId).orElseThrow(() -> CaseworkScope.notFound("case"));
		CaseworkScope.requireVisible(unit, "case");
		if (unit != unitId) {
			throw CaseworkScope.notFound("case");
		}
		return caseId;
	}

	/** Assigns one case; the outcome says saved, or refused with the rule's words. */
	ReviewBatches.Outcome assign(long unitId, long caseId, Long leadId, Long coId, Integer version) {
		requireOwnCase(unitId, caseId);
		try {
			assignments.assignNew(caseId, leadId, coId, version);
			return new ReviewBatches.Outcome(ReviewBatches.Result.SAVED, refusals.message("casework.assignNew.saved"));
		}
		catch (Refusal e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			return new ReviewBatches.Outcome(ReviewBatches.Result.REFUSED, refusals.text(e));
		}
		catch (OptimisticLockingFailureException e) {
			return new ReviewBatches.Outcome(ReviewBatches.Result.REFUSED, refusals.message("casework.stale"));
		}
	}

	/**
	 * Several cases, one 主办/协办 pair: every case id is checked to be the squad's before any is assigned (a case of
	 * another squad refuses the whole request, nothing written); then each is assigned in its own transaction.
	 */
	Map<Long, ReviewBatches.Outcome> assignAll(long unitId, List<Long> caseIds, Long leadId, Long coId,
			Map<Long, Integer> versions) {
		List<Long> ids = caseIds == null ? List.of() : caseIds.stream().filter(java.util.Objects::nonNull).distinct()
			.toList();
		ids.forEach(id -> requireOwnCase(unitId, id));
		Map<Long, ReviewBatches.Outcome> outcomes = new LinkedHashMap<>();
		for (Long id : ids) {
			outcomes.put(id, assign(unitId, id, leadId, coId, versions == null ? null : versions.get(id)));
		}
		return outcomes;
	}

}
