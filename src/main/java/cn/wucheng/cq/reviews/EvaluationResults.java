package cn.wucheng.cq.reviews;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.shared.Period;

/**
 * R-43 results by unit (the file's 办案单位) and evaluation month, for the target-responsibility assessment
 * (目标责任制考核) and the dashboard. A file's result is the mean of its submitted evaluations (two decimals, half up);
 * its grade follows {@link EvaluationGrade}. One set-based SQL pass.
 */
@Service
@Transactional(readOnly = true)
public class EvaluationResults {

	/**
	 * One unit in one month.
	 * @param files files drawn for evaluation (peer rounds and spot checks)
	 * @param scored files with at least one submitted evaluation
	 * @param average mean of the scored files' results; null when none is scored
	 */
	public record Row(long unitId, String unitName, YearMonth month, long files, long scored, BigDecimal average,
			long excellent, long qualified, long failed) {
	}

	static final String SQL = """
			with file_result as (
			    select e.round_id, e.case_id, round(avg(e.score), 2) as score
			    from evaluation e
			    where e.status = 'SUBMITTED'
			    group by e.round_id, e.case_id
			)
			select f.unit_id, u.name as unit_name,
			       extract(year from er.round_month) as yr, extract(month from er.round_month) as mo,
			       count(*) as files, count(fr.score) as scored, round(avg(fr.score), 2) as average,
			       sum(case when fr.score >= :excellent then 1 else 0 end) as excellent,
			       sum(case when fr.score >= :qualified and fr.score < :excellent then 1 else 0 end) as qualified,
			       sum(case when fr.score < :qualified then 1 else 0 end) as failed
			from evaluation_file f
			join evaluation_round er on er.id = f.round_id
			join unit u on u.id = f.unit_id
			left join file_result fr on fr.round_id = f.round_id and fr.case_id = f.case_id
			where er.round_month between :start and :end and (:unit = 0 or f.unit_id = :unit)
			  and (:kind = '' or er.kind = :kind)
			group by f.unit_id, u.name, extract(year from er.round_month), extract(month from er.round_month)
			order by u.name, yr, mo
			""";

	private final JdbcClient jdbc;

	private final cn.wucheng.cq.settings.RuleSettings settings;

	EvaluationResults(JdbcClient jdbc, cn.wucheng.cq.settings.RuleSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	private static BigDecimal scale(BigDecimal v) {
		return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	/**
	 * Results of the months in the period, narrowed to one unit and one round kind ({@code PEER_REVIEW} /
	 * {@code SPOT_CHECK}) when given.
	 */
	public List<Row> results(Period period, Optional<Long> unitId, Optional<String> kind) {
		return results(period.start(), period.end(), unitId, kind);
	}

	public List<Row> results(LocalDate start, LocalDate end, Optional<Long> unitId, Optional<String> kind) {
		return jdbc.sql(SQL)
			.param("start", start.withDayOfMonth(1))
			.param("end", end)
			.param("unit", unitId.orElse(0L))
			.param("kind", kind.orElse(""))
			.param("excellent", EvaluationGrade.Thresholds.of(settings).excellentFrom())
			.param("qualified", EvaluationGrade.Thresholds.of(settings).qualifiedFrom())
			.query((rs, n) -> new Row(rs.getLong("unit_id"), rs.getString("unit_name"),
					YearMonth.of(rs.getInt("yr"), rs.getInt("mo")), rs.getLong("files"), rs.getLong("scored"),
					scale(rs.getBigDecimal("average")), rs.getLong("excellent"), rs.getLong("qualified"),
					rs.getLong("failed")))
			.list();
	}


	/**
	 * the grades of the files each officer handled (as lead or co-handler) that were drawn in the months
	 * of the period, per officer, for his annual appraisal; a file drawn in two rounds counts in each, as in
	 * {@link #results}. One set-based SQL pass.
	 * @param files files drawn
	 * @param scored of those, files with at least one submitted evaluation
	 */
	public record HandlerRow(long personId, long files, long scored, long excellent, long qualified, long failed) {
	}

	static final String BY_HANDLER_SQL = """
			with file_result as (
			    select e.round_id, e.case_id, round(avg(e.score), 2) as score
			    from evaluation e
			    where e.status = 'SUBMITTED'
			    group by e.round_id, e.case_id
			)
			select h.person_id, count(*) as files, count(fr.score) as scored,
			       sum(case when fr.score >= :excellent then 1 else 0 end) as excellent,
			       sum(case when fr.score >= :qualified and fr.score < :excellent then 1 else 0 end) as qualified,
			       sum(case when fr.score < :qualified then 1 else 0 end) as failed
			from evaluation_file f
			join evaluation_round er on er.id = f.round_id
			join case_file c on c.id = f.case_id
			cross join lateral (select c.lead_id as person_id union select c.co_id) h
			left join file_result fr on fr.round_id = f.round_id and fr.case_id = f.case_id
			where er.round_month between :start and :end and h.person_id is not null
			group by h.person_id
			""";

	public java.util.Map<Long, HandlerRow> byHandler(LocalDate start, LocalDate end) {
		java.util.Map<Long, HandlerRow> rows = new java.util.HashMap<>();
		EvaluationGrade.Thresholds t = EvaluationGrade.Thresholds.of(settings);
		jdbc.sql(BY_HANDLER_SQL)
			.param("start", start.withDayOfMonth(1))
			.param("end", end)
			.param("excellent", t.excellentFrom())
			.param("qualified", t.qualifiedFrom())
			.query(rs -> {
				long person = rs.getLong("person_id");
				rows.put(person, new HandlerRow(person, rs.getLong("files"), rs.getLong("scored"),
						rs.getLong("excellent"), rs.getLong("qualified"), rs.getLong("failed")));
			});
		return rows;
	}

}
