package cn.wucheng.cq.imports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.bureau.Bureau;
import cn.wucheng.cq.bureau.BureauDirectory;
import cn.wucheng.cq.imports.BureauImportResult;
import cn.wucheng.cq.imports.BureauImportResult.Part;
import cn.wucheng.cq.imports.BureauImportResult.Problem;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportProblem;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.shared.Refusals;

/**
 * One file of a city's or the province's list split by its 所属执法局 column (issue 16 item 3): every row goes to its
 * bureau, which must exist and be one the account imports for; all bureaus' rows in one transaction, all or nothing.
 * <ol>
 * <li>One streaming pass writes each bureau's rows to a spool file of its own ({@link SpoolFile}: the original row
 * number kept), in a directory beside the uploaded file, deleted at the end. A row without a known bureau, or of a
 * bureau outside the account's scope, is an error of that row; the header must name every required column of the
 * list and the bureau column (checked once here, not once per bureau).</li>
 * <li>In one transaction, for each bureau in the order of its id: the normal list import of its spool
 * ({@link ImportEngine#read}) within that bureau ({@link BureauDirectory#withinTransaction}: for the application —
 * audit, caches — and with {@code set_config('cq.bureau', id, true)} for the database — row-level security, the
 * {@code bureau_id} default).
 * The setting is transaction-local: after commit or rollback the connection has again the bureau it was handed out
 * with, which is what {@code BureauConnections} remembers of it. Once a part has an error, the later parts are only
 * checked, for their problems; any error rolls every part back.</li>
 * <li>The statistics of the written tables are refreshed once at the end (not once per bureau); each part is audited
 * in its own bureau's log.</li>
 * </ol>
 * Memory stays bounded as in a one-bureau import: a spool writer's buffer per bureau, and the first
 * {@value Problems#LIMIT} problems of the file.
 */
@Component
class BureauSplitImport {

	private static final Logger log = LoggerFactory.getLogger(BureauSplitImport.class);

	/** The bureau of each row: its name or its code. */
	static final Column BUREAU = Column.required(ImportVocabulary.BUREAU, 100)
		.alias(ImportVocabulary.BUREAU_ALIASES)
		.hint("imports.split.hint.bureau");

	/**
	 * The bureaus an account imports for: {@code allowed} of {@code all} (every bureau of the installation, to tell an
	 * unknown name from a bureau outside the scope), {@code scopeName} for the message ("金华市").
	 */
	record Scope(List<Bureau> all, List<Bureau> allowed, String scopeName) {
	}

	private final ImportEngine engine;

	private final ImportQueue queue;

	private final Refusals messages;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final BureauDirectory directory;

	BureauSplitImport(ImportEngine engine, ImportQueue queue, Refusals messages, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, BureauDirectory directory) {
		this.directory = directory;
		this.engine = engine;
		this.queue = queue;
		this.messages = messages;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The columns of a list's file with the bureau column: the list's own, then 所属执法局. */
	List<Column> columns(ImportKind kind) {
		return Stream.concat(engine.columns(kind).stream(), Stream.of(BUREAU)).toList();
	}

	/** Imports the file once it is its turn in the line of large imports, as every import does ({@link ImportQueue}). */
	BureauImportResult importFile(ImportKind kind, String fileName, Path file, String ticket, Scope scope) {
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException e) {
			return BureauImportResult.of(ImportResult.Status.UNREADABLE, kind, fileName,
					messages.message("imports.file.unreadable"));
		}
		try (ImportQueue.Turn turn = queue.enter(size, ticket)) {
			return importNow(kind, fileName, file, scope);
		}
		catch (ImportQueue.Busy busy) {
			String message = busy.full()
					? messages.message("imports.queue.full", String.valueOf(busy.ahead()))
					: messages.message("imports.queue.busy", String.valueOf(busy.ahead()), engine.minutes(queue.maxWait()));
			return BureauImportResult.of(ImportResult.Status.BUSY, kind, fileName, message);
		}
	}

