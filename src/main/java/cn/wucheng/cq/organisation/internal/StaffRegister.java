package cn.wucheng.cq.organisation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.organisation.Person;
import cn.wucheng.cq.organisation.PersonRepository;
import cn.wucheng.cq.organisation.Post;
import cn.wucheng.cq.organisation.Sex;
import cn.wucheng.cq.organisation.StaffCategory;
import cn.wucheng.cq.organisation.UnitAssignment;
import cn.wucheng.cq.organisation.UnitRepository;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.PersonalData;
import cn.wucheng.cq.shared.ListPage;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * The staff register: the paged, scoped list of people, one person with his unit history, and audited
 * changes by 法制科. The birth date never leaves this class for a list: lists show the age (personal data).
 */
@Service
class StaffRegister {

	static final int PAGE_SIZE = 50;

	/** A person as lists show him: age instead of birth date, phone masked. */
	record PersonRow(long id, String employeeNo, String name, Sex sex, int age, StaffCategory category, long unitId,
			String unitName, Post post, String maskedPhone, String certificateNo) {
	}

	/** One assignment of the unit history, newest first; {@code initial} when its real start is unknown. */
	record HistoryRow(LocalDate validFrom, boolean initial, long unitId, String unitName) {
	}

	/** The person page: the row, the unguarded fields for 法制科, his history and how many cases he handled. */
	record PersonDetails(PersonRow row, Person person, List<HistoryRow> history, long leadCases, long coCases) {
	}

	private final JdbcClient jdbc;

	private final PersonRepository people;

	private final UnitRepository units;

	private final AuditLog audit;

	private final Refusals refusals;

	StaffRegister(JdbcClient jdbc, PersonRepository people, UnitRepository units, AuditLog audit, Refusals refusals) {
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.people = people;
		this.units = units;
		this.audit = audit;
	}

	/**
	 * One page of people matching the filters within the user's scope (a squad's roles their unit, an officer
	 * himself): a count and a LIMIT/OFFSET query with the same conditions.
	 */
	ListPage<PersonRow> page(CurrentUser user, PeopleFilter filter, LocalDate today) {
		return page(user, filter, today, PAGE_SIZE);
	}

	/** One page of {@code size} rows (the size the user chose, shared.PageSize). */
	ListPage<PersonRow> page(CurrentUser user, PeopleFilter filter, LocalDate today, int size) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		user.unitFilter().ifPresent(u -> {
			where.append(" and p.unit_id = :scopeUnit");
			params.put("scopeUnit", u);
		});
		user.personFilter().ifPresent(p -> {
			where.append(" and p.id = :scopePerson");
			params.put("scopePerson", p);
		});
		if (filter.search() != null) {
			// 工号, 姓名 or 执法证号 (issue 14: the platform names handlers by it, so users look people up by it too)
			where.append(" and (upper(p.employee_no) = upper(:q) or p.name like :qLike or upper(p.employee_no) like upper(:qLike)"
					+ " or upper(p.certificate_no) like upper(:qLike))");
			params.put("q", filter.search());
			params.put("qLike", "%" + escapeLike(filter.search()) + "%");
		}
		if (filter.getUnit() != null) {
			where.append(" and p.unit_id = :unit");
			params.put("unit", filter.getUnit());
		}
		if (filter.getCategory() != null) {
			where.append(" and p.category = :category");
			params.put("category", filter.getCategory().name());
		}
		if (filter.getPost() != null) {
			where.append(" and p.post = :post");
			params.put("post", filter.getPost().name());
		}
		long total = jdbc.sql("select count(*) from person p" + where).params(params).query(Long.class).single();
		int page = Math.min(ListPage.pageNumber(filter.getPage()), (int) Math.max(1, (total + size - 1) / size));
		params.put("limit", size);
		params.put("offset", ListPage.offset(page, size));
		List<PersonRow> rows = jdbc.sql(SELECT_ROW + where + " order by p.employee_no limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> row(rs, today))
			.list();
		return new ListPage<>(rows, page, size, total);
	}

	/** The current members of a unit, for the unit page. */
	List<PersonRow> members(long unitId, LocalDate today) {
		return jdbc.sql(SELECT_ROW + " where p.unit_id = :unit order by p.employee_no")
			.param("unit", unitId)
			.query((rs, n) -> row(rs, today))
			.list();
	}

	/** The person page, or empty when he does not exist or lies outside the user's scope (both answer 404). */
	Optional<PersonDetails> details(long id, CurrentUser user, LocalDate today) {
		Optional<PersonRow> row = jdbc.sql(SELECT_ROW + " where p.id = :id")
			.param("id", id)
			.query((rs, n) -> row(rs, today))
			.optional()
			.filter(r -> user.canSeePerson(r.id(), r.unitId()));
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Person person = people.findById(id).orElseThrow(NotFound::new);
		List<HistoryRow> history = jdbc.sql("""
				select h.valid_from, h.unit_id, u.name
				from person_unit_history h join unit u on u.id = h.unit_id
				where h.person_id = :id order by h.valid_from desc""")
			.param("id", id)
			.query((rs, n) -> {
				LocalDate from = rs.getObject("valid_from", LocalDate.class);
				return new HistoryRow(from, UnitAssignment.SINCE_ALWAYS.equals(from), rs.getLong("unit_id"),
						rs.getString("name"));
			})
			.list();
		long lead = jdbc.sql("select count(*) from case_file where lead_id = :id").param("id", id).query(Long.class).single();
		long co = jdbc.sql("select count(*) from case_file where co_id = :id").param("id", id).query(Long.class).single();
		return Optional.of(new PersonDetails(row.get(), person, history, lead, co));
	}

	Optional<Person> find(long id) {
		return people.findById(id);
	}

