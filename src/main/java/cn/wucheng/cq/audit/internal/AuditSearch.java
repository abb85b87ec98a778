package cn.wucheng.cq.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit log: search with paging for the page, a stream of every match for the export. Never writes. */
@Service
class AuditSearch {

	static final int PAGE_SIZE = 50;

	/** What the user searches by; every part optional. {@code to} includes the whole day. */
	public record Criteria(String username, String action, String entity, LocalDate from, LocalDate to) {

		boolean rangeInverted() {
			return from != null && to != null && from.isAfter(to);
		}

	}

	public record Row(long id, LocalDateTime occurredAt, String username, String action, String entity, String entityKey,
			String detail, String before, String after) {
	}

	private final JdbcClient jdbc;

	AuditSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page<Row> search(Criteria criteria, int page) {
		return search(criteria, page, PAGE_SIZE);
	}

	/** One page of {@code size} entries (the size the user chose, shared.PageSize), newest first. */
	Page<Row> search(Criteria criteria, int page, int size) {
		Map<String, Object> params = new HashMap<>();
		String where = where(criteria, params);
		long total = jdbc.sql("select count(*) from audit_log" + where).params(params).query(Long.class).single();
		int p = Math.max(0, page);
		params.put("size", size);
		params.put("offset", (long) p * size);
		List<Row> rows = jdbc.sql("select * from audit_log" + where + " order by id desc limit :size offset :offset")
			.params(params)
			.query(AuditSearch::row)
			.list();
		return new PageImpl<>(rows, PageRequest.of(p, size), total);
	}

	/** Every matching entry, newest first, one at a time (the export may be large). */
	void forEach(Criteria criteria, Consumer<Row> consumer) {
		Map<String, Object> params = new HashMap<>();
		jdbc.sql("select * from audit_log" + where(criteria, params) + " order by id desc")
			.params(params)
			.query(rs -> {
				consumer.accept(row(rs, 0));
			});
	}

	List<String> actions() {
		return jdbc.sql("select distinct action from audit_log order by action").query(String.class).list();
	}

	List<String> entities() {
		return jdbc.sql("select distinct entity from audit_log order by entity").query(String.class).list();
	}

	private static String where(Criteria c, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (c.username() != null && !c.username().isBlank()) {
			where.append(" and lower(username) like :username escape '\\'");
			params.put("username", "%" + escapeLike(c.username().trim().toLowerCase(Locale.ROOT)) + "%");
		}
		if (c.action() != null && !c.action().isBlank()) {
			where.append(" and action = :action");
			params.put("action", c.action().trim());
		}
		if (c.entity() != null && !c.entity().isBlank()) {
			where.append(" and entity = :entity");
			params.put("entity", c.entity().trim());
		}
		if (c.from() != null) {
			where.append(" and occurred_at >= :from");
			params.put("from", c.from().atStartOfDay());
		}
		if (c.to() != null) {
			where.append(" and occurred_at < :to");
			params.put("to", c.to().plusDays(1).atStartOfDay());
		}
		return where.toString();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getTimestamp("occurred_at").toLocalDateTime(), rs.getString("username"),
				rs.getString("action"), rs.getString("entity"), rs.getString("entity_key"), rs.getString("detail"),
				rs.getString("before_data"), rs.getString("after_data"));
	}

	private static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