	private BureauImportResult importNow(ImportKind kind, String fileName, Path file, Scope scope) {
		Path dir;
		try {
			dir = spoolDirectory(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		try {
			Split split;
			try {
				TabularFile table = TabularFile.open(file, engine.xlsxLimits());
				try {
					split = split(kind, table, scope, dir);
				}
				catch (CsvFile.NotUtf8 e) {
					// a malformed byte late in a CSV read as UTF-8: split it again, decoded as GB18030
					split = split(kind, e.table(), scope, dir);
				}
			}
			catch (UnreadableFileException e) {
				return BureauImportResult.of(ImportResult.Status.UNREADABLE, kind, fileName,
						messages.message(e.messageKey(), e.args()));
			}
			if (split.header == null) {
				return new BureauImportResult(kind, fileName, ImportResult.Status.REJECTED, List.of(), split.errors,
						List.of());
			}
			Split spooled = split;
			try {
				return transactions.execute(status -> importParts(kind, fileName, spooled, status));
			}
			catch (ImportEngine.Unreadable e) {
				return BureauImportResult.of(ImportResult.Status.UNREADABLE, kind, fileName,
						messages.message(e.getCause().messageKey(), e.getCause().args()));
			}
			catch (DataAccessException e) {
				log.error("Split import of {} ({}) failed in the database", kind.path(), fileName, e);
				return BureauImportResult.of(ImportResult.Status.REJECTED, kind, fileName,
						messages.message("imports.error.database"));
			}
		}
		finally {
			deleteQuietly(dir);
		}
	}

	/** Beside the uploaded file (the import's own temporary directory), else the JVM's. */
	private static Path spoolDirectory(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		try {
			return Files.createTempDirectory(parent, "cq-split-");
		}
		catch (IOException | UnsupportedOperationException e) {
			return Files.createTempDirectory("cq-split-");
		}
	}

	// --- the streaming pass -------------------------------------------------------------------------------------

	/** The file's rows spooled per bureau, and the problems of the bureau column. */
	private final class Split {

		final List<Problem> errors = new ArrayList<>();

		long errorCount;

		Header header;

		String description;

		/** Bureau id → its spool, in the order of the ids. */
		final Map<Long, SpoolFile.Writer> writers = new TreeMap<>();

		final Map<Long, Path> paths = new HashMap<>();

		void error(Integer row, String column, String bureau, String message) {
			errorCount++;
			if (errors.size() < Problems.LIMIT) {
				errors.add(new Problem(row, column, bureau, message));
			}
		}

	}

	private Split split(ImportKind kind, TabularFile table, Scope scope, Path dir) throws UnreadableFileException {
		ListImporter<?> list = ImportEngine.importer(kind, null);
		List<Column> columns = Stream.concat(list.columns().stream(), Stream.of(BUREAU)).toList();
		Map<String, Bureau> byKey = new HashMap<>();
		for (Bureau b : scope.all()) {
			byKey.put(b.code(), b);
			byKey.put(b.name(), b);
		}
		Set<Long> allowed = scope.allowed().stream().map(Bureau::id).collect(Collectors.toSet());
		Split split = new Split();
		split.description = table.describe();
		cleanDirectory(dir);
		String[][] headerCells = new String[1][];
		Header[] best = new Header[1];
		int[] looked = new int[1];
		try {
			table.read((rowNumber, cells) -> {
				if (Text.isBlank(cells)) {
					return true;
				}
				if (split.header == null) {
					Header candidate = Header.of(rowNumber, cells, columns);
					if (missing(list, candidate).isEmpty() && candidate.ambiguous().isEmpty()) {
						split.header = candidate;
						headerCells[0] = cells.clone();
						return true;
					}
					if (best[0] == null || missing(list, candidate).size() < missing(list, best[0]).size()) {
						best[0] = candidate;
					}
					return ++looked[0] < Header.SEARCH_ROWS; // perhaps a title row: look further
				}
				RowView row = new RowView(rowNumber, cells, split.header);
				String label = split.header.label(BUREAU);
				String value = row.text(BUREAU);
				Bureau bureau = byKey.get(value);
				if (value.isEmpty()) {
					split.error(rowNumber, label, null, messages.message("imports.error.required", label));
				}
				else if (bureau == null) {
					split.error(rowNumber, label, null, messages.message("imports.split.error.unknownBureau", value));
				}
				else if (!allowed.contains(bureau.id())) {
					split.error(rowNumber, label, null,
							messages.message("imports.split.error.outOfScope", bureau.name(), scope.scopeName()));
				}
				else {
					write(spool(split, dir, bureau.id(), headerCells[0]), rowNumber, cells);
				}
				return true;
			});
		}
		catch (UncheckedIOException e) {
			throw new UnreadableFileException(e.getCause(), "imports.file.unreadable");
		}
		finally {
			for (SpoolFile.Writer w : split.writers.values()) {
				try {
					w.close();
				}
				catch (IOException e) {
					log.warn("Spool file not closed", e);
				}
			}
		}
		if (split.header == null) {
			if (best[0] == null) {
				throw new UnreadableFileException("imports.file.noHeader");
			}
			Header h = best[0];
			for (Column c : missing(list, h)) {
				split.error(h.row(), h.label(c), null, messages.message("imports.error.missingColumn", c.header()));
			}
			for (var e : h.ambiguous().entrySet()) {
				split.error(h.row(), e.getKey().header(), null, messages.message("imports.error.ambiguousColumn",
						String.join("”“", e.getValue()), e.getKey().header()));
			}
		}
		return split;
	}

	/** The required columns of the list and the bureau column that a header lacks. */
	private static List<Column> missing(ListImporter<?> list, Header header) {
		List<Column> missing = new ArrayList<>(list.missing(header));
		if (!header.has(BUREAU)) {
			missing.add(BUREAU);
		}
		return missing;
	}

	private SpoolFile.Writer spool(Split split, Path dir, long bureau, String[] headerCells) {
		SpoolFile.Writer writer = split.writers.get(bureau);
		if (writer != null) {
			return writer;
		}
		try {
			Path path = dir.resolve("bureau-" + bureau + ".tsv");
			writer = new SpoolFile.Writer(path);
			writer.row(split.header.row(), headerCells);
			split.writers.put(bureau, writer);
			split.paths.put(bureau, path);
			return writer;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(SpoolFile.Writer writer, int rowNumber, String[] cells) {
		try {
			writer.row(rowNumber, cells);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	// --- the transaction ----------------------------------------------------------------------------------------

	private BureauImportResult importParts(ImportKind kind, String fileName, Split split, TransactionStatus status) {
		// Each part's lookups (units by name, people by 工号) see its bureau's rows only because row-level security binds
		// the application's role. A connection that bypasses it (a superuser, the tables' owner) would match one
		// bureau's 直属一中队 with another's: refuse rather than mix bureaus.
		if (!jdbc.sql("select row_security_active('unit')").query(Boolean.class).single()) {
			log.error("Split import of {} ({}) refused: the database role bypasses row-level security", kind.path(),
					fileName);
			return BureauImportResult.of(ImportResult.Status.REJECTED, kind, fileName,
					messages.message("imports.split.error.noRowSecurity"));
		}
		Map<Long, Bureau> bureaus = new HashMap<>();
		jdbc.sql("select id, code, name, city from bureau")
			.query((rs, n) -> new Bureau(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list()
			.forEach(b -> bureaus.put(b.id(), b));
		List<Problem> errors = new ArrayList<>(split.errors);
		List<Problem> warnings = new ArrayList<>();
		long errorCount = split.errorCount;
		long warningCount = 0;
		List<Part> parts = new ArrayList<>();
		long written = 0;
		// one account of the rows written for the whole file: the statistics follow the table as all parts fill it
		ImportEngine.GrowingTables growing = engine.growing(kind);
		for (Map.Entry<Long, SpoolFile.Writer> e : split.writers.entrySet()) {
			Bureau bureau = bureaus.get(e.getKey());
			boolean mayWrite = errorCount == 0;
			SpoolFile spool = new SpoolFile(split.paths.get(e.getKey()), split.description);
			ImportRun run = directory.withinTransaction(bureau.id(), () -> {
				ImportRun r = engine.read(kind, fileName, spool, null, mayWrite, growing);
				if (r.writing()) {
					r.recordImport(messages.message("imports.split.audit.import", kind.label(), fileName,
							spool.describe(), e.getValue().rows() - 1, r.created, r.updated, r.unchanged,
							r.problems.warningCount()));
				}
				return r;
			});
			errorCount += run.problems.errorCount();
			warningCount += run.problems.warningCount();
			written += run.created + run.updated;
			add(errors, run.problems.errors(messages), bureau);
			add(warnings, run.problems.warnings(messages), bureau);
			parts.add(new Part(bureau, e.getValue().rows() - 1, run.created, run.updated, run.unchanged,
					run.problems.errorCount(), run.problems.warningCount()));
		}
		if (errorCount > 0) {
			status.setRollbackOnly();
			List<Part> nothing = parts.stream()
				.map(p -> new Part(p.bureau(), p.rows(), 0, 0, 0, p.errors(), p.warnings()))
				.toList();
			return new BureauImportResult(kind, fileName, ImportResult.Status.REJECTED, nothing,
					closing(errors, errorCount), closing(warnings, warningCount));
		}
		if (written >= ImportEngine.ANALYZE_AFTER_ROWS) {
			engine.analyzeWritten(kind); // once for the file, every bureau's rows counted
		}
		return new BureauImportResult(kind, fileName, ImportResult.Status.IMPORTED, parts, List.of(),
				closing(warnings, warningCount));
	}

	/**
	 * Adds a part's problems (row numbers already the file's), naming the bureau; keeps the first
	 * {@value Problems#LIMIT} of the file by row. A part's own closing line ("另有 … 个问题") is left out: the file's
	 * comes at the end.
	 */
	private static void add(List<Problem> into, List<ImportProblem> problems, Bureau bureau) {
		for (ImportProblem p : problems) {
			if (p.row() != null || p.column() != null) {
				into.add(new Problem(p.row(), p.column(), bureau.name(), p.message()));
			}
		}
		into.sort(Comparator.comparing(Problem::row, Comparator.nullsFirst(Comparator.naturalOrder())));
		if (into.size() > Problems.LIMIT) {
			into.subList(Problems.LIMIT, into.size()).clear();
		}
	}

	private List<Problem> closing(List<Problem> kept, long total) {
		List<Problem> list = new ArrayList<>(kept);
		list.sort(Comparator.comparing(Problem::row, Comparator.nullsFirst(Comparator.naturalOrder())));
		if (total > list.size()) {
			list.add(Problem.ofFile(messages.message("imports.error.more", total - list.size(), list.size())));
		}
		return list;
	}

	private static void cleanDirectory(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.toList()) {
				Files.deleteIfExists(f);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void deleteQuietly(Path dir) {
		try {
			cleanDirectory(dir);
			Files.deleteIfExists(dir);
		}
		catch (IOException | UncheckedIOException e) {
			log.warn("Spool directory {} not removed", dir, e);
		}
	}

}
