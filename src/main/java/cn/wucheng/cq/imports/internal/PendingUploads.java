package cn.wucheng.cq.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpSession;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import cn.wucheng.cq.imports.ImportKind;

/**
 * Uploads waiting for their mapping step (issue 14 item 2): the file stays on the server between the upload and
 * "保存并导入", under {@code cq.shared-dir/imports/pending} with a random token as its name and owner-only permissions.
 * A token is bound to the user and the session that uploaded it: another user, or the same user in another session,
 * is answered as if it did not exist. What waits is recorded in the session, which lives in the database, and the file
 * in the directory the instances share (issue 16): the step may be shown by one instance and submitted to another.
 * Bounded: {@value #PER_USER} waiting files per user and session and {@value #TOTAL} files in the directory (the
 * oldest give way), each for {@code cq.imports.mapping.pending-ttl} (30 minutes); a clean-up every five minutes, on one
 * instance of the cluster, removes the files older than that.
 */
@Component
class PendingUploads {

	/** One waiting upload. */
	record Pending(String token, String owner, ImportKind kind, String fileName, Path file, Instant since) {
	}

	/** What the session keeps of a waiting upload: its file is the token's name in the shared directory. */
	private record Waiting(String token, String owner, ImportKind kind, String fileName, Instant since)
			implements Serializable {
	}

	static final int PER_USER = 3;

	static final int TOTAL = 20;

	/** The session attribute holding this session's waiting uploads, oldest first. */
	static final String ATTRIBUTE = PendingUploads.class.getName() + ".waiting";

	private static final Logger log = LoggerFactory.getLogger(PendingUploads.class);

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

	private final SecureRandom random = new SecureRandom();

	private final Path dir;

	private final Duration ttl;

	private final Clock clock;

	PendingUploads(@Value("${cq.imports.history.dir:${cq.shared-dir:${cq.data-dir:./data}}/imports}") Path imports,
			@Value("${cq.imports.mapping.pending-ttl:30m}") Duration ttl, Clock clock) {
		this.clock = clock;
		this.dir = imports.toAbsolutePath().normalize().resolve("pending");
		this.ttl = ttl;
		removeExpiredFiles(); // a previous run's
	}

	/** Receives an upload into a file of ours (moved, not copied, where the container can). */
	Path receive(MultipartFile upload) {
		try {
			Files.createDirectories(dir);
			Path file = Files.createTempFile(dir, "upload-", ".part");
			ownerOnly(file);
			Files.delete(file); // the container moves its file here (Part.write renames when it can)
			upload.transferTo(file.toFile());
			if (!Files.exists(file)) {
				try (InputStream in = upload.getInputStream()) {
					Files.copy(in, file);
				}
			}
			ownerOnly(file);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Keeps a received file for its mapping step; answers the token the step's form carries. */
	Pending keep(Path file, ImportKind kind, String fileName, String owner, HttpSession session) {
		String token = HexFormat.of().formatHex(bytes());
		Path kept = dir.resolve(token);
		try {
			Files.move(file, kept);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Waiting w = new Waiting(token, owner, kind, fileName, clock.instant());
		synchronized (this) { // two tabs of one session on this instance
			LinkedHashMap<String, Waiting> waiting = waiting(session);
			waiting.put(token, w);
			List<Waiting> own = waiting.values().stream().filter(o -> o.owner().equals(owner)).toList();
			for (int i = 0; i < own.size() - PER_USER; i++) {
				waiting.remove(own.get(i).token());
				delete(dir.resolve(own.get(i).token()));
			}
			session.setAttribute(ATTRIBUTE, waiting); // written back to the session store
		}
		keepAtMostTotal();
		return pending(w);
	}

	/** The waiting upload of this token if this user in this session uploaded it and it has not expired. */
	Optional<Pending> find(String token, String owner, HttpSession session) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		Waiting w;
		synchronized (this) { // two tabs of one session on this instance
			w = waiting(session).get(token);
		}
		if (w == null || !w.owner().equals(owner) || w.since().isBefore(clock.instant().minus(ttl))
				|| !Files.isRegularFile(dir.resolve(token))) {
			return Optional.empty();
		}
		return Optional.of(pending(w));
	}

	/**
	 * Hands the file over (to be imported and moved into the history): it no longer waits. Once only, across the
	 * instances too: the file is renamed atomically in the shared directory, and only one rename can succeed.
	 */
	Optional<Pending> take(String token, String owner, HttpSession session) {
		Optional<Pending> found = find(token, owner, session);
		if (found.isEmpty()) {
			return found;
		}
		Pending p = found.get();
		Path taken = dir.resolve(token + ".taken");
		try {
			Files.move(p.file(), taken, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			return Optional.empty(); // taken by a second submit, here or on another instance
		}
		synchronized (this) { // two tabs of one session on this instance
			LinkedHashMap<String, Waiting> waiting = waiting(session);
			waiting.remove(token);
			session.setAttribute(ATTRIBUTE, waiting);
		}
		return Optional.of(new Pending(p.token(), p.owner(), p.kind(), p.fileName(), taken, p.since()));
	}

	/** Waiting files in the shared directory (every instance's). */
	int count() {
		return waitingFiles().size();
	}

	/**
	 * Every five minutes, on one instance of the cluster (issue 16): the files older than an upload may wait. A
	 * session still naming one finds it gone and asks for the upload again.
	 */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
	@SchedulerLock(name = "pending-uploads-cleanup", lockAtMostFor = "PT2M")
	void cleanUp() {
		removeExpiredFiles();
	}

	private Pending pending(Waiting w) {
		return new Pending(w.token(), w.owner(), w.kind(), w.fileName(), dir.resolve(w.token()), w.since());
	}

	@SuppressWarnings("unchecked")
	private static LinkedHashMap<String, Waiting> waiting(HttpSession session) {
		Object kept = session.getAttribute(ATTRIBUTE);
		return kept instanceof LinkedHashMap<?, ?> map ? new LinkedHashMap<>((Map<String, Waiting>) map)
				: new LinkedHashMap<>();
	}

	/** At most {@link #TOTAL} waiting files in the shared directory: the oldest give way. */
	private void keepAtMostTotal() {
		List<Path> files = waitingFiles();
		for (int i = 0; i < files.size() - TOTAL; i++) {
			delete(files.get(i));
		}
	}

	/** The waiting files (named by their token), oldest first. */
	private List<Path> waitingFiles() {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
			for (Path f : entries) {
				if (TOKEN.matcher(f.getFileName().toString()).matches()) {
					files.add(f);
				}
			}
		}
		catch (IOException e) {
			log.warn("Waiting uploads in {} not listed", dir, e);
		}
		files.sort(Comparator.comparing(PendingUploads::modified).thenComparing(Comparator.naturalOrder()));
		return files;
	}

	private byte[] bytes() {
		byte[] b = new byte[16];
		random.nextBytes(b);
		return b;
	}

	/** Files (waiting, or received and never kept) older than an upload may wait. */
	private void removeExpiredFiles() {
		if (!Files.isDirectory(dir)) {
			return;
		}
		Instant before = clock.instant().minus(ttl);
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
			List<Path> old = new ArrayList<>();
			for (Path f : files) {
				if (modified(f).isBefore(before)) {
					old.add(f);
				}
			}
			old.sort(Comparator.naturalOrder());
			old.forEach(PendingUploads::delete);
		}
		catch (IOException e) {
			log.warn("Expired waiting uploads in {} not removed", dir, e);
		}
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException e) {
			return Instant.MAX; // gone meanwhile: not ours to remove
		}
	}

	static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("Waiting upload {} not removed", file, e);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

}
