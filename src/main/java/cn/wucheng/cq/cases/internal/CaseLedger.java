package cn.wucheng.cq.cases.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.cases.CaseFlag;
import cn.wucheng.cq.cases.QualityPoints;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.ListPage;
import cn.wucheng.cq.shared.Points;

/**
 * Reads cases for the list and the case page with plain SQL built for a million cases: one count and one
 * LIMIT/OFFSET query with the same conditions on indexed columns, names joined in (no query per row), flags computed
 * in the same statement ({@link CaseFlag}). Every query carries the user's data scope: a squad's roles the cases of
 * their unit ({@code case_file.unit_id}), an officer the cases he leads or co-handles.
 */
@Service
// SUPPORTS: a call's statements (handler search, count, page) share one pooled connection, taken once: under load
// each borrowing is another wait in the pool's queue (issue 11); no BEGIN/COMMIT of a transaction of its own.
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
class CaseLedger {

	static final int PAGE_SIZE = 50;

	/** At most this many people match a handler search by name; more means the search is too vague to be useful. */
	static final int MAX_HANDLER_MATCHES = 500;

	/** A handler as lists and the case page show him. */
	record Handler(long id, String employeeNo, String name, boolean auxiliary, long unitId, String unitName) {
	}

	/** A row of the case list. */
	record CaseRow(long id, String caseNo, String decisionNo, CaseCategory category, String domainName,
			long unitId, String unitName, LocalDate filedOn, LocalDate concludedOn, Handler lead, Handler co,
			List<CaseFlag> flags) {
	}

	/** One deducted item of a return (退卷), with the points in force when it was recorded. */
	record ReturnItem(String code, String text, BigDecimal points, String reason) {
	}

	/** A return on one day with its deductions. */
	record CaseReturn(LocalDate returnedOn, List<ReturnItem> items, BigDecimal deducted) {
	}

	/** An excellent-file award (优秀案卷, R-22); {@code level} is the stored level name. */
	record Award(String level, LocalDate ratedOn, String title) {
	}

	/** The case page. */
	record CaseDetails(CaseRow row, String title, String source, String videoNo, List<CaseReturn> returns,
			BigDecimal deducted, Points quality, List<Award> awards) {
	}

	private final JdbcClient jdbc;

	CaseLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ListPage<CaseRow> page(CurrentUser user, CaseFilter filter) {
		return page(user, filter, PAGE_SIZE);
	}

	/** One page of {@code size} rows (the size the user chose, shared.PageSize). */
	ListPage<CaseRow> page(CurrentUser user, CaseFilter filter, int size) {
		Map<String, Object> params = new HashMap<>();
		String where = where(user, filter, params);
		String handlersJoin = filter.isFlagged() ? HANDLER_JOINS : "";
		long total = jdbc.sql("select count(*) from case_file c" + handlersJoin + where)
			.params(params)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int page = Math.min(ListPage.pageNumber(filter.getPage()), pages);
		params.put("limit", size);
		params.put("offset", ListPage.offset(page, size));
		List<CaseRow> rows = jdbc.sql(SELECT_ROW + where + " order by " + filter.sortOrDefault().orderBy()
				+ " limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
		return new ListPage<>(rows, page, size, total);
	}

	/** The case page, or empty when the case does not exist or lies outside the user's scope (both answer 404). */
	Optional<CaseDetails> details(long id, CurrentUser user) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		String scope = scope(user, params);
		Optional<CaseDetails> found = jdbc.sql(SELECT_ROW + " where c.id = :id" + scope)
			.params(params)
			.query((rs, n) -> new CaseDetails(row(rs), rs.getString("title"), rs.getString("source"),
					rs.getString("video_no"), List.of(), BigDecimal.ZERO, QualityPoints.BASE, List.of()))
			.optional();
		return found.map(d -> withReviews(id, d));
	}

	/**
	 * The chosen cases the user may see, in case-number order (issue 13 item 7: "导出所选"); ids outside his scope
	 * or unknown are left out, as the list never showed them.
	 */
	List<CaseRow> chosen(List<Long> ids, CurrentUser user) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", ids);
		return jdbc.sql(SELECT_ROW + " where c.id in (:ids)" + scope(user, params) + " order by c.case_no")
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The id of a case by its number, if the user may see it. */
	Optional<Long> idOf(String caseNo, CurrentUser user) {
		Map<String, Object> params = new HashMap<>();
		params.put("no", caseNo);
		return jdbc.sql("select c.id from case_file c where c.bureau_id = cq_bureau() and c.case_no = :no"
				+ scope(user, params))
			.params(params)
			.query(Long.class)
			.optional();
	}

