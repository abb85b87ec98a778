package cn.wucheng.cq.imports.internal;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.organisation.CertificateNo;
import cn.wucheng.cq.organisation.Post;
import cn.wucheng.cq.organisation.Sex;
import cn.wucheng.cq.organisation.StaffCategory;
import cn.wucheng.cq.organisation.UnitAssignment;

/**
 * 人员, keyed by 工号. A new person's unit holds since always ({@link UnitAssignment#SINCE_ALWAYS}); a changed
 * 所属单位 transfers the person from today on, so earlier periods keep the earlier unit (as Person.transfer does).
 */
final class PersonImporter extends ListImporter<PersonImporter.Row> {

	static final Column EMPLOYEE_NO = Column.required(ImportVocabulary.EMPLOYEE_NO, 30);

	static final Column NAME = Column.required(ImportVocabulary.PERSON_NAME, 50);

	static final Column SEX = Column.choice(ImportVocabulary.SEX,
			Arrays.stream(Sex.values()).map(Sex::label).toList());

	static final Column BIRTH_DATE = Column.requiredDate(ImportVocabulary.BIRTH_DATE);

	static final Column CATEGORY = Column.choice(ImportVocabulary.STAFF_CATEGORY,
			Arrays.stream(StaffCategory.values()).map(StaffCategory::label).toList());

	static final Column UNIT = Column.required(ImportVocabulary.PERSON_UNIT, 100)
		.alias(ImportVocabulary.PERSON_UNIT_ALIASES)
		.hint("imports.hint.unit");

	static final Column POST = Column.choice(ImportVocabulary.POST,
			Arrays.stream(Post.values()).map(Post::label).toList());

	/** Issue 14: the platform may name a handler by it; optional, one person's only (as the person form: CertificateNo). */
	static final Column CERTIFICATE_NO = Column
		.optional(ImportVocabulary.CERTIFICATE_NO, CertificateNo.MAX_LENGTH)
		.alias(ImportVocabulary.CERTIFICATE_NO_ALIASES);

	static final Column PHONE = Column.optional(ImportVocabulary.PHONE, 30).alias(ImportVocabulary.PHONE_ALIASES);

	record Row(int row, String employeeNo, String name, Sex sex, LocalDate birthDate, StaffCategory category,
			long unitId, Post post, String phone, String certificateNo) implements Parsed {
	}

	private record Stored(long id, String name, Sex sex, LocalDate birthDate, StaffCategory category, long unitId,
			Post post, String phone, String certificateNo) {
	}

	private Map<String, Long> unitIds;

	private Map<Long, String> unitNames;

	/** 执法证号 → 工号 as stored, and as given by the rows of this file so far. */
	private final Map<String, String> storedCertificates = new HashMap<>();

	private final Map<String, String> fileCertificates = new HashMap<>();

	private final Map<String, Integer> fileCertificateRows = new HashMap<>();

	PersonImporter(ImportRun run) {
		super(run);
	}

	@Override
	ImportKind kind() {
		return ImportKind.PEOPLE;
	}

	@Override
	List<Column> columns() {
		return List.of(EMPLOYEE_NO, NAME, SEX, BIRTH_DATE, CATEGORY, UNIT, POST, PHONE, CERTIFICATE_NO);
	}

	@Override
	List<Column> keyColumns() {
		return List.of(EMPLOYEE_NO);
	}

	@Override
	void prepare() {
		unitIds = idsByName("select id, name from unit where bureau_id = cq_bureau()");
		unitNames = invert(unitIds);
		run.jdbc.sql("select certificate_no, employee_no from person where certificate_no is not null")
			.query(rs -> {
				storedCertificates.put(rs.getString(1), rs.getString(2));
			});
	}

	@Override
	Row parse(RowView r) {
		long mark = run.errorCount();
		String no = required(r, EMPLOYEE_NO);
		String name = required(r, NAME);
		Sex sex = choice(r, SEX, Sex::fromLabel);
		LocalDate birth = date(r, BIRTH_DATE);
		if (birth != null && birth.isAfter(run.today)) {
			run.error(r.row(), BIRTH_DATE, "imports.error.birthInFuture", birth);
		}
		StaffCategory category = choice(r, CATEGORY, StaffCategory::fromLabel);
		Long unitId = null;
		String unit = required(r, UNIT);
		if (unit != null) {
			unitId = unitIds.get(unit);
			if (unitId == null) {
				run.error(r.row(), UNIT, "imports.error.unknownUnit", unit);
			}
		}
		Post post;
		if (Post.ABOLISHED_CASE_CLERK.equals(r.text(POST))) {
			// there is no 办案内勤; say why rather than "unknown post"
			run.error(r.row(), POST, "imports.error.abolishedPost", Post.ABOLISHED_CASE_CLERK);
			post = null;
		}
		else {
			post = choice(r, POST, Post::fromLabel);
		}
		String phone = optional(r, PHONE);
		String certificate = certificate(r, no);
		if (run.errorCount() > mark) {
			return null;
		}
		return new Row(r.row(), no, name, sex, birth, category, unitId, post, phone, certificate);
	}

