package cn.wucheng.cq.reviews;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.shared.Period;

/**
 * R-42 review rate per unit and month: reviewed / concluded ordinary cases (普通程序 and 重大疑难, R-10), by the month of
 * the 办结日期. R-71: cases a unit concluded before its rollout start are 未纳入 — counted apart, in neither figure.
 * One set-based SQL pass over the period; read API for pages and the dashboard.
 */
@Service
@Transactional(readOnly = true)
public class ReviewRates {

	/**
	 * One unit in one month.
	 * @param concluded ordinary cases concluded in the month from the unit's rollout start (the denominator)
	 * @param reviewed of those, the cases with at least one legal review recorded (通过 or 退卷)
	 * @param excluded ordinary cases concluded before the unit's rollout start (未纳入, R-71)
	 * @param rate reviewed / concluded as a percentage with two decimals; null when nothing was concluded
	 */
	public record Row(long unitId, String unitName, YearMonth month, long concluded, long reviewed, long excluded,
			BigDecimal rate) {

		/** Cases awaiting review (counted, not yet reviewed). */
		public long pending() {
			return concluded - reviewed;
		}

	}

	static final String SQL = """
			select c.unit_id, u.name as unit_name,
			       extract(year from c.concluded_on) as yr, extract(month from c.concluded_on) as mo,
			       sum(case when r.starts_on is null or c.concluded_on >= r.starts_on then 1 else 0 end) as concluded,
			       sum(case when (r.starts_on is null or c.concluded_on >= r.starts_on) and lr.id is not null
			                then 1 else 0 end) as reviewed,
			       sum(case when r.starts_on is not null and c.concluded_on < r.starts_on then 1 else 0 end) as excluded
			from case_file c
			join unit u on u.id = c.unit_id
			join unit_rollout r on r.unit_id = c.unit_id
			left join legal_review lr on lr.case_id = c.id
			where c.category in ('ORDINARY', 'MAJOR') and c.concluded_on between :start and :end
			  and (:unit = 0 or c.unit_id = :unit)
			group by c.unit_id, u.name, extract(year from c.concluded_on), extract(month from c.concluded_on)
			order by u.name, yr, mo
			""";

	private final JdbcClient jdbc;

	ReviewRates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every unit with ordinary cases concluded in the period, per month; narrowed to one unit when given. */
	public List<Row> rates(Period period, Optional<Long> unitId) {
		return rates(period.start(), period.end(), unitId);
	}

	public List<Row> rates(LocalDate start, LocalDate end, Optional<Long> unitId) {
		return jdbc.sql(SQL)
			.param("start", start)
			.param("end", end)
			.param("unit", unitId.orElse(0L))
			.query((rs, n) -> {
				long concluded = rs.getLong("concluded");
				long reviewed = rs.getLong("reviewed");
				return new Row(rs.getLong("unit_id"), rs.getString("unit_name"),
						YearMonth.of(rs.getInt("yr"), rs.getInt("mo")), concluded, reviewed, rs.getLong("excluded"),
						rate(reviewed, concluded));
			})
			.list();
	}

	/** Percentage with two decimals, half up; null for 0 / 0. */
	public static BigDecimal rate(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2,
				RoundingMode.HALF_UP);
	}

}
