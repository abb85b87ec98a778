package cn.wucheng.cq.scoring.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;
import cn.wucheng.cq.shared.Refusal;

/**
 * Domain coverage per squad for a year up to a date, in one SQL pass: each squad's managed domains (R-03:
 * its unit_domain rows, or all catalogue domains for a class-1/class-2 squad without any) and whether the squad
 * (办案单位) has a case in each, filed from 1 January to the date.
 */
@Service
public class DomainCoverage {

	/** One row per squad and managed domain; a squad managing nothing still has one row with a null domain. */
	private static final String SQL = """
			select u.id as unit_id, u.name as unit_name, u.type as unit_type, d.name as domain_name,
			       case when cf.domain_id is null then 0 else 1 end as covered
			from unit u
			left join domain d
			  on exists (select 1 from unit_domain ud where ud.unit_id = u.id and ud.domain_id = d.id)
			  or (u.type in ('CLASS1_SQUAD', 'CLASS2_SQUAD')
			      and not exists (select 1 from unit_domain ua where ua.unit_id = u.id))
			left join (select distinct c.unit_id, c.domain_id from case_file c
			           where c.filed_on between :yearStart and :asOf) cf
			  on cf.unit_id = u.id and cf.domain_id = d.id
			where u.type in ('DIRECT_SQUAD', 'CLASS1_SQUAD', 'CLASS2_SQUAD')
			""";

	private static final String ORDER = """

			order by case u.type when 'DIRECT_SQUAD' then 1 when 'CLASS1_SQUAD' then 2 else 3 end,
			         u.id, d.sort_order, d.id""";

	private final JdbcClient jdbc;

	private final RuleSettings settings;

	private final DataStamp stamp;

	DomainCoverage(JdbcClient jdbc, RuleSettings settings, DataStamp stamp) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.stamp = stamp;
	}

	/** What a coverage result is of, besides the data: the year up to a day, and the one unit a squad reader sees. */
	private record Key(int year, LocalDate asOf, Long unit) {
	}

	public DomainCoveragePolicy policy() {
		return new DomainCoveragePolicy(new CoverageTargets(settings.decimal(RuleSetting.COVERAGE_TARGET_DIRECT_PERCENT),
				settings.decimal(RuleSetting.COVERAGE_TARGET_CLASS1_PERCENT),
				settings.decimal(RuleSetting.COVERAGE_TARGET_CLASS2_PERCENT)));
	}

	/** The date the targets are due in a year (setting COVERAGE_DEADLINE, 30 Sept by default). */
	public LocalDate deadline(int year) {
		return settings.monthDay(RuleSetting.COVERAGE_DEADLINE).atYear(year);
	}

	/** The number of catalogue domains: what a class-1/class-2 squad manages by default. */
	public int catalogueSize() {
		return jdbc.sql("select count(*) from domain").query(Integer.class).single();
	}

	/**
	 * Squads the user may see, by type (直属, 一类, 二类) then in the order they were created.
	 * @param asOf within the year: cases filed from 1 January of the year up to this date count
	 */
	@Transactional(readOnly = true)
	public List<SquadCoverage> coverage(int year, LocalDate asOf, CurrentUser user) {
		LocalDate yearStart = LocalDate.of(year, 1, 1);
		if (asOf.getYear() != year) {
			throw Refusal.of("coverage.refused.deadlineYear", year, asOf);
		}
		if (!user.readsAll() && user.unitFilter().isEmpty()) {
			return List.of();
		}
		// kept under the data stamp (issue 16: the dashboard, the task board's 任务清单第3项 and the comparison of
		// bureaus each asked for the same year, three queries per bureau)
		return stamp.cached(DataCache.COVERAGE, new Key(year, asOf, user.unitFilter().orElse(null)),
				() -> compute(yearStart, asOf, user));
	}

	private List<SquadCoverage> compute(LocalDate yearStart, LocalDate asOf, CurrentUser user) {
		String sql = SQL + user.unitFilter().map(u -> " and u.id = :scopeUnit").orElse("") + ORDER;
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param("yearStart", yearStart).param("asOf", asOf);
		if (user.unitFilter().isPresent()) {
			spec = spec.param("scopeUnit", user.unitFilter().get());
		}
		List<Row> rows = spec.query((rs, n) -> new Row(rs.getLong("unit_id"), rs.getString("unit_name"),
				UnitType.valueOf(rs.getString("unit_type")), rs.getString("domain_name"), rs.getInt("covered") == 1))
			.list();
		Map<Long, Squad> squads = new LinkedHashMap<>();
		for (Row r : rows) {
			Squad s = squads.computeIfAbsent(r.unitId(), id -> new Squad(id, r.unitName(), r.type()));
			if (r.domain() != null) {
				s.managed.add(r.domain());
				if (r.covered()) {
					s.covered.add(r.domain());
				}
			}
		}
		DomainCoveragePolicy policy = policy();
		return squads.values()
			.stream()
			.map(s -> new SquadCoverage(s.id, s.name, s.type, policy.assess(s.type, s.managed, s.covered)))
			.toList();
	}

	private record Row(long unitId, String unitName, UnitType type, String domain, boolean covered) {
	}

	private static final class Squad {

		final long id;

		final String name;

		final UnitType type;

		final List<String> managed = new ArrayList<>();

		final Set<String> covered = new HashSet<>();

		Squad(long id, String name, UnitType type) {
			this.id = id;
			this.name = name;
			this.type = type;
		}

	}

}
