package cn.wucheng.cq.imports.internal;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.organisation.StaffCategory;

/**
 * 案件, keyed by 案件编号. Rejected: unknown references, the same person as lead and co-handler,
 * 办结日期 before 立案日期. Imported but flagged: an auxiliary as handler — a historical case is kept as it was
 * recorded, reported as a warning and marked in case_import_flag.
 */
final class CaseImporter extends ListImporter<CaseImporter.Row> {

	private static final Logger log = LoggerFactory.getLogger(CaseImporter.class);

	static final Column CASE_NO = Column.required(ImportVocabulary.CASE_NO, 60);

	static final Column CATEGORY = Column.choice(ImportVocabulary.CASE_CATEGORY,
			Arrays.stream(CaseCategory.values()).map(CaseCategory::label).toList());

	static final Column DOMAIN = Column.required(ImportVocabulary.CASE_DOMAIN, 50)
		.alias(ImportVocabulary.CASE_DOMAIN_ALIASES)
		.hint("imports.hint.domain");

	static final Column UNIT = Column.required(ImportVocabulary.CASE_UNIT, 100)
		.alias(ImportVocabulary.CASE_UNIT_ALIASES)
		.hint("imports.hint.unit");

	static final Column FILED = Column.requiredDate(ImportVocabulary.FILED_ON);

	static final Column LEAD = Column.required(ImportVocabulary.LEAD, 30)
		.alias(ImportVocabulary.LEAD_ALIASES)
		.hint("imports.hint.person");

	static final Column CO = Column.required(ImportVocabulary.CO, 30)
		.alias(ImportVocabulary.CO_ALIASES)
		.hint("imports.hint.person");

	static final Column DECISION_NO = Column.optional(ImportVocabulary.DECISION_NO, 120)
		.alias(ImportVocabulary.DECISION_NO_ALIASES);

	static final Column TITLE = Column.optional(ImportVocabulary.CASE_TITLE, 300);

	static final Column SOURCE = Column.optional(ImportVocabulary.CASE_SOURCE, 40).hint("imports.hint.source");

	static final Column CONCLUDED = Column.optionalDate(ImportVocabulary.CONCLUDED_ON)
		.alias(ImportVocabulary.CONCLUDED_ON_ALIASES);

	static final Column VIDEO_NO = Column.optional(ImportVocabulary.VIDEO_NO, 60);

	/**
	 * Issue 14: the platform's single 承办人 column, "张三、李四" (the first is the lead), read when the file has neither
	 * 主办人工号 nor 协办人工号 (nor their aliases).
	 */
	static final Column HANDLERS = Column.optional(ImportVocabulary.HANDLERS, 0)
		.alias(ImportVocabulary.HANDLERS_ALIASES)
		.hint("imports.hint.handlers");

	/** Between the two entries of {@link #HANDLERS}: 、 , ， ; ； or spaces (also full-width). */
	private static final Pattern HANDLER_SEPARATOR = Pattern.compile("[、,，;；\\s\u3000\u00A0]+");

	static final String FLAG_RULE = "R-11";

	record Row(int row, String caseNo, CaseCategory category, long domainId, long unitId, LocalDate filedOn,
			LocalDate concludedOn, long leadId, long coId, String decisionNo, String title, String source,
			String videoNo, String flag) implements Parsed {
	}

	private record Stored(long id, CaseCategory category, long domainId, long unitId, LocalDate filedOn,
			LocalDate concludedOn, long leadId, long coId, String decisionNo, String title, String source,
			String videoNo) {
	}

	private record PersonRef(long id, String employeeNo, String name, boolean formal, long unitId) {
	}

	/** From {@code validFrom} on, a person belonged to {@code unitId} (person_unit_history, R-02). */
	private record Assignment(LocalDate validFrom, long unitId) {
	}

	private Map<String, Long> domainIds;

	private Map<Long, String> domainNames;

	private Map<String, Long> unitIds;

	private Map<Long, String> unitNames;

	private final Map<String, PersonRef> people = new HashMap<>();

	private final Map<Long, String> employeeNos = new HashMap<>();

	private final Map<String, PersonRef> byCertificate = new HashMap<>();

	private final Map<String, List<PersonRef>> byName = new HashMap<>();

