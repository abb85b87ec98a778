package cn.wucheng.cq.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
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

import cn.wucheng.cq.imports.ImportKind;

/**
 * Uploads waiting for their mapping step (issue 14 item 2): the file stays on the server between the upload and
 * "保存并导入", under {@code cq.data-dir/imports/pending} with a random token as its name and owner-only permissions.
 * A token is bound to the user and the session that uploaded it: another user, or the same user in another session,
 * is answered as if it did not exist. Bounded: {@value #PER_USER} waiting files per user and {@value #TOTAL} in all
 * (the oldest gives way), each for {@code cq.imports.mapping.pending-ttl} (30 minutes); a clean-up every five minutes
 * removes the expired ones, and a start removes what a previous run left.
 */
@Component
class PendingUploads {

	/** One waiting upload. */
	record Pending(String token, String owner, String session, ImportKind kind, String fileName, Path file,
			Instant since) {
	}

	static final int PER_USER = 3;

	static final int TOTAL = 20;

	private static final Logger log = LoggerFactory.getLogger(PendingUploads.class);

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Pending> waiting = new LinkedHashMap<>();

	private final Path dir;

	private final Duration ttl;

	private final Clock clock;

	PendingUploads(@Value("${cq.imports.history.dir:${cq.shared-dir:${cq.data-dir:./data}}/imports}") Path imports,
			@Value("${cq.imports.mapping.pending-ttl:30m}") Duration ttl, Clock clock) {
		this.clock = clock;
		this.dir = imports.toAbsolutePath().normalize().resolve("pending");
		this.ttl = ttl;
		removeLeftovers(); // a previous run's: nothing here knows their tokens any more
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
	synchronized Pending keep(Path file, ImportKind kind, String fileName, String owner, String session) {
		removeExpired();
		String token = HexFormat.of().formatHex(bytes());
		Path kept = dir.resolve(token);
		try {
			Files.move(file, kept);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Pending p = new Pending(token, owner, session, kind, fileName, kept, clock.instant());
		waiting.put(token, p);
		List<Pending> own = waiting.values().stream().filter(w -> w.owner().equals(owner)).toList();
		for (int i = 0; i < own.size() - PER_USER; i++) {
			drop(own.get(i).token());
		}
		List<Pending> all = new ArrayList<>(waiting.values());
		for (int i = 0; i < all.size() - TOTAL; i++) {
			drop(all.get(i).token());
		}
		return p;
	}

	/** The waiting upload of this token if this user in this session uploaded it and it has not expired. */
	synchronized Optional<Pending> find(String token, String owner, String session) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		removeExpired();
		Pending p = waiting.get(token);
		if (p == null || !p.owner().equals(owner) || !p.session().equals(session)) {
			return Optional.empty();
		}
		return Optional.of(p);
	}

	/** Hands the file over (to be imported and moved into the history): it no longer waits. */
	synchronized Optional<Pending> take(String token, String owner, String session) {
		Optional<Pending> p = find(token, owner, session);
		p.ifPresent(found -> waiting.remove(found.token()));
		return p;
	}

	synchronized int count() {
		return waiting.size();
	}

	/**
	 * Every five minutes: expired uploads, and files of a previous run older than the time an upload may wait. On
	 * every instance, without a cluster lock (issue 16): the waiting uploads it drops are the ones this instance
	 * holds; a file older than the wait is nobody's.
	 */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
	synchronized void cleanUp() {
		removeExpired();
		removeLeftovers();
	}

	private void removeExpired() {
		Instant before = clock.instant().minus(ttl);
		waiting.values()
			.stream()
			.filter(p -> p.since().isBefore(before))
			.map(Pending::token)
			.toList()
			.forEach(this::drop);
	}

	private void drop(String token) {
		Pending p = waiting.remove(token);
		if (p != null) {
			delete(p.file());
		}
	}

	private byte[] bytes() {
		byte[] b = new byte[16];
		random.nextBytes(b);
		return b;
	}

	private void removeLeftovers() {
		if (!Files.isDirectory(dir)) {
			return;
		}
		Instant before = clock.instant().minus(ttl);
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
			List<Path> old = new ArrayList<>();
			for (Path f : files) {
				if (!waiting.containsKey(f.getFileName().toString())
						&& Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
					old.add(f);
				}
			}
			old.sort(Comparator.naturalOrder());
			old.forEach(PendingUploads::delete);
		}
		catch (IOException e) {
			log.warn("Waiting uploads of a previous run in {} not removed", dir, e);
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
