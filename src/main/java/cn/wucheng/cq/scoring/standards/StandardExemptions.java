package cn.wucheng.cq.scoring.standards;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Refusal;

/**
 * R-32 "原则上": the legal section exempts one formal officer from the case-handling standard for one quarter with a
 * recorded reason (long sick leave, maternity leave, secondment, 挂职). His status that quarter is 免考核 with the
 * reason wherever the status is shown (page, API, export); every grant and withdrawal is audited. Only the 全员办案 rule
 * of squads is exempted; 未纳入 (R-71) still comes first.
 */
@Service
public class StandardExemptions {

	static final String ENTITY = "standard_exemption";

	/** The longest reason kept. */
	static final int MAX_REASON = 300;

	/** One exemption as listed on the standards page. */
	public record Exemption(long id, String employeeNo, String name, Period quarter, ExemptionReason kind, String reason,
			String createdBy) {
	}


	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	StandardExemptions(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Exempts the person with this 工号 for the quarter; refuses an unknown or non-formal person, or a second one. */
	@Transactional
	public long grant(String employeeNo, Period quarter, ExemptionReason kind, String reason, String username) {
		if (quarter == null || !quarter.isQuarter()) {
			throw Refusal.of("standards.exemption.refused.quarter");
		}
		if (kind == null) {
			throw Refusal.of("standards.exemption.refused.kind");
		}
		String text = reason == null ? "" : reason.strip();
		if (text.isEmpty() || text.length() > MAX_REASON) {
			throw Refusal.of("standards.exemption.refused.reason", MAX_REASON);
		}
		String no = employeeNo == null ? "" : employeeNo.strip();
		Optional<PersonRow> person = jdbc
			.sql("select id, category from person where bureau_id = cq_bureau() and employee_no = ?")
			.param(no)
			.query((rs, n) -> new PersonRow(rs.getLong("id"), rs.getString("category")))
			.optional();
		if (person.isEmpty()) {
			throw Refusal.of("standards.exemption.refused.unknown", no);
		}
		if (!"FORMAL".equals(person.get().category())) {
			throw Refusal.of("standards.exemption.refused.notFormal", no);
		}
		boolean exists = jdbc.sql("""
				select exists (select 1 from standard_exemption
				               where person_id = ? and quarter_year = ? and quarter_no = ?)""")
			.params(person.get().id(), quarter.year(), quarter.number())
			.query(Boolean.class)
			.single();
		if (exists) {
			throw Refusal.of("standards.exemption.refused.twice", no, quarter.label());
		}
		jdbc.sql("""
				insert into standard_exemption (person_id, quarter_year, quarter_no, reason_kind, reason, created_by,
				  created_at) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(person.get().id(), quarter.year(), quarter.number(), kind.name(), text, username,
					LocalDateTime.now(clock))
			.update();
		long id = jdbc.sql("select id from standard_exemption where person_id = ? and quarter_year = ? and quarter_no = ?")
			.params(person.get().id(), quarter.year(), quarter.number())
			.query(Long.class)
			.single();
		audit.record("STANDARD_EXEMPTION_GRANTED", ENTITY, no + "@" + quarter, "R-32", null,
				kind.name() + ": " + text);
		return id;
	}

	/** Withdraws an exemption (the person is assessed again that quarter); audited. */
	@Transactional
	public void withdraw(long id) {
		Exemption e = all().stream()
			.filter(x -> x.id() == id)
			.findFirst()
			.orElseThrow(() -> Refusal.of("standards.exemption.refused.missing"));
		jdbc.sql("delete from standard_exemption where id = ?").param(id).update();
		audit.record("STANDARD_EXEMPTION_WITHDRAWN", ENTITY, e.employeeNo() + "@" + e.quarter(), "R-32",
				e.kind().name() + ": " + e.reason(), null);
	}

	/** The exemptions of a quarter, by 工号. */
	@Transactional(readOnly = true)
	public List<Exemption> of(Period quarter) {
		return all().stream()
			.filter(e -> e.quarter().equals(quarter))
			.toList();
	}

	private List<Exemption> all() {
		return jdbc.sql("""
				select e.id, p.employee_no, p.name, e.quarter_year, e.quarter_no, e.reason_kind, e.reason, e.created_by
				from standard_exemption e join person p on p.id = e.person_id
				order by p.employee_no, e.quarter_year, e.quarter_no""")
			.query((rs, n) -> new Exemption(rs.getLong("id"), rs.getString("employee_no"), rs.getString("name"),
					Period.quarter(rs.getInt("quarter_year"), rs.getInt("quarter_no")),
					ExemptionReason.valueOf(rs.getString("reason_kind")), rs.getString("reason"),
					rs.getString("created_by")))
			.list();
	}

	private record PersonRow(long id, String category) {
	}

}
