package cn.wucheng.cq.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.scoring.PersonScore;
import cn.wucheng.cq.scoring.Ranking;
import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.scoring.ScoreScope;
import cn.wucheng.cq.scoring.publication.Publications;
import cn.wucheng.cq.scoring.publication.Publications.AppealRow;
import cn.wucheng.cq.scoring.publication.QuarterState;
import cn.wucheng.cq.scoring.standards.CaseCounts;
import cn.wucheng.cq.scoring.standards.CaseStandards;
import cn.wucheng.cq.scoring.standards.OfficerStandard;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Points;
import cn.wucheng.cq.training.TrainingOverview;

/**
 * What an officer sees on his phone after signing in (issue 13 item 6): his points this quarter with his rank in his
 * category, what is still missing for the case-handling standard, his training hours of the year
 * against the required hours, his appeals and their outcomes and his latest cases. Every figure comes
 * from the module that owns its rule (ScoreLedger, CaseStandards, TrainingOverview, Publications), read with the
 * officer's own scope — nothing here computes a rule again.
 */
@Component
class OfficerHome {

	/** The latest cases shown as cards. */
	static final int RECENT_CASES = 5;

	/**
	 * His score and rank of the quarter; rank 0 when he is in no squad's ranking pool (e.g. an organ officer) or the
	 * quarter's ranking is not yet published (R-26: a draft ranking is not shown to officers — {@code published}).
	 */
	record Score(String employeeNo, Points total, Points quantity, Points quality, Points excellence, int leadCases,
			int coCases, UnitType category, int rank, int pool, boolean bestHandler, boolean published) {

		public boolean ranked() {
			return rank > 0;
		}

	}

	/** His standard of the quarter and what is missing (zero counts when it is met or does not apply). */
	record Standard(OfficerStandard standard, CaseCounts missing) {

		public boolean assessed() {
			return standard.status().isAssessed();
		}

	}

	/** His hours of the year against the required hours. */
	record Training(int year, BigDecimal hours, BigDecimal required, BigDecimal shortfall, boolean complete,
			boolean behind) {

		/** How full the progress bar is, 0–100 (display only; the figures shown are the exact hours). */
		public int percent() {
			if (required.signum() <= 0) {
				return 100;
			}
			return hours.multiply(BigDecimal.valueOf(100)).divide(required, 0, RoundingMode.DOWN).min(BigDecimal.valueOf(100)).intValue();
		}

	}

	/** One of his cases as a card. */
	record RecentCase(long id, String caseNo, String title, CaseCategory category, boolean lead, LocalDate concludedOn) {
	}

	record View(Period quarter, Optional<Score> score, Optional<Standard> standard, Optional<Training> training,
			List<AppealRow> appeals, List<RecentCase> cases) {
	}

	private final ScoreLedger ledger;

	private final CaseStandards standards;

	private final TrainingOverview training;

	private final Publications publications;

	private final LatestPeriods latest;

	private final JdbcClient jdbc;

	OfficerHome(ScoreLedger ledger, CaseStandards standards, TrainingOverview training, Publications publications,
			LatestPeriods latest, JdbcClient jdbc) {
		this.ledger = ledger;
		this.standards = standards;
		this.training = training;
		this.publications = publications;
		this.latest = latest;
		this.jdbc = jdbc;
	}

	/** The officer's home; the user must be an officer's account linked to a person (his own scope). */
	View of(CurrentUser officer) {
		long personId = officer.personFilter().orElseThrow();
		Period quarter = latest.quarter();
		return new View(quarter, score(personId, quarter), standard(officer, quarter), training(officer),
				appeals(officer, quarter), cases(personId));
	}

	private Optional<Score> score(long personId, Period quarter) {
		ScoreScope own = ScoreScope.person(personId);
		Optional<PersonScore> score = ledger.scores(quarter, own).stream().filter(s -> s.personId() == personId)
			.findFirst();
		if (score.isEmpty()) {
			return Optional.empty();
		}
		PersonScore s = score.get();
		// the ranking of a quarter reaches officers with its publication (公示), as on the rankings page
		boolean published = publications.state(quarter).map(QuarterState::visibleToOfficers).orElse(false);
		// his place in his category's ranking — the ranking the rankings page shows, narrowed to him
		for (Ranking.Category c : published ? ledger.rankings(quarter, own).categories() : List.<Ranking.Category>of()) {
			for (Ranking.Entry e : c.entries()) {
				if (e.personId() == personId) {
					return Optional.of(new Score(s.employeeNo(), s.total(), s.quantity(), s.quality(), s.excellence(),
							s.leadCases(), s.coCases(), c.category(), e.rank(), c.pool(), e.bestHandler(), true));
				}
			}
		}
		return Optional.of(new Score(s.employeeNo(), s.total(), s.quantity(), s.quality(), s.excellence(),
				s.leadCases(), s.coCases(), s.unitType(), 0, 0, false, published));
	}

	private Optional<Standard> standard(CurrentUser officer, Period quarter) {
		return standards.forQuarter(quarter, officer)
			.stream()
			.filter(s -> s.personId() == officer.personFilter().orElseThrow())
			.findFirst()
			.map(s -> new Standard(s, s.status().isAssessed() ? s.outcome().done().shortOf(s.outcome().required())
					: CaseCounts.NONE));
	}

	private Optional<Training> training(CurrentUser officer) {
		int year = latest.year();
		TrainingOverview.HoursReport report = training.hours(year, officer, latest.today());
		return report.officers()
			.stream()
			.filter(h -> h.personId() == officer.personFilter().orElseThrow())
			.findFirst()
			.map(h -> new Training(year, h.hours(), report.required(), h.shortfall(), h.complete(), h.behind()));
	}

	/** His appeals of the latest published quarter and of the latest quarter, open ones first. */
	private List<AppealRow> appeals(CurrentUser officer, Period quarter) {
		Set<Period> quarters = new LinkedHashSet<>();
		publications.latestVisibleQuarter().ifPresent(quarters::add);
		quarters.add(quarter);
		List<AppealRow> rows = new ArrayList<>();
		for (Period q : quarters) {
			rows.addAll(publications.appeals(q, officer));
		}
		return rows.stream()
			.sorted((a, b) -> Boolean.compare(b.isOpen(), a.isOpen()) != 0 ? Boolean.compare(b.isOpen(), a.isOpen())
					: b.filedOn().compareTo(a.filedOn()))
			.toList();
	}

	private List<RecentCase> cases(long personId) {
		return jdbc.sql("""
				select c.id, c.case_no, c.title, c.category, c.lead_id, c.concluded_on
				from case_file c
				where c.lead_id = :person or c.co_id = :person
				order by coalesce(c.concluded_on, c.filed_on) desc nulls last, c.id desc
				limit :limit""")
			.param("person", personId)
			.param("limit", RECENT_CASES)
			.query((rs, n) -> new RecentCase(rs.getLong("id"), rs.getString("case_no"), rs.getString("title"),
					CaseCategory.valueOf(rs.getString("category")), rs.getLong("lead_id") == personId,
					rs.getObject("concluded_on", LocalDate.class)))
			.list();
	}

}
