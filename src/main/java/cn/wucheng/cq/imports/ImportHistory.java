package cn.wucheng.cq.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.shared.LeftoverFiles;
import cn.wucheng.cq.shared.ListPage;
import cn.wucheng.cq.security.CurrentUser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import cn.wucheng.cq.bureau.BureauDirectory;

/**
 * The import history (issue 14, item 6): one row per import of a file — from the page, the API or the drop folder —
 * with who, when, the counts and the same problems the import page showed. The file is kept under
 * {@code cq.data-dir/imports} with a generated name and owner-only permissions for
 * {@code cq.imports.history.retention-days} (180 by default; a nightly clean-up removes older files, the row stays).
 * Whoever imports a file calls {@link #record(ImportSource, ImportResult, Path)}; {@link Imports} does so for uploads.
 */
@Service
public class ImportHistory {

	/**
	 * One import as the history shows it; {@code fileKept} is false once the retention has passed. {@code kind} is
	 * null for a drop-folder file of no known list; {@code movedTo} is where the drop folder moved its file.
	 */
	public record Entry(long id, LocalDateTime at, String username, ImportSource source, ImportKind kind,
			String fileName, ImportResult.Status status, int created, int updated, int unchanged,
			List<ImportProblem> errors, List<ImportProblem> warnings, boolean fileKept, Long fileSize,
			String movedTo) {
	}

	private static final Logger log = LoggerFactory.getLogger(ImportHistory.class);

	private static final Pattern STORED_NAME = Pattern.compile("[0-9a-f]{32}");

	private static final TypeReference<List<ImportProblem>> PROBLEMS = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Path dir;

	private final int retentionDays;

	private final Clock clock;

	private final BureauDirectory bureaus;

	ImportHistory(JdbcClient jdbc, AuditLog audit,
			@Value("${cq.imports.history.dir:${cq.shared-dir:${cq.data-dir:./data}}/imports}") Path dir,
			@Value("${cq.imports.history.retention-days:180}") int retentionDays, Clock clock,
			BureauDirectory bureaus) {
		this.bureaus = bureaus;
		this.clock = clock;
		this.jdbc = jdbc;
		this.audit = audit;
		this.dir = dir.toAbsolutePath().normalize();
		this.retentionDays = retentionDays;
	}

	/**
	 * Records an import and keeps a copy of its file (the caller's file is left where it is, e.g. for the drop folder
	 * to move to {@code done/}). The user is the signed-in one, none for the drop folder. Returns the row's id.
	 */
	public long record(ImportSource source, ImportResult result, Path file) {
		return record(source, result, file, false);
	}

	/**
	 * A file of the drop folder, after it was moved to {@code movedTo} ({@code done/…}, {@code failed/…}); also one
	 * of no known list ({@code result.kind()} null), which stays a reminder until a later file imports.
	 */
	public long recordDropFolderFile(ImportResult result, Path file, String movedTo) {
		return record(ImportSource.INBOX, result, file, false, movedTo);
	}

	/** As {@link #record(ImportSource, ImportResult, Path)}, moving a temporary file instead of copying it. */
	long record(ImportSource source, ImportResult result, Path file, boolean move) {
		return record(source, result, file, move, null);
	}

