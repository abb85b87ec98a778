package cn.wucheng.cq.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary files a killed process left behind. An upload, a spool or a file being written is deleted when its work
 * ends — unless the process is killed (SIGKILL, a power cut) in between: then a province's upload of a gigabyte stays
 * in the temporary directory for good. Each owner sweeps its own names when the application has started: whatever
 * is older than {@link #AGE} (no import runs for a day) is a leftover, while the files of another instance at work on
 * the same machine or shared directory are younger and stay.
 */
public final class LeftoverFiles {

	private static final Logger log = LoggerFactory.getLogger(LeftoverFiles.class);

	/** What is older than this is no one's work in progress. */
	public static final Duration AGE = Duration.ofDays(1);

	private LeftoverFiles() {
	}

	/**
	 * Deletes the entries of {@code dir} whose names match {@code glob} (a file, or a directory with everything in it)
	 * and that were last changed more than {@link #AGE} ago; a missing directory has none.
	 * @return how many entries were deleted
	 */
	public static int sweep(Path dir, String glob, Clock clock) {
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		FileTime before = FileTime.from(clock.instant().minus(AGE));
		int deleted = 0;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
			for (Path entry : entries) {
				try {
					if (Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).compareTo(before) < 0) {
						deleteTree(entry);
						deleted++;
					}
				}
				catch (NoSuchFileException gone) {
					// its owner deleted it meanwhile
				}
				catch (IOException | UncheckedIOException e) {
					log.warn("Leftover {} not deleted: {}", entry, e.toString());
				}
			}
		}
		catch (IOException e) {
			log.warn("Leftovers in {} not swept: {}", dir, e.toString());
		}
		if (deleted > 0) {
			log.info("Deleted {} leftover temporary file(s) {} in {}", deleted, glob, dir);
		}
		return deleted;
	}

	/** The system's temporary directory ({@code java.io.tmpdir}), where uploads are spooled. */
	public static Path temporaryDirectory() {
		return Path.of(System.getProperty("java.io.tmpdir"));
	}

	/** Never through a link: a link named like a leftover (in a shared /tmp) is deleted itself, not what it names. */
	private static void deleteTree(Path entry) throws IOException {
		if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
			Files.deleteIfExists(entry);
			return;
		}
		try (Stream<Path> tree = Files.walk(entry)) {
			for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
