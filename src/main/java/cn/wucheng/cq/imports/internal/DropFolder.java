package cn.wucheng.cq.imports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.bureau.Bureau;
import cn.wucheng.cq.bureau.BureauDirectory;
import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.imports.ImportHistory;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportProblem;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.shared.Refusals;

/**
 * The drop folder (投递目录, issue 14 item 4): a directory ({@code cq.imports.inbox}, empty = off) where a nightly
 * export lands. Every {@code cq.imports.inbox-poll} each new file is imported once, all or nothing as any import, as
 * the system user {@code imports.inbox.user} (投递目录) of the audit log, then moved to {@code done/} or
 * {@code failed/} under a time-stamped name with {@code <name>.result.txt} beside it (counts, or every problem with
 * row and column). A failure stays a reminder for the legal section ({@link DropFolderDueItems}) until a later file of
 * the same list imports.
 * <p>
 * A file is taken only when complete: names ending in {@code .part} or {@code .tmp}, hidden names ({@code .x}) and
 * Excel's lock files ({@code ~$x}) are never taken, so an exporter writes under such a name and renames at the end;
 * a file changed in the last {@code cq.imports.inbox-settle} (default 5 s) waits for the next poll, for exporters
 * that write in place.
 * <p>
 * Several bureaus (issue 16): each has its inbox, the subfolder named by its code ({@code <inbox>/jinhua-wucheng/},
 * made at the first poll, with its own {@code done/} and {@code failed/}), whose files are imported within that bureau.
 * A one-bureau installation keeps the folder itself as its inbox, as before; with several, a file left in the folder
 * itself could be any bureau's, so it is moved to {@code failed/} with a result that names the subfolders, and
 * nothing is imported.
 * <p>
 * Several instances poll under one lock (ShedLock), so a file is imported by one of them. A crash between the
 * import's commit and the move imports the file again at the next poll, which changes nothing (imports are
 * idempotent).
 */
@Component
public class DropFolder {

	private static final Logger log = LoggerFactory.getLogger(DropFolder.class);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	static final String DONE = "done";

	static final String FAILED = "failed";

	/** A bureau's code that is safe as a folder name (as the province's form requires of a new bureau's code). */
	private static final Pattern FOLDER_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	/**
	 * What one file became. {@code movedTo} is relative to the drop folder ({@code failed/20240701-020000-案件.csv},
	 * or {@code jinhua-wucheng/done/…} from a bureau's inbox).
	 */
	public record Handled(String fileName, ImportKind kind, ImportResult.Status status, String movedTo) {
	}

	private final Path inbox;

	private final Duration settle;

	private final ImportEngine engine;

	private final Refusals messages;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final BureauDirectory bureaus;

