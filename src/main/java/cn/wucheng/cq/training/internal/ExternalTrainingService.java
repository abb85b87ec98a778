package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.shared.NotFoundException;
import cn.wucheng.cq.shared.Refusal;

/**
 * External training (外部培训, R-62): 上级培训, 网络学院, certificates — entered one by one by the legal section here, or
 * imported as the 培训学时 list (imports module, same table and key 工号 + 培训日期 + 培训名称). Every entry and removal
 * is audited.
 */
@Service
class ExternalTrainingService {

	static final String ENTITY = "external_training";

	/** What the legal section entered. */
	record Entry(String employeeNo, LocalDate trainedOn, String title, BigDecimal hours, String organiser,
			String certificateNo) {

		String describe() {
			return employeeNo + "；" + trainedOn + "；" + title + "；" + hours.stripTrailingZeros().toPlainString()
					+ (organiser == null ? "" : "；" + organiser) + (certificateNo == null ? "" : "；" + certificateNo);
		}

	}

	/** A record in the list. */
	record Row(long id, String employeeNo, String name, String unitName, LocalDate trainedOn, String title,
			BigDecimal hours, String organiser, String certificateNo) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ExternalTrainingService(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The external training of a year, newest first, in one query. */
	List<Row> list(int year) {
		return jdbc.sql("""
				select e.id, p.employee_no, p.name, u.name as unit_name, e.trained_on, e.title, e.hours, e.organiser,
				       e.certificate_no
				from external_training e
				join person p on p.id = e.person_id
				join unit u on u.id = p.unit_id
				where e.trained_on between ? and ?
				order by e.trained_on desc, p.employee_no, e.id desc""")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("employee_no"), rs.getString("name"),
					rs.getString("unit_name"), rs.getDate("trained_on").toLocalDate(), rs.getString("title"),
					rs.getBigDecimal("hours"), rs.getString("organiser"), rs.getString("certificate_no")))
			.list();
	}

	/**
	 * Records one external training. The legal section only.
	 * @throws Refusal on the field, for an unknown 工号 or a record with the same 工号, date and name
	 */
	@Transactional
	long create(Entry e) {
		TrainingScope.requireLegalSection();
		Optional<Long> person = jdbc.sql("select id from person where bureau_id = cq_bureau() and employee_no = ?")
			.param(e.employeeNo())
			.query(Long.class)
			.optional();
		if (person.isEmpty()) {
			throw Refusal.onField("employeeNo", "training.external.unknownPerson");
		}
		boolean exists = jdbc.sql("""
				select count(*) from external_training where person_id = ? and trained_on = ? and title = ?""")
			.params(person.get(), e.trainedOn(), e.title())
			.query(Integer.class)
			.single() > 0;
		if (exists) {
			throw Refusal.onField("title", "training.external.duplicate");
		}
		long id = jdbc.sql("""
				insert into external_training (person_id, trained_on, title, hours, organiser, certificate_no)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(person.get(), e.trainedOn(), e.title(), e.hours().stripTrailingZeros(), e.organiser(),
					e.certificateNo())
			.query(Long.class)
			.single();
		audit.record("EXTERNAL_TRAINING_CREATED", ENTITY, e.employeeNo() + " / " + e.trainedOn() + " / " + e.title(),
				"R-62", null, e.describe());
		return id;
	}

	/** Removes a record entered by mistake. The legal section only. */
	@Transactional
	void delete(long id) {
		TrainingScope.requireLegalSection();
		Row row = jdbc.sql("""
				select e.id, p.employee_no, p.name, u.name as unit_name, e.trained_on, e.title, e.hours, e.organiser,
				       e.certificate_no
				from external_training e join person p on p.id = e.person_id join unit u on u.id = p.unit_id
				where e.id = ?""")
			.param(id)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("employee_no"), rs.getString("name"),
					rs.getString("unit_name"), rs.getDate("trained_on").toLocalDate(), rs.getString("title"),
					rs.getBigDecimal("hours"), rs.getString("organiser"), rs.getString("certificate_no")))
			.optional()
			.orElseThrow(() -> new NotFoundException("external training " + id));
		jdbc.sql("delete from external_training where id = ?").param(id).update();
		Entry before = new Entry(row.employeeNo(), row.trainedOn(), row.title(), row.hours(), row.organiser(),
				row.certificateNo());
		audit.record("EXTERNAL_TRAINING_DELETED", ENTITY, row.employeeNo() + " / " + row.trainedOn() + " / "
				+ row.title(), "R-62", before.describe(), null);
	}

}