	private long record(ImportSource source, ImportResult result, Path file, boolean move, String movedTo) {
		String stored = null;
		Long size = null;
		try {
			if (file != null && Files.isRegularFile(file)) {
				size = Files.size(file);
				stored = keep(file, move);
			}
		}
		catch (IOException | UncheckedIOException e) {
			// the history row matters more than the copy: record the import without its file
			log.warn("Import file {} not kept for the history", result.fileName(), e);
			stored = null;
		}
		String username = CurrentUser.find().map(CurrentUser::username).orElse(null);
		return jdbc.sql("""
				insert into import_history (imported_at, username, source, kind, file_name, status, created, updated,
				    unchanged, errors, warnings, stored_name, file_size, moved_to)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), username, source.name(),
					result.kind() == null ? null : result.kind().path(),
					cut(result.fileName() == null ? "" : result.fileName(), 255), result.status().name(),
					result.created(), result.updated(), result.unchanged(), json.writeValueAsString(result.errors()),
					json.writeValueAsString(result.warnings()), stored, size, movedTo == null ? null : cut(movedTo, 500))
			.query(Long.class)
			.single();
	}

	/** One page of every import, newest first (a bureau's history grows by a few imports a day, for years). */
	public ListPage<Entry> page(int page, int size) {
		long total = jdbc.sql("select count(*) from import_history").query(Long.class).single();
		List<Entry> items = jdbc.sql("select * from import_history order by imported_at desc, id desc limit ? offset ?")
			.params(size, ListPage.offset(page, size))
			.query(this::entry)
			.list();
		return new ListPage<>(items, page, size, total);
	}

	/** The latest imports, newest first. */
	public List<Entry> list(int limit) {
		return jdbc.sql("select * from import_history order by imported_at desc, id desc limit ?")
			.param(limit)
			.query(this::entry)
			.list();
	}

	public Optional<Entry> find(long id) {
		return jdbc.sql("select * from import_history where id = ?").param(id).query(this::entry).optional();
	}

	/**
	 * The kept file of an import, for its download: audited (who took which file). Empty when there is no such import
	 * or its file is no longer kept.
	 */
	@Transactional
	public Optional<Path> download(long id) {
		Optional<Entry> entry = find(id);
		Optional<String> stored = jdbc.sql("select stored_name from import_history where id = ?")
			.param(id)
			.query(String.class)
			.optional();
		if (entry.isEmpty() || stored.isEmpty() || !STORED_NAME.matcher(stored.get()).matches()
				|| !Files.isRegularFile(dir.resolve(stored.get()))) {
			return Optional.empty();
		}
		Entry e = entry.get();
		audit.record("IMPORT_FILE_DOWNLOAD", "import_history", String.valueOf(id),
				(e.kind() == null ? "-" : e.kind().path()) + " " + e.fileName() + " " + e.at(), null, null);
		return Optional.of(dir.resolve(stored.get()));
	}

	/**
	 * Every night at 3:15, once per cluster (issue 16: the kept files are in the shared directory); void because
	 * ShedLock cannot lock a method that returns a primitive.
	 */
	@Scheduled(cron = "${cq.imports.history.cleanup-cron:0 15 3 * * *}")
	@SchedulerLock(name = "import-history-cleanup", lockAtLeastFor = "PT30S", lockAtMostFor = "PT2M")
	public void removeExpiredFilesNightly() {
		bureaus.forEach(bureau -> removeExpiredFiles()); // each bureau's history (issue 16)
	}

	/** The kept files a killed process left half written ({@code import-*.part}), once the application has started. */
	@EventListener(ApplicationReadyEvent.class)
	public int removeLeftovers() {
		return LeftoverFiles.sweep(dir, "import-*.part", clock);
	}

	/** Removes the files older than the retention; the rows stay, marked as without file. */
	public int removeExpiredFiles() {
		LocalDateTime before = LocalDateTime.now(clock).minusDays(retentionDays);
		List<String> names = jdbc.sql("""
				select stored_name from import_history where stored_name is not null and imported_at < ?""")
			.param(before)
			.query(String.class)
			.list();
		for (String name : names) {
			try {
				if (STORED_NAME.matcher(name).matches()) {
					Files.deleteIfExists(dir.resolve(name));
				}
				jdbc.sql("update import_history set stored_name = null where stored_name = ?").param(name).update();
			}
			catch (IOException e) {
				log.warn("Kept import file {} not removed", name, e);
			}
		}
		return names.size();
	}

	private String keep(Path file, boolean move) {
		try {
			Files.createDirectories(dir);
			String name = UUID.randomUUID().toString().replace("-", "");
			Path tmp = Files.createTempFile(dir, "import-", ".part");
			ownerReadWriteOnly(tmp);
			if (move) {
				Files.move(file, tmp, StandardCopyOption.REPLACE_EXISTING);
				ownerReadWriteOnly(tmp); // a moved file keeps its own permissions
			}
			else {
				Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
			}
			Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
			return name;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void ownerReadWriteOnly(Path file) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

	private Entry entry(ResultSet rs, int row) throws SQLException {
		Timestamp at = rs.getTimestamp("imported_at");
		long size = rs.getLong("file_size");
		Long fileSize = rs.wasNull() ? null : size;
		return new Entry(rs.getLong("id"), at.toLocalDateTime(), rs.getString("username"),
				ImportSource.valueOf(rs.getString("source")),
				rs.getString("kind") == null ? null : ImportKind.fromPath(rs.getString("kind")).orElseThrow(),
				rs.getString("file_name"), ImportResult.Status.valueOf(rs.getString("status")), rs.getInt("created"),
				rs.getInt("updated"), rs.getInt("unchanged"), json.readValue(rs.getString("errors"), PROBLEMS),
				json.readValue(rs.getString("warnings"), PROBLEMS), rs.getString("stored_name") != null, fileSize,
				rs.getString("moved_to"));
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}
