package cn.wucheng.cq.imports.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportProblem;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.shared.Refusals;

/**
 * Runs one import: one transaction per file, rows streamed from the file, checked one by one, then compared and
 * written in chunks of {@value #CHUNK}. Any error rolls the whole file back (all or nothing); every problem found is
 * reported, not only the first.
 */
@Component
public class ImportEngine {

	static final int CHUNK = 1000;

	private static final Logger log = LoggerFactory.getLogger(ImportEngine.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Refusals messages;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final boolean deferForeignKeys;

	private final XlsxLimits xlsxLimits;

	private final ImportQueue queue;

	private final Clock clock;

	ImportEngine(JdbcClient jdbc, JdbcTemplate template, Refusals messages, AuditLog audit,
			PlatformTransactionManager transactionManager, ImportQueue queue,
			@Value("${cq.imports.defer-foreign-keys:false}") boolean deferForeignKeys,
			@Value("${cq.imports.xlsx.max-shared-strings-size:128MB}") DataSize maxSharedStrings,
			@Value("${cq.imports.xlsx.max-shared-strings-ratio:10}") int sharedStringsRatio, Clock clock) {
		this.clock = clock;
		this.deferForeignKeys = deferForeignKeys;
		this.xlsxLimits = new XlsxLimits(maxSharedStrings.toBytes(), sharedStringsRatio);
		this.queue = queue;
		this.jdbc = jdbc;
		this.template = template;
		this.messages = messages;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The columns of a list, for the page and the templates. */
	public List<Column> columns(ImportKind kind) {
		return importer(kind, null).columns();
	}

	/** The columns of a list's template data sheet. */
	public List<Column> templateColumns(ImportKind kind) {
		return importer(kind, null).templateColumns();
	}

	/** The key columns of a list (IMPORT.md). */
	public List<Column> keyColumns(ImportKind kind) {
		return importer(kind, null).keyColumns();
	}

	/** Whether the cells of one row name every required column of the list (the drop folder tells lists apart). */
	boolean isHeaderOf(ImportKind kind, String[] cells) {
		ListImporter<?> importer = importer(kind, null);
		return importer.missing(Header.of(0, cells, importer.columns())).isEmpty();
	}

	/**
	 * The header and first rows of a file, found as the import finds them, for the mapping step (issue 14 item 2).
	 * Reads only the top of the file.
	 */
	public FileHeaders inspect(ImportKind kind, Path file) throws UnreadableFileException {
		ListImporter<?> importer = importer(kind, null);
		TabularFile table = TabularFile.open(file, xlsxLimits);
		try {
			return FileHeaders.read(table, importer.columns(), importer::missing);
		}
		catch (CsvFile.NotUtf8 e) {
			return FileHeaders.read(e.table(), importer.columns(), importer::missing);
		}
	}

	/** The required columns of the list that a mapping (with the file's other headers) leaves without a header. */
	public List<Column> missing(ImportKind kind, ColumnMapping mapping, List<String> fileHeaders) {
		ListImporter<?> importer = importer(kind, null);
		return importer.missing(Header.of(0, fileHeaders.toArray(String[]::new), importer.columns(), mapping));
	}

	XlsxLimits xlsxLimits() {
		return xlsxLimits;
	}

	public ImportResult importFile(ImportKind kind, String fileName, Path file) {
		return importFile(kind, fileName, file, null);
	}

	/**
	 * Imports the file once it is its turn ({@link ImportQueue}: large files one at a time); {@code ticket} lets the
	 * import page show the place in the line. A wait past the bound answers {@link ImportResult.Status#BUSY}.
	 */
	public ImportResult importFile(ImportKind kind, String fileName, Path file, String ticket) {
		return importFile(kind, fileName, file, ticket, null);
	}

	/**
	 * As {@link #importFile(ImportKind, String, Path, String)}, the file's headers renamed by {@code mapping} (null:
	 * none) before the normal import (issue 14 item 2). A saved mapping that imported the file is audited as applied.
	 */
	public ImportResult importFile(ImportKind kind, String fileName, Path file, String ticket, ColumnMapping mapping) {
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException e) {
			return ImportResult.unreadable(kind, fileName, messages.message("imports.file.unreadable"));
		}
		try (ImportQueue.Turn turn = queue.enter(size, ticket)) {
			return importNow(kind, fileName, file, mapping);
		}
		catch (ImportQueue.Busy busy) {
			String message = busy.full()
					? messages.message("imports.queue.full", String.valueOf(busy.ahead()))
					: messages.message("imports.queue.busy", String.valueOf(busy.ahead()), minutes(queue.maxWait()));
			log.info("Import of {} ({}) not run: {} import(s) ahead, {}", kind.path(), fileName, busy.ahead(),
					busy.full() ? "line full" : "waited " + queue.maxWait());
			return ImportResult.busy(kind, fileName, message);
		}
	}

	/** A wait as the messages show it: "3 分钟", "90 秒". */
	String minutes(java.time.Duration wait) {
		return wait.toSeconds() % 60 == 0 ? messages.message("imports.queue.minutes", String.valueOf(wait.toMinutes()))
				: messages.message("imports.queue.seconds", String.valueOf(wait.toSeconds()));
	}

	private ImportResult importNow(ImportKind kind, String fileName, Path file, ColumnMapping mapping) {
		TabularFile table;
		try {
			table = TabularFile.open(file, xlsxLimits);
		}
		catch (UnreadableFileException e) {
			return ImportResult.unreadable(kind, fileName, messages.message(e.messageKey(), e.args()));
		}
		return importTable(kind, fileName, table, mapping);
	}

	/**
	 * Imports one record given by field (the push API, issue 14 item 5) exactly as a file of one row: the same header
	 * matching, row checks, messages, idempotence and audit. The fields become row 1 (header) and row 2.
	 */
	public ImportResult importRecord(ImportKind kind, String name, java.util.Map<String, String> fields) {
		String[] header = fields.keySet().toArray(String[]::new);
		String[] values = fields.values().stream().map(v -> v == null ? "" : v).toArray(String[]::new);
		TabularFile table = new TabularFile() {

			@Override
			public void read(RowConsumer consumer) {
				if (consumer.accept(1, header)) {
					consumer.accept(2, values);
				}
			}

			@Override
			public String describe() {
				return "JSON";
			}

		};
		return importTable(kind, name, table, null);
	}

	private ImportResult importTable(ImportKind kind, String fileName, TabularFile table, ColumnMapping mapping) {
		try {
			try {
				return execute(kind, fileName, table, mapping);
			}
			catch (CsvFile.NotUtf8 e) {
				// a malformed byte late in a CSV read as UTF-8: everything done with its rows was rolled back
				return execute(kind, fileName, e.table(), mapping);
			}
		}
		catch (Unreadable e) {
			return ImportResult.unreadable(kind, fileName,
					messages.message(e.getCause().messageKey(), e.getCause().args()));
		}
		catch (DataAccessException e) {
			// Validation should leave nothing for the database to refuse; if it still does (e.g. a concurrent import
			// of the same keys), the file is not imported and the user is told so.
			log.error("Import of {} ({}) failed in the database", kind.path(), fileName, e);
			return new ImportResult(kind, fileName, ImportResult.Status.REJECTED, 0, 0, 0,
					List.of(ImportProblem.ofFile(messages.message("imports.error.database"))), List.of());
		}
	}

	private ImportResult execute(ImportKind kind, String fileName, TabularFile table, ColumnMapping mapping) {
		return transactions.execute(status -> run(kind, fileName, table, mapping, status));
	}

	private ImportResult run(ImportKind kind, String fileName, TabularFile table, ColumnMapping mapping,
			TransactionStatus status) {
		ImportRun run = read(kind, fileName, table, mapping, true, new GrowingTables(kind));
		if (!run.writing()) {
			status.setRollbackOnly();
			return new ImportResult(kind, fileName, ImportResult.Status.REJECTED, 0, 0, 0,
					run.problems.errors(messages), run.problems.warnings(messages));
		}
		run.recordImport(messages.message("imports.audit.import", kind.label(), fileName, table.describe(), run.created,
				run.updated, run.unchanged, run.problems.warningCount()));
		if (run.created + run.updated >= ANALYZE_AFTER_ROWS) {
			analyzeWritten(kind);
		}
		if (mapping != null && mapping.name() != null) {
			audit.record("IMPORT_MAPPING_APPLY", "import_mapping", mapping.name(),
					messages.message("imports.mapping.audit.applied", mapping.name(), kind.label(), fileName), null, null);
		}
		return new ImportResult(kind, fileName, ImportResult.Status.IMPORTED, run.created, run.updated, run.unchanged,
				List.of(), run.problems.warnings(messages));
	}

	/**
	 * Reads, checks and (while {@code mayWrite} and the table has no error) stores the rows of one table within the
	 * current transaction and bureau: the run with its counts and problems. The caller decides what follows.
	 */
	ImportRun read(ImportKind kind, String fileName, TabularFile table, ColumnMapping mapping, boolean mayWrite,
			GrowingTables growing) {
		// Each chunk's lookup (1,000 keys) is planned for the table as it is then. Left to itself PostgreSQL keeps a
		// generic plan after five executions, made while the table was nearly empty: on the province it scanned the
		// bureau's rows through another index of (bureau_id, …) with the 1,000 keys as a filter, 1–7 s a chunk and
		// growing (bench/run.sh and scripts/measure-split-import.sh, 2026-12-07), where the index (bureau_id, 案件编号)
		// answers in milliseconds. The statistics it is planned with are kept fresh by GrowingTables.
		template.execute("set local plan_cache_mode = force_custom_plan");
		ImportRun run = new ImportRun(kind, fileName, jdbc, template, messages, audit, clock);
		run.deferForeignKeys = deferForeignKeys;
		run.mayWrite = mayWrite;
		ListImporter<?> importer = importer(kind, run);
		importer.prepare();
		growing.begin(run);
		Reading<?> reading = new Reading<>(importer, run, mapping, growing);
		try {
			try {
				ReadAhead.read(table, reading, () -> !reading.sawHeader()); // parsing beside checking and storing
			}
			catch (UnreadableFileException e) {
				throw new Unreadable(e);
			}
			reading.endOfFile();
			if (!reading.sawHeader()) {
				throw new Unreadable(new UnreadableFileException("imports.file.noHeader"));
			}
			reading.finish();
		}
		finally {
			importer.close();
		}
		return run;
	}

	/**
	 * Rows an import must write before it refreshes the statistics itself. A bulk load is what leaves a table without
	 * them; a single pushed case or a short list is left to autovacuum (within a minute): an ANALYZE of a province's
	 * million cases costs some hundred milliseconds and one at a time per table, too much for every push.
	 */
	static final int ANALYZE_AFTER_ROWS = 1000;

	/**
	 * Fresh statistics for the tables an import wrote (issue 16): the application's role may not ANALYZE, and without
	 * statistics the bureau policy makes the planner expect almost no rows (V9_02, {@code cq_analyze}). Inside the
	 * import's transaction: its own rows are counted, and a rollback takes the statistics back with them.
	 */
	void analyzeWritten(ImportKind kind) {
		for (String t : writtenTables(kind)) {
			jdbc.sql("select cq_analyze(cast(:t as regclass))").param("t", t).query().listOfRows();
		}
	}

	private static List<String> writtenTables(ImportKind kind) {
		return switch (kind) {
			case DOMAINS -> List.of("domain");
			case UNITS -> List.of("unit", "unit_domain");
			case PEOPLE -> List.of("person", "person_unit_history");
			case CASES -> List.of("case_file", "case_import_flag");
			case DEDUCTIONS -> List.of("case_return", "deduction_item");
			case AWARDS -> List.of("excellent_award");
			case TRAINING_HOURS -> List.of("external_training");
		};
	}

	/** The statistics' follower of an import that reads several runs into one table (the split import). */
	GrowingTables growing(ImportKind kind) {
		return new GrowingTables(kind);
	}

	/**
	 * Statistics refreshed while an import makes a table many times larger than it was (issue 16): each chunk's
	 * lookup of 1,000 keys is planned with the table's statistics, and a table never analysed — a first import, or a
	 * bureau's first cases — has none, so PostgreSQL takes the 1,000 keys for the whole table and walks the bureau's
	 * rows through another index of (bureau_id, …): 120 ms a chunk on the province, half of its import. Refreshed once
	 * the import has written as many rows as the table held (at least {@value #ANALYZE_AFTER_ROWS}), then each time
	 * the rows written double: ten times for a million cases into an empty table, never for a tenth of a full one.
	 */
	final class GrowingTables {

		private final ImportKind kind;

		private ImportRun run;

		/** Rows written by the runs before this one (a split import reads one run per bureau into one table). */
		private long before;

		/** Rows written at which the next refresh is due; 0: the table's size not yet asked (see afterChunk). */
		private long next;

		GrowingTables(ImportKind kind) {
			this.kind = kind;
		}

		/** A run starts reading into the table (one per file; one per bureau in a split import). */
		void begin(ImportRun started) {
			if (run != null) {
				before += (long) run.created + run.updated;
			}
			run = started;
		}

		/** After a chunk; the importer may still be streaming it (a COPY), so it settles first when it must. */
		void afterChunk(ListImporter<?> importer) {
			long written = before + run.created + run.updated;
			if (written < Math.max(next, ANALYZE_AFTER_ROWS)) {
				return; // a pushed case or a short list asks nothing more of the database
			}
			if (next == 0) {
				importer.settle(); // the connection must be free to ask; asked once, before any refresh of ours
				next = Math.max(ANALYZE_AFTER_ROWS, jdbc.sql("""
						select greatest(reltuples, 0)::bigint from pg_class where oid = cast(:t as regclass)""")
					.param("t", writtenTables(kind).get(0))
					.query(Long.class)
					.single());
				if (written < next) {
					return;
				}
			}
			importer.settle();
			analyzeWritten(kind);
			next = written * 2;
		}

	}

	static ListImporter<?> importer(ImportKind kind, ImportRun run) {
		return switch (kind) {
			case DOMAINS -> new DomainImporter(run);
			case UNITS -> new UnitImporter(run);
			case PEOPLE -> new PersonImporter(run);
			case CASES -> new CaseImporter(run);
			case DEDUCTIONS -> new DeductionImporter(run);
			case AWARDS -> new AwardImporter(run);
			case TRAINING_HOURS -> new TrainingHoursImporter(run);
		};
	}

	/** Carries an unreadable file out of the transaction callback (rolling it back). */
	static final class Unreadable extends RuntimeException {

		Unreadable(UnreadableFileException cause) {
			super(cause);
		}

		@Override
		public synchronized UnreadableFileException getCause() {
			return (UnreadableFileException) super.getCause();
		}

	}

	/** Feeds the rows of the file to a list importer: header first, then rows, duplicates caught on the way. */
	private static final class Reading<R extends ListImporter.Parsed> implements TabularFile.RowConsumer {

		private final ListImporter<R> importer;

		private final ImportRun run;


		private final List<R> chunk = new ArrayList<>(CHUNK);

		private Header header;

		/** The candidate header naming the most required columns so far, and how many rows were looked at. */
		private Header best;

		private int looked;

		private final ColumnMapping mapping;

		private final GrowingTables growing;

		Reading(ListImporter<R> importer, ImportRun run, ColumnMapping mapping, GrowingTables growing) {
			this.importer = importer;
			this.run = run;
			this.mapping = mapping;
			this.growing = growing;
		}

		boolean sawHeader() {
			return header != null;
		}

		@Override
		public boolean accept(int rowNumber, String[] cells) {
			if (Text.isBlank(cells)) {
				return true; // blank rows (trailing ones above all) are not data
			}
			if (header == null) {
				return readHeader(rowNumber, cells);
			}
			RowView row = new RowView(rowNumber, cells, header);
			String key = importer.key(row);
			if (key != null) {
				int first = run.keys.putIfAbsent(key, rowNumber);
				if (first != 0) {
					List<Column> keyColumns = importer.keyColumns();
					run.error(rowNumber, keyColumns.get(0), "imports.error.duplicate",
							String.join("+", keyColumns.stream().map(Column::header).toList()),
							importer.keyText(row), first);
					importer.parse(row); // report the row's other problems too
					return true;
				}
			}
			R parsed = importer.parse(row);
			if (parsed != null) {
				chunk.add(parsed);
				if (chunk.size() >= CHUNK) {
					flush();
				}
			}
			return true;
		}

		/**
		 * The header is the first of the top {@value Header#SEARCH_ROWS} non-blank rows that names every required
		 * column (by header or alias); rows above it (a merged title, "导出时间：…") are skipped, and row numbers stay
		 * the file's own. If none does, the row naming the most is taken as the header and its gaps reported.
		 */
		private boolean readHeader(int rowNumber, String[] cells) {
			Header candidate = Header.of(rowNumber, cells, importer.columns(), mapping);
			if (importer.missing(candidate).isEmpty()) {
				return settle(candidate);
			}
			if (best == null || importer.missing(candidate).size() < importer.missing(best).size()) {
				best = candidate;
			}
			if (++looked < Header.SEARCH_ROWS) {
				return true; // perhaps a title row: look further
			}
			return settle(best);
		}

		/** At the end of a short file whose rows never named every required column. */
		void endOfFile() {
			if (header == null && best != null) {
				settle(best);
			}
		}

		private boolean settle(Header found) {
			header = found;
			run.header = found;
			boolean complete = true;
			for (Column c : importer.missing(found)) {
				run.error(found.row(), c, "imports.error.missingColumn", c.header());
				complete = false;
			}
			for (var e : found.ambiguous().entrySet()) {
				run.error(found.row(), e.getKey(), "imports.error.ambiguousColumn",
						String.join("”“", e.getValue()), e.getKey().header());
				complete = false;
			}
			importer.onHeader(found);
			return complete; // without a required column the rows cannot be checked: stop here
		}

		void finish() {
			if (!chunk.isEmpty()) {
				flush();
			}
			importer.finish();
			run.flushAudit();
		}

		private void flush() {
			importer.flush(chunk);
			chunk.clear();
			run.flushAudit();
			if (run.writing()) {
				growing.afterChunk(importer);
			}
		}

	}

}
