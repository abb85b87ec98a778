package cn.wucheng.cq.supervision.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import cn.wucheng.cq.shared.LeftoverFiles;

/**
 * Where evidence files live: a directory under the data directory ({@code cq.data-dir}, {@code CQ_DATA_DIR}; setting
 * {@code cq.supervision.files-dir} to move it), outside the web root. Each file is stored under a generated name
 * (a UUID, no extension) with owner-only read/write permissions — never executable — so nothing a user sends can
 * choose a path, overwrite another file or be run. The size limit is {@code cq.supervision.evidence-max-size}
 * (20 MB by default).
 */
@Component
class EvidenceStore {

	private static final Pattern STORED_NAME = Pattern.compile("[0-9a-f]{32}");

	private final Path dir;

	private final DataSize maxSize;

	private final Clock clock;

	EvidenceStore(@Value("${cq.supervision.files-dir:${cq.shared-dir:${cq.data-dir:./data}}/supervision-files}") Path dir,
			@Value("${cq.supervision.evidence-max-size:20MB}") DataSize maxSize, Clock clock) {
		this.dir = dir.toAbsolutePath().normalize();
		this.maxSize = maxSize;
		this.clock = clock;
	}

	/** Evidence files a killed process left half written ({@code upload-*.part}), once the application has started. */
	@EventListener(ApplicationReadyEvent.class)
	int removeLeftovers() {
		return LeftoverFiles.sweep(dir, "upload-*.part", clock);
	}

	DataSize maxSize() {
		return maxSize;
	}

	/** A file as stored: its generated name, the SHA-256 of the content. */
	record Stored(String storedName, String sha256) {
	}

	/** Writes the content under a new generated name. */
	Stored write(byte[] content) {
		try {
			Files.createDirectories(dir);
			String name = UUID.randomUUID().toString().replace("-", "");
			Path tmp = Files.createTempFile(dir, "upload-", ".part");
			Files.write(tmp, content);
			ownerReadWriteOnly(tmp);
			Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
			return new Stored(name, sha256(content));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The path of a stored file; the name must be one this store generated (no path can be smuggled in). */
	Path path(String storedName) {
		if (storedName == null || !STORED_NAME.matcher(storedName).matches()) {
			throw new IllegalArgumentException("not a stored name");
		}
		return dir.resolve(storedName);
	}

	void delete(String storedName) {
		try {
			Files.deleteIfExists(path(storedName));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void ownerReadWriteOnly(Path file) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		else {
			file.toFile().setExecutable(false, false);
		}
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