	/**
	 * the unit history of the people who share a name with someone, oldest first; only they need it, and it is
	 * read in one query with the people, not per row.
	 */
	private final Map<Long, List<Assignment>> historyOfNamesakes = new HashMap<>();

	/** On PostgreSQL: new cases go in with COPY (see {@link PgCopy}); on H2 with a batch of INSERTs. */
	private PgCopy copy;

	/** R-11 flags of rows whose case may still be in an open COPY: written once it completed. */
	private final List<Object[]> pendingFlags = new ArrayList<>();

	CaseImporter(ImportRun run) {
		super(run);
	}

	@Override
	ImportKind kind() {
		return ImportKind.CASES;
	}

	@Override
	List<Column> columns() {
		return List.of(CASE_NO, CATEGORY, DOMAIN, UNIT, FILED, LEAD, CO, DECISION_NO, TITLE, SOURCE, CONCLUDED,
				VIDEO_NO, HANDLERS);
	}

	/** 承办人 stands for 主办人工号 and 协办人工号 in a file that has neither. */
	@Override
	List<Column> missing(Header h) {
		List<Column> missing = super.missing(h);
		if (h.has(HANDLERS) && !h.has(LEAD) && !h.has(CO)) {
			return missing.stream().filter(c -> c != LEAD && c != CO).toList();
		}
		return missing;
	}

	/** A template with 承办人 beside 主办人工号 would invite filling the one the import does not read. */
	@Override
	List<Column> templateColumns() {
		return columns().stream().filter(c -> c != HANDLERS).toList();
	}

	private boolean singleHandlerColumn() {
		return has(HANDLERS) && !has(LEAD) && !has(CO);
	}

	@Override
	List<Column> keyColumns() {
		return List.of(CASE_NO);
	}