	@Transactional
	Person add(PersonForm form) {
		people.findByEmployeeNo(form.trimmedEmployeeNo()).ifPresent(p -> {
			throw Refusal.onField("employeeNo", "person.employeeNo.taken", form.trimmedEmployeeNo(), p.getName());
		});
		requireUnit(form.getUnitId());
		requireCertificateFree(form.trimmedCertificateNo(), null);
		Person person = new Person(form.trimmedEmployeeNo(), form.getName(), form.getSex(), form.getBirthDate(),
				form.getCategory(), form.getUnitId(), form.getPost(), form.getPhone());
		person.holdCertificate(form.trimmedCertificateNo());
		person = people.save(person);
		audit.record("PERSON_CREATED", "person", person.getEmployeeNo(), refusals.message("organisation.audit.personCreated"), null, describe(person));
		return person;
	}

	/**
	 * Saves the form over the person if nobody saved him since the form was read (else {@link Refusal#stale()});
	 * a new unit applies from {@code transferFrom} on and is written to the unit history.
	 */
	@Transactional
	Person edit(long id, PersonForm form) {
		Person person = people.findById(id).orElseThrow(NotFound::new);
		if (!Objects.equals(person.getVersion(), form.getVersion())) {
			throw Refusal.stale();
		}
		String before = describe(person);
		Long oldUnit = person.getUnitId();
		person.change(form.getName(), form.getSex(), form.getBirthDate(), form.getCategory(), form.getPost(),
				form.getPhone());
		requireCertificateFree(form.trimmedCertificateNo(), id);
		person.holdCertificate(form.trimmedCertificateNo());
		boolean moved = !oldUnit.equals(form.getUnitId());
		if (moved) {
			requireUnit(form.getUnitId());
			if (form.getTransferFrom() == null) {
				throw Refusal.onField("transferFrom", "person.transferFrom.required");
			}
			LocalDate since = person.currentAssignment().validFrom();
			if (form.getTransferFrom().isBefore(since)) {
				throw Refusal.onField("transferFrom", "person.transferFrom.beforeCurrent", since);
			}
			person.transfer(form.getUnitId(), form.getTransferFrom());
		}
		try {
			person = people.save(person);
		}
		catch (OptimisticLockingFailureException e) {
			throw Refusal.stale();
		}
		List<AuditLog.Entry> entries = new ArrayList<>();
		entries.add(new AuditLog.Entry("PERSON_CHANGED", "person", person.getEmployeeNo(), refusals.message("organisation.audit.personChanged"), before,
				describe(person)));
		if (moved) {
			entries.add(new AuditLog.Entry("PERSON_TRANSFERRED", "person", person.getEmployeeNo(),
					refusals.message("organisation.audit.transfer", form.getTransferFrom()),
					refusals.message("organisation.audit.transfer.before", unitName(oldUnit)),
					refusals.message("organisation.audit.transfer.after", unitName(person.getUnitId()),
							form.getTransferFrom())));
		}
		audit.recordAll(entries);
		return person;
	}

	/**
	 * A 执法证号 belongs to one person only (issue 14): refused with the holder's 工号 and name, as the people import
	 * refuses it (the unique index person_certificate_no_uq stays the last word).
	 */
	private void requireCertificateFree(String certificateNo, Long personId) {
		if (certificateNo == null) {
			return;
		}
		jdbc.sql("select employee_no, name from person where certificate_no = :no and id <> :id")
			.param("no", certificateNo)
			.param("id", personId == null ? -1L : personId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional()
			.ifPresent(holder -> {
				throw Refusal.onField("certificateNo", "person.certificateNo.taken", certificateNo, holder[0], holder[1]);
			});
	}

	private void requireUnit(Long unitId) {
		if (unitId == null || !units.existsById(unitId)) {
			throw Refusal.onField("unitId", "person.unit.unknown");
		}
	}

	private String unitName(Long unitId) {
		return units.findById(unitId).map(u -> u.getName()).orElse(String.valueOf(unitId));
	}

	private String describe(Person p) {
		String history = p.getUnitHistory()
			.stream()
			.sorted(Comparator.comparing(UnitAssignment::validFrom))
			.map(a -> a.validFrom() + ":" + unitName(a.unitId()))
			.reduce((a, b) -> a + ", " + b)
			.orElse("");
		// The audit log's readers (the audit administrator) need no personal data: birth date and phone masked.
		return refusals.message("organisation.audit.person", p.getEmployeeNo(), p.getName(), p.getSex().label(),
				PersonalData.birthDateInList(p.getBirthDate()), p.getCategory().label(), unitName(p.getUnitId()),
				p.getPost().label(), p.getPhone() == null ? "" : PersonalData.phoneInList(p.getPhone()),
				p.getCertificateNo(), history);
	}

	/** Escapes LIKE wildcards typed by the user, so "%" searches for a percent sign (default escape is '\'). */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static final String SELECT_ROW = """
			select p.id, p.employee_no, p.name, p.sex, p.birth_date, p.category, p.unit_id, u.name as unit_name,
			       p.post, p.phone, p.certificate_no
			from person p join unit u on u.id = p.unit_id""";

	private static PersonRow row(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate birth = rs.getObject("birth_date", LocalDate.class);
		return new PersonRow(rs.getLong("id"), rs.getString("employee_no"), rs.getString("name"),
				Sex.valueOf(rs.getString("sex")), java.time.Period.between(birth, today).getYears(),
				StaffCategory.valueOf(rs.getString("category")), rs.getLong("unit_id"), rs.getString("unit_name"),
				Post.valueOf(rs.getString("post")), PersonalData.phoneInList(rs.getString("phone")),
				rs.getString("certificate_no"));
	}

}
