package cn.wucheng.cq.recording;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.rollout.Rollout;
import cn.wucheng.cq.rollout.RolloutSince;
import cn.wucheng.cq.rollout.UnitRollout;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.shared.ListPage;

/**
 * The compliance gaps of full-process recording — the read API for the compliance page, reminders and
 * later the dashboard. Each kind of gap is one set-based statement ({@link GapKind#sql()}); lists, counts and
 * summaries run those statements together (UNION ALL) with the query's filters and the reader's data scope, so a
 * figure is always the number of rows the list shows. Gaps count only from each unit's rollout start (R-71, the view
 * {@code unit_rollout}).
 */
@Service
public class RecordingCompliance {

	public static final int PAGE_SIZE = 100;

	private final JdbcClient jdbc;

	private final Rollout rollout;

	private final RuleSettings settings;

	RecordingCompliance(JdbcClient jdbc, Rollout rollout, RuleSettings settings) {
		this.jdbc = jdbc;
		this.rollout = rollout;
		this.settings = settings;
	}

	/** whether every concluded case needs its disc archive (default) or only ordinary ones (the setting). */
	public boolean discRequiredOf(CaseCategory category) {
		return category.isOrdinary() || !settings.bool(RuleSetting.DISC_ORDINARY_CASES_ONLY);
	}

	/**
	 * Every unit's gaps of a year by month (for the dashboard), without scope: one row per unit and month that has
	 * any gap, each kind's count (zero included), ordered by unit type, name and month.
	 */
	public List<SquadGaps> gapsBySquadAndMonth(int year) {
		return gapsBySquadAndMonth(year, null);
	}

	/** The same within a user's data scope (a squad's roles their squad; an officer his own cases). */
	public List<SquadGaps> gapsBySquadAndMonth(int year, CurrentUser user) {
		Map<String, Object> params = new HashMap<>();
		String union = union(GapQuery.year(year), user, params);
		Map<Long, UnitRollout> units = units();
		Map<List<Long>, Map<GapKind, Integer>> counts = new LinkedHashMap<>();
		jdbc.sql("select g.unit_id, extract(month from g.gap_on) as gap_month, g.kind, count(*) as n from (" + union
				+ ") g group by g.unit_id, extract(month from g.gap_on), g.kind")
			.params(params)
			.query(rs -> {
				counts.computeIfAbsent(List.of(rs.getLong("unit_id"), (long) rs.getInt("gap_month")), k -> zeros())
					.put(GapKind.valueOf(rs.getString("kind")), rs.getInt("n"));
			});
		List<SquadGaps> rows = new ArrayList<>();
		counts.forEach((key, byKind) -> {
			UnitRollout u = units.get(key.get(0));
			rows.add(new SquadGaps(u.unitId(), u.unitName(), u.unitType(), key.get(1).intValue(), byKind, u.since()));
		});
		rows.sort(java.util.Comparator.comparing((SquadGaps s) -> s.unitType().ordinal())
			.thenComparing(SquadGaps::unitName)
			.thenComparingInt(SquadGaps::month));
		return rows;
	}

	/**
	 * Each unit's gaps matching the query, within the user's scope: every squad the user may see (zeros included)
	 * and any other unit with gaps; squads first (直属, 一类, 二类), then by name.
	 */
	public List<SquadGaps> summary(GapQuery query, CurrentUser user) {
		Map<String, Object> params = new HashMap<>();
		String union = union(query, user, params);
		Map<Long, Map<GapKind, Integer>> counts = new HashMap<>();
		jdbc.sql("select g.unit_id, g.kind, count(*) as n from (" + union + ") g group by g.unit_id, g.kind")
			.params(params)
			.query(rs -> {
				counts.computeIfAbsent(rs.getLong("unit_id"), k -> zeros())
					.put(GapKind.valueOf(rs.getString("kind")), rs.getInt("n"));
			});
		return units().values()
			.stream()
			.filter(u -> counts.containsKey(u.unitId())
					|| (u.unitType().isSquad() && (user == null || user.canSeeUnit(u.unitId()))
							&& (query.unitId() == null || query.unitId() == u.unitId())))
			.map(u -> new SquadGaps(u.unitId(), u.unitName(), u.unitType(), 0,
					counts.getOrDefault(u.unitId(), zeros()), u.since()))
			.toList();
	}