	@Override
	void prepare() {
		copy = PgCopy.of(run.template).orElse(null);
		domainIds = idsByName("select id, name from domain where bureau_id = cq_bureau()");
		domainNames = invert(domainIds);
		unitIds = idsByName("select id, name from unit where bureau_id = cq_bureau()");
		unitNames = invert(unitIds);
		run.jdbc.sql("""
				select id, employee_no, name, category, unit_id, certificate_no from person
				where bureau_id = cq_bureau()""").query(rs -> {
			PersonRef p = new PersonRef(rs.getLong("id"), rs.getString("employee_no"), rs.getString("name"),
					StaffCategory.FORMAL.name().equals(rs.getString("category")), rs.getLong("unit_id"));
			people.put(p.employeeNo(), p);
			employeeNos.put(p.id(), p.employeeNo());
			String certificate = rs.getString("certificate_no");
			if (certificate != null) {
				byCertificate.put(certificate, p);
			}
			byName.computeIfAbsent(p.name(), k -> new ArrayList<>(1)).add(p);
		});
		run.jdbc.sql("""
				select h.person_id, h.valid_from, h.unit_id from person_unit_history h
				where h.person_id in (select id from person where bureau_id = cq_bureau() and name in (
				  select name from person where bureau_id = cq_bureau() group by name having count(*) > 1))
				order by h.person_id, h.valid_from""").query(rs -> {
			historyOfNamesakes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2))
				.add(new Assignment(rs.getObject(2, LocalDate.class), rs.getLong(3)));
		});
	}

	@Override
	Row parse(RowView r) {
		long mark = run.errorCount();
		String caseNo = required(r, CASE_NO);
		CaseCategory category = choice(r, CATEGORY, CaseImporter::category);
		Long domainId = lookup(r, DOMAIN, domainIds, "imports.error.unknownDomain");
		Long unitId = lookup(r, UNIT, unitIds, "imports.error.unknownUnit");
		LocalDate filed = date(r, FILED);
		PersonRef lead = null;
		PersonRef co = null;
		Column leadColumn = LEAD;
		Column coColumn = CO;
		if (singleHandlerColumn()) {
			leadColumn = HANDLERS;
			coColumn = HANDLERS;
			String handlers = required(r, HANDLERS);
			if (handlers != null) {
				List<String> entries = Arrays.stream(HANDLER_SEPARATOR.split(handlers))
					.filter(e -> !e.isEmpty())
					.toList();
				if (entries.size() != 2) {
					run.error(r.row(), HANDLERS, "imports.error.handlerCount", handlers);
				}
				else {
					lead = person(r, HANDLERS, entries.get(0), unitId, filed);
					co = person(r, HANDLERS, entries.get(1), unitId, filed);
				}
			}
		}
		else {
			String leadText = required(r, LEAD);
			lead = leadText == null ? null : person(r, LEAD, leadText, unitId, filed);
			String coText = required(r, CO);
			co = coText == null ? null : person(r, CO, coText, unitId, filed);
		}
		if (lead != null && co != null && lead.id() == co.id()) {
			run.error(r.row(), coColumn, "imports.error.sameHandler");
		}
		LocalDate concluded = date(r, CONCLUDED);
		if (filed != null && concluded != null && concluded.isBefore(filed)) {
			run.error(r.row(), CONCLUDED, "imports.error.concludedBeforeFiled", concluded, filed);
		}
		String decisionNo = optional(r, DECISION_NO);
		String title = optional(r, TITLE);
		String source = optional(r, SOURCE);
		String videoNo = optional(r, VIDEO_NO);
		if (run.errorCount() > mark) {
			return null;
		}
		// auxiliary staff may not handle cases; a historical case that says otherwise is kept and flagged.
		String flag = null;
		for (PersonRef p : List.of(lead, co)) {
			if (!p.formal()) {
				Column c = p == lead ? LEAD : CO;
				String message = run.messages.message("imports.warning.auxiliaryHandler", c.header(), p.employeeNo(),
						p.name());
				run.problems.warning(r.row(), run.label(p == lead ? leadColumn : coColumn), message);
				flag = flag == null ? message : flag + "；" + message;
			}
		}
		return new Row(r.row(), caseNo, category, domainId, unitId, filed, concluded, lead.id(), co.id(), decisionNo,
				title, source, videoNo, flag);
	}

	private static final Map<String, CaseCategory> CATEGORIES = new HashMap<>();

	static {
		for (CaseCategory c : CaseCategory.values()) {
			CATEGORIES.putIfAbsent(c.label(), c);
			CATEGORIES.putIfAbsent(c.name(), c);
		}
	}

	/** {@link CaseCategory#fromLabel}, without a stream for the usual exact label. */
	private static Optional<CaseCategory> category(String text) {
		CaseCategory c = CATEGORIES.get(text);
		return c != null ? Optional.of(c) : CaseCategory.fromLabel(text);
	}

	private Long lookup(RowView r, Column c, Map<String, Long> ids, String unknownKey) {
		String v = required(r, c);
		if (v == null) {
			return null;
		}
		Long id = ids.get(v);
		if (id == null) {
			run.error(r.row(), c, unknownKey, v);
		}
		return id;
	}

	/**
	 * A handler as the file names them (issue 14): by 工号, else 执法证号, else name; a name that several people share
	 * is the one of them who belonged to the case's 办案单位 on its 立案日期 (R-02: people move between squads, and
	 * the unit on the case's date counts), else an error naming all their 工号.
	 */
	private PersonRef person(RowView r, Column c, String text, Long caseUnitId, LocalDate filedOn) {
		PersonRef p = people.get(text);
		if (p == null) {
			p = byCertificate.get(text);
		}
		if (p != null) {
			return p;
		}
		List<PersonRef> named = byName.getOrDefault(text, List.of());
		if (named.size() == 1) {
			return named.get(0);
		}
		if (named.isEmpty()) {
			run.error(r.row(), c, "imports.error.unknownHandler", text);
			return null;
		}
		List<PersonRef> inUnit = named.stream()
			.filter(n -> caseUnitId != null && Long.valueOf(unitOn(n, filedOn)).equals(caseUnitId))
			.toList();
		if (inUnit.size() == 1) {
			return inUnit.get(0);
		}
		run.error(r.row(), c, "imports.error.ambiguousName", text,
				String.join("、", named.stream().map(PersonRef::employeeNo).sorted().toList()));
		return null;
	}

	/**
	 * the unit a person belonged to on a day — the assignment with the latest start on or before it; his current
	 * unit when the day is unknown (an unreadable 立案日期, reported already) or he has no history; none (-1) on a
	 * day before his first assignment.
	 */
	private long unitOn(PersonRef p, LocalDate day) {
		List<Assignment> history = historyOfNamesakes.get(p.id());
		if (day == null || history == null) {
			return p.unitId();
		}
		long unit = -1;
		for (Assignment a : history) {
			if (a.validFrom().isAfter(day)) {
				break;
			}
			unit = a.unitId();
		}
		return unit;
	}

	@Override
	void flush(List<Row> chunk) {
		completeCopy(); // the connection is needed for the lookup below
		Map<String, Stored> stored = new HashMap<>();
		queryIn("""
				select id, case_no, category, domain_id, unit_id, filed_on, concluded_on, lead_id, co_id, decision_no,
				  title, source, video_no
				from case_file where bureau_id = cq_bureau() and case_no in (:keys)""",
				chunk.stream().map(Row::caseNo).toList(),
				rs -> stored.put(rs.getString("case_no"),
						new Stored(rs.getLong("id"), CaseCategory.valueOf(rs.getString("category")),
								rs.getLong("domain_id"), rs.getLong("unit_id"), localDate(rs, "filed_on"),
								localDate(rs, "concluded_on"), rs.getLong("lead_id"), rs.getLong("co_id"),
								rs.getString("decision_no"), rs.getString("title"), rs.getString("source"),
								rs.getString("video_no"))));
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> unflag = new ArrayList<>();
		List<Object[]> flags = new ArrayList<>();
		for (Row r : chunk) {
			Stored s = stored.get(r.caseNo());
			// A column missing from the file keeps what is stored; a column present but empty clears it.
			String decisionNo = has(DECISION_NO) || s == null ? r.decisionNo() : s.decisionNo();
			String title = has(TITLE) || s == null ? r.title() : s.title();
			String source = has(SOURCE) || s == null ? r.source() : s.source();
			String videoNo = has(VIDEO_NO) || s == null ? r.videoNo() : s.videoNo();
			LocalDate concluded = has(CONCLUDED) || s == null ? r.concludedOn() : s.concludedOn();
			if (concluded != null && concluded.isBefore(r.filedOn())) {
				run.error(r.row(), FILED, "imports.error.concludedBeforeFiled", concluded, r.filedOn());
				continue;
			}
			if (r.flag() != null) {
				flags.add(new Object[] { FLAG_RULE, cut(r.flag()), run.today, r.caseNo(), FLAG_RULE });
			}
			if (s == null) {
				run.created++;
				inserts.add(new Object[] { r.caseNo(), decisionNo, title, r.category().name(), r.domainId(),
						r.unitId(), source, r.filedOn(), concluded, r.leadId(), r.coId(), videoNo });
				continue;
			}
			ImportRun.Changes changes = new ImportRun.Changes()
				.field(CATEGORY.header(), s.category().label(), r.category().label())
				.field(DOMAIN.header(), domainNames.get(s.domainId()), domainNames.get(r.domainId()))
				.field(UNIT.header(), unitNames.get(s.unitId()), unitNames.get(r.unitId()))
				.field(FILED.header(), s.filedOn(), r.filedOn())
				.field(CONCLUDED.header(), s.concludedOn(), concluded)
				.field(LEAD.header(), employeeNos.get(s.leadId()), employeeNos.get(r.leadId()))
				.field(CO.header(), employeeNos.get(s.coId()), employeeNos.get(r.coId()))
				.field(DECISION_NO.header(), s.decisionNo(), decisionNo)
				.field(TITLE.header(), s.title(), title)
				.field(SOURCE.header(), s.source(), source)
				.field(VIDEO_NO.header(), s.videoNo(), videoNo);
			if (!changes.any()) {
				run.unchanged++;
				continue;
			}
			run.updated("case_file", r.caseNo(), changes);
			updates.add(new Object[] { decisionNo, title, r.category().name(), r.domainId(), r.unitId(), source,
					r.filedOn(), concluded, r.leadId(), r.coId(), videoNo, s.id() });
			unflag.add(new Object[] { s.id(), FLAG_RULE });
		}
		if (!run.writing()) {
			return;
		}
		if (copy == null) {
			run.batch(INSERT, inserts, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
					Types.BIGINT, Types.VARCHAR, Types.DATE, Types.DATE, Types.BIGINT, Types.BIGINT, Types.VARCHAR);
		}
		run.batch("""
				update case_file set decision_no = ?, title = ?, category = ?, domain_id = ?, unit_id = ?, source = ?,
				  filed_on = ?, concluded_on = ?, lead_id = ?, co_id = ?, video_no = ?, version = version + 1
				where id = ?""", updates, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT,
				Types.VARCHAR, Types.DATE, Types.DATE, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BIGINT);
		run.batch("delete from case_import_flag where case_id = ? and rule_id = ?", unflag, Types.BIGINT,
				Types.VARCHAR);
		if (copy == null) {
			writeFlags(flags);
			return;
		}
		pendingFlags.addAll(flags);
		run.flushAudit(); // before the COPY takes the connection
		if (run.deferForeignKeys && !deferTried && ++copiedChunks > DEFER_KEYS_AFTER_CHUNKS) {
			// a large file: its other rows without the per-row foreign key checks, checked at the end (finish)
			deferTried = true;
			deferredKeys = DeferredForeignKeys.drop(run.template, "case_file", REFERENCES);
			log.info("Case import {}: foreign keys of case_file {}", run.fileName,
					deferredKeys != null ? "checked at the end" : "kept (tables in use), checked row by row");
		}
		copy.start("case_file", COLUMNS, inserts);
	}

	static final String COLUMNS = "case_no, decision_no, title, category, domain_id, unit_id, source, filed_on, "
			+ "concluded_on, lead_id, co_id, video_no";

	static final String INSERT = "insert into case_file (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** Chunks stored with the foreign keys checked row by row before a file counts as large. */
	static final int DEFER_KEYS_AFTER_CHUNKS = 2;

	private static final Set<String> REFERENCES = Set.of("domain_id", "unit_id", "lead_id", "co_id");

	private int copiedChunks;

	private boolean deferTried;

	private DeferredForeignKeys deferredKeys;

	@Override
	void finish() {
		completeCopy();
		if (deferredKeys != null) {
			restoreKeys(deferredKeys);
			deferredKeys = null;
		}
	}

	/**
	 * The foreign keys dropped for a large file, added again (each checked over the table in one statement). Should a
	 * row refer to what no longer exists (deleted after the lists were loaded), its row and column are named as the
	 * row check would, and nothing is imported.
	 */
	private void restoreKeys(DeferredForeignKeys keys) {
		if (!run.writing() || keys.restore()) {
			return; // an import with errors is rolled back, and the keys with it
		}
		for (DeferredForeignKeys.Key k : keys.keys()) {
			for (Object[] missing : keys.missing(k, "case_no")) {
				int row = run.keys.rowOf(missing[0] + "\u0001");
				long id = ((Number) missing[1]).longValue();
				switch (k.column()) {
					case "domain_id" -> run.error(row, DOMAIN, "imports.error.unknownDomain", name(domainNames, id));
					case "unit_id" -> run.error(row, UNIT, "imports.error.unknownUnit", name(unitNames, id));
					case "lead_id" -> run.error(row, LEAD, "imports.error.unknownPerson", name(employeeNos, id));
					default -> run.error(row, CO, "imports.error.unknownPerson", name(employeeNos, id));
				}
			}
		}
		if (run.writing()) {
			keys.restoreOrFail(); // refused for another reason: the database's error ends the import
		}
	}

	private static String name(Map<Long, String> names, long id) {
		String n = names.get(id);
		return n != null ? n : String.valueOf(id);
	}

	@Override
	void close() {
		if (copy != null) {
			copy.cancel();
		}
	}

	@Override
	void settle() {
		completeCopy();
	}

	/** Waits for the open COPY, then writes the flags of its rows (they need the cases' ids). */
	private void completeCopy() {
		if (copy == null) {
			return;
		}
		copy.complete();
		if (run.writing()) {
			writeFlags(pendingFlags);
		}
		pendingFlags.clear();
	}

	private void writeFlags(List<Object[]> flags) {
		run.batch("""
				insert into case_import_flag (case_id, rule_id, detail, flagged_on)
				select c.id, ?, ?, ? from case_file c
				where c.bureau_id = cq_bureau() and c.case_no = ?
				  and not exists (select 1 from case_import_flag f where f.case_id = c.id and f.rule_id = ?)""", flags,
				Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR);
	}

	private static String cut(String s) {
		return s.length() <= 500 ? s : s.substring(0, 500);
	}

}
