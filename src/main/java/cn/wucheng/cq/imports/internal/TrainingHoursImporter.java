package cn.wucheng.cq.imports.internal;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wucheng.cq.imports.ImportKind;

/**
 * 培训学时 (R-62: external training — 上级培训, 网络学院, certificates — counts towards the 60 hours), keyed by 工号 +
 * 培训日期 + 培训名称. Written straight into the training module's {@code external_training} table in set-based
 * batches, as the other importers write the tables of theirs (no Java dependency on the training module: it reads
 * the table, this list fills it). Hours are exact decimals: more than 0, at most 200, two places at most.
 */
final class TrainingHoursImporter extends ListImporter<TrainingHoursImporter.Row> {

	static final Column EMPLOYEE_NO = Column.required(ImportVocabulary.EMPLOYEE_NO, 30).hint("imports.hint.person.any");

	static final Column TRAINED_ON = Column.requiredDate(ImportVocabulary.TRAINED_ON);

	static final Column TITLE = Column.required(ImportVocabulary.TRAINING_TITLE, 200);

	static final Column HOURS = Column.required(ImportVocabulary.HOURS, 0).hint("imports.hint.hours");

	static final Column ORGANISER = Column.optional(ImportVocabulary.ORGANISER, 100);

	static final Column CERTIFICATE_NO = Column.optional(ImportVocabulary.TRAINING_CERTIFICATE_NO, 100);

	/** As a session's hours (training's ItemDraft.MAX_HOURS): a single training of more than 200 hours is a typo. */
	static final BigDecimal MAX_HOURS = new BigDecimal("200");

	record Row(int row, String employeeNo, LocalDate trainedOn, String title, BigDecimal hours, String organiser,
			String certificateNo) implements Parsed {
	}

	private record Stored(long id, BigDecimal hours, String organiser, String certificateNo) {
	}

	TrainingHoursImporter(ImportRun run) {
		super(run);
	}

	@Override
	ImportKind kind() {
		return ImportKind.TRAINING_HOURS;
	}

	@Override
	List<Column> columns() {
		return List.of(EMPLOYEE_NO, TRAINED_ON, TITLE, HOURS, ORGANISER, CERTIFICATE_NO);
	}

	@Override
	List<Column> keyColumns() {
		return List.of(EMPLOYEE_NO, TRAINED_ON, TITLE);
	}

	@Override
	protected String keyPart(RowView row, Column c) {
		String v = row.text(c);
		return c == TRAINED_ON ? DateText.parse(v).map(LocalDate::toString).orElse(v) : v;
	}

	@Override
	Row parse(RowView r) {
		long mark = run.errorCount();
		String no = required(r, EMPLOYEE_NO);
		LocalDate trainedOn = date(r, TRAINED_ON);
		String title = required(r, TITLE);
		BigDecimal hours = hours(r);
		String organiser = optional(r, ORGANISER);
		String certificate = optional(r, CERTIFICATE_NO);
		return run.errorCount() > mark ? null
				: new Row(r.row(), no, trainedOn, title, hours, organiser, certificate);
	}

	/** R-62's hours: exact, never a double; 1.5 and 1.50 are the same value. */
	private BigDecimal hours(RowView r) {
		String v = r.text(HOURS);
		if (v.isEmpty()) {
			run.error(r.row(), HOURS, "imports.error.required", HOURS.header());
			return null;
		}
		try {
			BigDecimal d = new BigDecimal(v.replace('。', '.').replace('．', '.'));
			if (d.signum() <= 0 || d.stripTrailingZeros().scale() > 2 || d.compareTo(MAX_HOURS) > 0) {
				throw new NumberFormatException();
			}
			return d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros();
		}
		catch (NumberFormatException e) {
			run.error(r.row(), HOURS, "imports.error.hours", v, MAX_HOURS.toPlainString());
			return null;
		}
	}

	@Override
	void flush(List<Row> chunk) {
		Map<String, Long> personIds = new HashMap<>();
		List<String> nos = chunk.stream().map(Row::employeeNo).distinct().toList();
		queryIn("select id, employee_no from person where bureau_id = cq_bureau() and employee_no in (:keys)", nos,
				rs -> personIds.put(rs.getString(2), rs.getLong(1)));
		Map<String, Stored> stored = new HashMap<>();
		queryIn("""
				select e.id, p.employee_no, e.trained_on, e.title, e.hours, e.organiser, e.certificate_no
				from external_training e join person p on p.id = e.person_id
				where p.bureau_id = cq_bureau() and p.employee_no in (:keys)""", nos,
				rs -> stored.put(key(rs.getString("employee_no"), localDate(rs, "trained_on"), rs.getString("title")),
						new Stored(rs.getLong("id"), rs.getBigDecimal("hours"), rs.getString("organiser"),
								rs.getString("certificate_no"))));
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (Row r : chunk) {
			Long personId = personIds.get(r.employeeNo());
			if (personId == null) {
				run.error(r.row(), EMPLOYEE_NO, "imports.error.unknownPerson", r.employeeNo());
				continue;
			}
			Stored s = stored.get(key(r.employeeNo(), r.trainedOn(), r.title()));
			// an optional column missing from the file keeps what is stored, as the other lists do
			String organiser = has(ORGANISER) || s == null ? r.organiser() : s.organiser();
			String certificate = has(CERTIFICATE_NO) || s == null ? r.certificateNo() : s.certificateNo();
			if (s == null) {
				run.created++;
				inserts.add(new Object[] { personId, r.trainedOn(), r.title(), r.hours(), organiser, certificate });
				continue;
			}
			ImportRun.Changes changes = new ImportRun.Changes().field(HOURS.header(), s.hours(), r.hours())
				.field(ORGANISER.header(), s.organiser(), organiser)
				.field(CERTIFICATE_NO.header(), s.certificateNo(), certificate);
			if (!changes.any()) {
				run.unchanged++;
				continue;
			}
			run.updated("external_training", r.employeeNo() + " / " + r.trainedOn() + " / " + r.title(), changes);
			updates.add(new Object[] { r.hours(), organiser, certificate, s.id() });
		}
		if (!run.writing()) {
			return;
		}
		run.batch("""
				insert into external_training (person_id, trained_on, title, hours, organiser, certificate_no)
				values (?, ?, ?, ?, ?, ?)""", inserts, Types.BIGINT, Types.DATE, Types.VARCHAR, Types.NUMERIC,
				Types.VARCHAR, Types.VARCHAR);
		run.batch("""
				update external_training set hours = ?, organiser = ?, certificate_no = ?, version = version + 1
				where id = ?""", updates, Types.NUMERIC, Types.VARCHAR, Types.VARCHAR, Types.BIGINT);
	}

	private static String key(String employeeNo, LocalDate trainedOn, String title) {
		return employeeNo + '\u0001' + trainedOn + '\u0001' + title;
	}

}