	/** One page of the gaps, newest first, with the case behind each. */
	public ListPage<ComplianceGap> gaps(GapQuery query, CurrentUser user, Integer page) {
		Map<String, Object> params = new HashMap<>();
		String union = union(query, user, params);
		long total = jdbc.sql("select count(*) from (" + union + ") g").params(params).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.min(ListPage.pageNumber(page), pages);
		params.put("limit", PAGE_SIZE);
		params.put("offset", ListPage.offset(p, PAGE_SIZE));
		record Row(GapKind kind, long caseId, String caseNo, CaseCategory category, String source, long unitId,
				String unitName, LocalDate gapOn, Long inquiryId, String leadName, String coName) {
		}
		List<Row> rows = jdbc.sql("""
				select g.kind, g.case_id, g.gap_on, g.inquiry_id, c.case_no, c.category, c.source, u.id as unit_id,
				       u.name as unit_name, l.name as lead_name, o.name as co_name
				from (""" + union + """
				) g
				join case_file c on c.id = g.case_id
				join unit u on u.id = c.unit_id
				join person l on l.id = c.lead_id
				join person o on o.id = c.co_id
				order by g.gap_on desc, c.case_no, g.kind, g.inquiry_id
				limit :limit offset :offset""")
			.params(params)
			.query((rs, n) -> new Row(GapKind.valueOf(rs.getString("kind")), rs.getLong("case_id"),
					rs.getString("case_no"), CaseCategory.valueOf(rs.getString("category")), rs.getString("source"),
					rs.getLong("unit_id"), rs.getString("unit_name"), rs.getObject("gap_on", LocalDate.class),
					rs.getObject("inquiry_id") == null ? null : rs.getLong("inquiry_id"), rs.getString("lead_name"),
					rs.getString("co_name")))
			.list();
		Map<Long, List<String>> auxiliaries = auxiliariesOf(rows.stream()
			.filter(r -> r.kind() == GapKind.R51_AUXILIARY_IN_ROOM)
			.map(Row::inquiryId)
			.toList());
		List<ComplianceGap> gaps = rows.stream()
			.map(r -> new ComplianceGap(r.kind(), r.caseId(), r.caseNo(), r.category(), r.source(), r.unitId(),
					r.unitName(), r.gapOn(), r.inquiryId(), r.leadName(), r.coName(),
					r.kind() == GapKind.R51_AUXILIARY_IN_ROOM ? auxiliaries.getOrDefault(r.inquiryId(), List.of())
							: List.of()))
			.toList();
		return new ListPage<>(gaps, p, PAGE_SIZE, total);
	}

	/** How many gaps match the query within the user's scope. */
	public long count(GapQuery query, CurrentUser user) {
		Map<String, Object> params = new HashMap<>();
		String union = union(query, user, params);
		return jdbc.sql("select count(*) from (" + union + ") g").params(params).query(Long.class).single();
	}

	/** From when each unit is covered, by unit id. */
	public Map<Long, RolloutSince> coveredSince() {
		Map<Long, RolloutSince> since = new HashMap<>();
		units().values().forEach(u -> since.put(u.unitId(), u.since()));
		return since;
	}

	/** The auxiliaries present at these inquiries, "姓名（工号）", in one query. */
	private Map<Long, List<String>> auxiliariesOf(List<Long> inquiryIds) {
		if (inquiryIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<String>> names = new HashMap<>();
		jdbc.sql("""
				select a.inquiry_id, p.name, p.employee_no from case_inquiry_attendee a join person p on p.id = a.person_id
				where a.inquiry_id in (:ids) and p.category = 'AUXILIARY' order by p.employee_no""")
			.param("ids", inquiryIds)
			.query(rs -> {
				names.computeIfAbsent(rs.getLong("inquiry_id"), k -> new ArrayList<>())
					.add(rs.getString("name") + "（" + rs.getString("employee_no") + "）");
			});
		return names;
	}

	/**
	 * The selected kinds' statements with the query's filters and the user's scope (null: no scope), as one UNION
	 * ALL with the columns {@code kind, case_id, unit_id, gap_on, inquiry_id}.
	 */
	private String union(GapQuery q, CurrentUser user, Map<String, Object> params) {
		params.put("discAllCases", !settings.bool(RuleSetting.DISC_ORDINARY_CASES_ONLY));
		params.put("from", q.from());
		params.put("to", q.to());
		params.put("unit", q.unitId() == null ? 0L : q.unitId());
		params.put("case", q.caseId() == null ? 0L : q.caseId());
		String scope = scope(user, params);
		List<GapKind> kinds = q.kind() == null ? Arrays.asList(GapKind.values()) : List.of(q.kind());
		return kinds.stream()
			.map(k -> "select '" + k.name() + "' as kind, x.case_id, x.unit_id, x.gap_on, x.inquiry_id from ("
					+ k.sql() + "\n and " + k.dateColumn() + " between :from and :to"
					+ " and (:unit = 0 or c.unit_id = :unit) and (:case = 0 or c.id = :case)" + scope + ") x")
			.collect(Collectors.joining("\nunion all\n"));
	}

	private static String scope(CurrentUser user, Map<String, Object> params) {
		if (user == null || user.readsAll()) {
			return "";
		}
		if (user.unitFilter().isPresent()) {
			params.put("scopeUnit", user.unitFilter().get());
			return " and c.unit_id = :scopeUnit";
		}
		if (user.personFilter().isPresent()) {
			params.put("scopePerson", user.personFilter().get());
			return " and (c.lead_id = :scopePerson or c.co_id = :scopePerson)";
		}
		return " and 1 = 0";
	}

	private Map<Long, UnitRollout> units() {
		Map<Long, UnitRollout> byId = new LinkedHashMap<>();
		rollout.units().forEach(u -> byId.put(u.unitId(), u));
		return byId;
	}

	private static Map<GapKind, Integer> zeros() {
		Map<GapKind, Integer> m = new EnumMap<>(GapKind.class);
		for (GapKind k : GapKind.values()) {
			m.put(k, 0);
		}
		return m;
	}

}