	DropFolder(@Value("${cq.imports.inbox:}") String inbox,
			@Value("${cq.imports.inbox-settle:5s}") Duration settle, ImportEngine engine, Refusals messages,
			AuditLog audit, PlatformTransactionManager transactionManager, ImportHistory history,
			BureauDirectory bureaus, Clock clock) {
		this.clock = clock;
		this.bureaus = bureaus;
		this.history = history;
		this.inbox = inbox == null || inbox.isBlank() ? null : Path.of(inbox.strip()).toAbsolutePath();
		this.settle = settle;
		this.engine = engine;
		this.messages = messages;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Scheduled(fixedDelayString = "${cq.imports.inbox-poll:60s}", initialDelayString = "${cq.imports.inbox-poll:60s}")
	// one instance at a time (issue 16): a file is imported by one of them, then moved out of the folder
	@SchedulerLock(name = "drop-folder", lockAtMostFor = "PT2M")
	void onSchedule() {
		try {
			poll();
		}
		catch (RuntimeException e) {
			// never break the scheduler: files not handled stay in the folder for the next poll
			log.warn("Drop folder {} could not be polled: {}", inbox, e.toString());
		}
	}

	/**
	 * Imports every complete file of every bureau's inbox, within its bureau, lists first that others refer to; what it
	 * did, file by file.
	 */
	public synchronized List<Handled> poll() {
		if (inbox == null) {
			return List.of();
		}
		List<Bureau> all = bureaus.all();
		List<Handled> handled = new ArrayList<>();
		if (all.size() == 1) {
			handled.addAll(Bureaus.runAs(all.get(0).id(), () -> poll(inbox, "", null)));
		}
		else {
			handled.addAll(poll(inbox, "", all)); // files of no bureau: failed, nothing imported
		}
		for (Bureau bureau : all) {
			if (!FOLDER_CODE.matcher(bureau.code()).matches() || DONE.equals(bureau.code())
					|| FAILED.equals(bureau.code())) {
				log.warn("Drop folder: bureau code {} cannot name a folder; its files are not polled", bureau.code());
				continue;
			}
			Path folder = inbox.resolve(bureau.code());
			if (all.size() > 1 || Files.isDirectory(folder)) {
				handled.addAll(Bureaus.runAs(bureau.id(), () -> poll(folder, bureau.code() + "/", null)));
			}
		}
		return handled;
	}

	/**
	 * One inbox: {@code prefix} is its place under the drop folder ("" or "code/"); {@code refusedFor}, when not null,
	 * the bureaus one of whose inboxes the files should have been put in (nothing imported).
	 */
	private List<Handled> poll(Path folder, String prefix, List<Bureau> refusedFor) {
		List<Candidate> ready = new ArrayList<>();
		Instant settled = clock.instant().minus(settle);
		try {
			Files.createDirectories(folder.resolve(DONE));
			Files.createDirectories(folder.resolve(FAILED));
			try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
				for (Path file : files) {
					if (complete(file, settled)) {
						String name = file.getFileName().toString();
						Optional<ImportKind> kind = DropFolderLists.byName(name)
							.or(() -> DropFolderLists.byHeader(file, engine));
						ready.add(new Candidate(file, name, kind.orElse(null)));
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		// a night's export of units, people and cases imports in the order they refer to each other
		ready.sort(Comparator.comparing((Candidate c) -> c.kind == null ? Integer.MAX_VALUE : c.kind.ordinal())
			.thenComparing(c -> c.name));
		List<Handled> handled = new ArrayList<>();
		for (Candidate c : ready) {
			Handled h = refusedFor == null ? handle(c, folder, prefix) : refuse(c, folder, refusedFor);
			if (h != null) {
				handled.add(h);
			}
		}
		return handled;
	}

	/** A regular file, not named as one still being written, unchanged for the settle time. */
	private static boolean complete(Path file, Instant settled) throws IOException {
		String name = file.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		if (!Files.isRegularFile(file) || name.startsWith(".") || name.startsWith("~$") || lower.endsWith(".part")
				|| lower.endsWith(".tmp")) {
			return false;
		}
		return !Files.getLastModifiedTime(file).toInstant().isAfter(settled);
	}

	private record Candidate(Path file, String name, ImportKind kind) {
	}

	private final ImportHistory history;

	/** Several bureaus, a file in the folder itself: moved to failed/ with a result naming the bureaus' inboxes. */
	private Handled refuse(Candidate c, Path folder, List<Bureau> all) {
		String user = messages.message("imports.inbox.user");
		String inboxes = String.join("、", all.stream().map(b -> messages.message("imports.inbox.bureauFolder",
				b.code(), b.name())).toList());
		ImportResult result = ImportResult.unreadable(c.kind, c.name,
				messages.message("imports.inbox.noBureau", inboxes));
		LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
		try {
			Path moved = move(c.file, folder.resolve(FAILED), now.format(STAMP) + "-" + c.name);
			Files.writeString(moved.resolveSibling(moved.getFileName() + ".result.txt"), report(result, c, user, now),
					StandardCharsets.UTF_8);
			log.warn("Drop folder: {} is in no bureau's inbox (several bureaus): moved to {}/{}", c.name, FAILED,
					moved.getFileName());
			return new Handled(c.name, c.kind, result.status(), FAILED + "/" + moved.getFileName());
		}
		catch (IOException e) {
			log.warn("Drop folder: {} is in no bureau's inbox and could not be moved: {}", c.name, e.toString());
			return null;
		}
	}

	private Handled handle(Candidate c, Path folder, String prefix) {
		String user = messages.message("imports.inbox.user");
		ImportResult result = c.kind == null
				? ImportResult.unreadable(null, c.name, messages.message("imports.inbox.unknownList", nameStarts()))
				: as(user, () -> engine.importFile(c.kind, c.name, c.file));
		if (result.status() == ImportResult.Status.BUSY) {
			log.info("Drop folder: {} waits for the next poll (other large imports running)", c.name);
			return null;
		}
		LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
		String outcome = result.imported() ? DONE : FAILED;
		try {
			Path moved = move(c.file, folder.resolve(outcome), now.format(STAMP) + "-" + c.name);
			String movedTo = prefix + outcome + "/" + moved.getFileName();
			Files.writeString(moved.resolveSibling(moved.getFileName() + ".result.txt"), report(result, c, user, now),
					StandardCharsets.UTF_8);
			// issue 14: the import history lists it beside page and API imports, with its problems, the file and where
			// it went; it is also what the legal section's reminder reads (DropFolderDueItems)
			as(user, () -> history.recordDropFolderFile(result, moved, movedTo));
			as(user, () -> transactions.execute(tx -> record(c, result, movedTo)));
			log.info("Drop folder: {} ({}) {} → {}", c.name, c.kind == null ? "?" : c.kind.path(), result.status(),
					movedTo);
			return new Handled(c.name, c.kind, result.status(), movedTo);
		}
		catch (IOException e) {
			log.warn("Drop folder: {} imported as {} but could not be moved: {}", c.name, result.status(), e.toString());
			return null;
		}
	}

	private Void record(Candidate c, ImportResult result, String movedTo) {
		audit.record("DROP_FOLDER_IMPORT", "drop_folder", movedTo,
				messages.message("imports.inbox.audit", c.name, movedTo, String.valueOf(result.errors().size())), null,
				null);
		return null;
	}

	/** Moves into the folder under the name, adding -2, -3… when a file of that name is there already. */
	private static Path move(Path file, Path folder, String name) throws IOException {
		Path target = folder.resolve(name);
		for (int i = 2; Files.exists(target); i++) {
			target = folder.resolve(name + "-" + i);
		}
		try {
			return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			return Files.move(file, target);
		}
	}

	/** The result file, for whoever opens the folder (Windows Notepad included: BOM and CRLF). */
	private String report(ImportResult r, Candidate c, String user, LocalDateTime now) {
		List<String> lines = new ArrayList<>();
		lines.add(messages.message("imports.inbox.result.file", c.name));
		lines.add(messages.message("imports.inbox.result.list",
				c.kind == null ? messages.message("imports.inbox.result.noList") : c.kind.label()));
		lines.add(messages.message("imports.inbox.result.time", now.format(SHOWN), user));
		switch (r.status()) {
			case IMPORTED -> lines.add(messages.message("imports.inbox.result.imported", String.valueOf(r.created()),
					String.valueOf(r.updated()), String.valueOf(r.unchanged())));
			case REJECTED -> lines.add(messages.message("imports.inbox.result.rejected", String.valueOf(r.errors().size())));
			default -> lines.add(messages.message("imports.inbox.result.unreadable"));
		}
		problems(lines, "imports.inbox.result.problems", r.errors());
		problems(lines, "imports.inbox.result.warnings", r.warnings());
		return "\uFEFF" + String.join("\r\n", lines) + "\r\n";
	}

	private void problems(List<String> lines, String headingKey, List<ImportProblem> problems) {
		if (problems.isEmpty()) {
			return;
		}
		lines.add(messages.message(headingKey, String.valueOf(problems.size())));
		for (ImportProblem p : problems) {
			lines.add(p.row() == null ? messages.message("imports.inbox.result.whole", p.message())
					: messages.message("imports.inbox.result.rowColumn", p.row(), p.column(), p.message()));
		}
	}

	private static String nameStarts() {
		return String.join("、", DropFolderLists.NAME_STARTS.values().stream().flatMap(List::stream).toList());
	}

	/** Runs the work as the drop folder's system user, so the audit log names it. */
	private static <T> T as(String user, Supplier<T> work) {
		SecurityContext before = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
	}

}