	private CaseDetails withReviews(long id, CaseDetails d) {
		Map<LocalDate, List<ReturnItem>> byDay = new LinkedHashMap<>();
		jdbc.sql("""
				select r.returned_on, i.code, i.item_text, r.points, r.reason
				from case_return r join deduction_item i on i.id = r.item_id
				where r.case_id = :id order by r.returned_on, i.code""")
			.param("id", id)
			.query(rs -> {
				byDay.computeIfAbsent(rs.getObject("returned_on", LocalDate.class), k -> new ArrayList<>())
					.add(new ReturnItem(rs.getString("code"), rs.getString("item_text"), rs.getBigDecimal("points"),
							rs.getString("reason")));
			});
		List<CaseReturn> returns = new ArrayList<>();
		BigDecimal deducted = BigDecimal.ZERO;
		for (var e : byDay.entrySet()) {
			BigDecimal sum = e.getValue().stream().map(ReturnItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
			returns.add(new CaseReturn(e.getKey(), e.getValue(), sum));
			deducted = deducted.add(sum);
		}
		List<Award> awards = jdbc.sql("""
				select award_level, rated_on, title from excellent_award where case_id = :id
				order by rated_on, award_level""")
			.param("id", id)
			.query((rs, n) -> new Award(rs.getString("award_level"), rs.getObject("rated_on", LocalDate.class),
					rs.getString("title")))
			.list();
		return new CaseDetails(d.row(), d.title(), d.source(), d.videoNo(), returns, deducted,
				QualityPoints.of(deducted), awards);
	}

	private String where(CurrentUser user, CaseFilter f, Map<String, Object> params) {
		StringBuilder w = new StringBuilder(" where 1 = 1").append(scope(user, params));
		if (f.getUnit() != null) {
			w.append(" and c.unit_id = :unit");
			params.put("unit", f.getUnit());
		}
		if (f.getCategory() != null) {
			w.append(" and c.category = :category");
			params.put("category", f.getCategory().name());
		}
		if (f.getDomain() != null) {
			w.append(" and c.domain_id = :domain");
			params.put("domain", f.getDomain());
		}
		if (f.getFrom() != null) {
			w.append(" and c.concluded_on_effective >= :from");
			params.put("from", f.getFrom());
		}
		if (f.getTo() != null) {
			w.append(" and c.concluded_on_effective <= :to");
			params.put("to", f.getTo());
		}
		if (f.getFiledFrom() != null) {
			w.append(" and c.filed_on >= :filedFrom");
			params.put("filedFrom", f.getFiledFrom());
		}
		if (f.getFiledTo() != null) {
			w.append(" and c.filed_on <= :filedTo");
			params.put("filedTo", f.getFiledTo());
		}
		if (f.handlerText() != null) {
			List<Long> ids = handlerIds(f.handlerText());
			if (ids.isEmpty()) {
				w.append(" and 1 = 0");
			}
			else {
				w.append(" and (c.lead_id in (:handlers) or c.co_id in (:handlers))");
				params.put("handlers", ids);
			}
		}
		if (f.numberText() != null) {
			w.append(" and (c.case_no like :number or c.decision_no like :number)");
			params.put("number", "%" + escapeLike(f.numberText()) + "%");
		}
		if (f.isFlagged()) {
			w.append(" and ").append(CaseFlag.anyCondition());
		}
		return w.toString();
	}

	/** The data scope as an SQL condition on {@code c}. */
	private static String scope(CurrentUser user, Map<String, Object> params) {
		if (user.readsAll()) {
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

	/** People whose 工号 is the text (any case) or whose name contains it; the person table is small. */
	private List<Long> handlerIds(String text) {
		return jdbc.sql("""
				select id from person where upper(employee_no) = upper(:no) or name like :name
				order by id limit :max""")
			.param("no", text)
			.param("name", "%" + escapeLike(text) + "%")
			.param("max", MAX_HANDLER_MATCHES)
			.query(Long.class)
			.list();
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static final String HANDLER_JOINS = " join person l on l.id = c.lead_id join person o on o.id = c.co_id";

	private static final String SELECT_ROW;

	static {
		StringBuilder flags = new StringBuilder();
		for (CaseFlag flag : CaseFlag.values()) {
			flags.append(",\n case when ").append(flag.condition()).append(" then 1 else 0 end as flag_")
				.append(flag.name().toLowerCase());
		}
		SELECT_ROW = """
				select c.id, c.case_no, c.decision_no, c.title, c.category, c.source, c.video_no, c.filed_on,
				       c.concluded_on_effective as concluded_on, c.unit_id, u.name as unit_name, d.name as domain_name,
				       l.id as lead_id, l.employee_no as lead_no, l.name as lead_name, l.category as lead_category,
				       l.unit_id as lead_unit, lu.name as lead_unit_name,
				       o.id as co_id, o.employee_no as co_no, o.name as co_name, o.category as co_category,
				       o.unit_id as co_unit, ou.name as co_unit_name""" + flags + """

				from case_file c
				join domain d on d.id = c.domain_id
				join unit u on u.id = c.unit_id""" + HANDLER_JOINS
				+ " join unit lu on lu.id = l.unit_id join unit ou on ou.id = o.unit_id";
	}

	private static CaseRow row(ResultSet rs) throws SQLException {
		List<CaseFlag> flags = new ArrayList<>();
		for (CaseFlag flag : CaseFlag.values()) {
			if (rs.getInt("flag_" + flag.name().toLowerCase()) == 1) {
				flags.add(flag);
			}
		}
		return new CaseRow(rs.getLong("id"), rs.getString("case_no"), rs.getString("decision_no"),
				CaseCategory.valueOf(rs.getString("category")), rs.getString("domain_name"), rs.getLong("unit_id"),
				rs.getString("unit_name"), rs.getObject("filed_on", LocalDate.class),
				rs.getObject("concluded_on", LocalDate.class), handler(rs, "lead"), handler(rs, "co"), flags);
	}

	private static Handler handler(ResultSet rs, String role) throws SQLException {
		return new Handler(rs.getLong(role + "_id"), rs.getString(role + "_no"), rs.getString(role + "_name"),
				"AUXILIARY".equals(rs.getString(role + "_category")), rs.getLong(role + "_unit"),
				rs.getString(role + "_unit_name"));
	}

}