	/** A 执法证号 held by one person only: in this file, and among the people stored who keep theirs. */
	private String certificate(RowView r, String employeeNo) {
		String certificate = optional(r, CERTIFICATE_NO);
		if (certificate == null || employeeNo == null) {
			return certificate;
		}
		Integer first = fileCertificateRows.putIfAbsent(certificate, r.row());
		if (first != null) {
			run.error(r.row(), CERTIFICATE_NO, "imports.error.certificateInFile", certificate,
					fileCertificates.get(certificate), first);
			return null;
		}
		fileCertificates.put(certificate, employeeNo);
		String holder = storedCertificates.get(certificate);
		if (holder != null && !holder.equals(employeeNo)) {
			run.error(r.row(), CERTIFICATE_NO, "imports.error.certificateTaken", certificate, holder);
			return null;
		}
		return certificate;
	}

	@Override
	void flush(List<Row> chunk) {
		Map<String, Stored> stored = new HashMap<>();
		queryIn("""
				select id, employee_no, name, sex, birth_date, category, unit_id, post, phone, certificate_no
				from person where bureau_id = cq_bureau() and employee_no in (:keys)""",
				chunk.stream().map(Row::employeeNo).toList(),
				rs -> stored.put(rs.getString("employee_no"),
						new Stored(rs.getLong("id"), rs.getString("name"), Sex.valueOf(rs.getString("sex")),
								localDate(rs, "birth_date"), StaffCategory.valueOf(rs.getString("category")),
								rs.getLong("unit_id"), Post.valueOf(rs.getString("post")), rs.getString("phone"),
								rs.getString("certificate_no"))));
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> firstAssignments = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> clearToday = new ArrayList<>();
		List<Object[]> transfers = new ArrayList<>();
		for (Row r : chunk) {
			Stored s = stored.get(r.employeeNo());
			String phone = has(PHONE) ? r.phone() : s == null ? null : s.phone();
			String certificate = has(CERTIFICATE_NO) ? r.certificateNo() : s == null ? null : s.certificateNo();
			if (s == null) {
				run.created++;
				inserts.add(new Object[] { r.employeeNo(), r.name(), r.sex().name(), r.birthDate(), r.category().name(),
						r.unitId(), r.post().name(), phone, certificate });
				firstAssignments.add(new Object[] { r.unitId(), UnitAssignment.SINCE_ALWAYS, r.employeeNo() });
				continue;
			}
			ImportRun.Changes changes = new ImportRun.Changes().field(NAME.header(), s.name(), r.name())
				.field(SEX.header(), s.sex().label(), r.sex().label())
				.field(BIRTH_DATE.header(), s.birthDate(), r.birthDate())
				.field(CATEGORY.header(), s.category().label(), r.category().label())
				.field(UNIT.header(), unitNames.get(s.unitId()), unitNames.get(r.unitId()))
				.field(POST.header(), s.post().label(), r.post().label())
				.field(PHONE.header(), s.phone(), phone)
				.field(CERTIFICATE_NO.header(), s.certificateNo(), certificate);
			if (!changes.any()) {
				run.unchanged++;
				continue;
			}
			run.updated("person", r.employeeNo(), changes);
			updates.add(new Object[] { r.name(), r.sex().name(), r.birthDate(), r.category().name(), r.unitId(),
					r.post().name(), phone, certificate, s.id() });
			if (s.unitId() != r.unitId()) {
				clearToday.add(new Object[] { s.id(), run.today });
				transfers.add(new Object[] { s.id(), r.unitId(), run.today });
			}
		}
		if (!run.writing()) {
			return;
		}
		run.batch("""
				insert into person (employee_no, name, sex, birth_date, category, unit_id, post, phone, certificate_no)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE,
				Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR);
		run.batch("""
				insert into person_unit_history (person_id, unit_id, valid_from)
				select id, ?, ? from person where bureau_id = cq_bureau() and employee_no = ?""", firstAssignments,
				Types.BIGINT, Types.DATE,
				Types.VARCHAR);
		run.batch("""
				update person set name = ?, sex = ?, birth_date = ?, category = ?, unit_id = ?, post = ?, phone = ?,
				  certificate_no = ?, version = version + 1
				where id = ?""", updates, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.BIGINT,
				Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT);
		run.batch("delete from person_unit_history where person_id = ? and valid_from = ?", clearToday, Types.BIGINT,
				Types.DATE);
		run.batch("insert into person_unit_history (person_id, unit_id, valid_from) values (?, ?, ?)", transfers,
				Types.BIGINT, Types.BIGINT, Types.DATE);
	}

}
