package cn.wucheng.cq.imports.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.shared.LeftoverFiles;

/**
 * The imports' spool files in the temporary directory that a killed process left (fault tolerance): an upload being
 * imported ({@code cq-import-*.upload}: the pages, the API, the split import), a pushed case list
 * ({@code cq-push-*.json}), a split import's per-bureau spools ({@code cq-split-*}) and the uploads Tomcat received
 * for any page or call ({@link #TOMCAT_UPLOAD}). Swept once the application
 * has started, those older than {@link LeftoverFiles#AGE} only (another instance on the machine may be importing).
 */
@Component
class SpoolLeftovers {

	private static final Logger log = LoggerFactory.getLogger(SpoolLeftovers.class);

	/** The names the imports give their temporary files and directories. */
	static final String[] NAMES = { "cq-import-*.upload", "cq-push-*.json", "cq-split-*" };

	private final Clock clock;

	private final Path dir;

	@Autowired
	SpoolLeftovers(Clock clock) {
		this(clock, LeftoverFiles.temporaryDirectory());
	}

	SpoolLeftovers(Clock clock, Path dir) {
		this.clock = clock;
		this.dir = dir;
	}

	/**
	 * Where the embedded Tomcat writes a multipart upload before the application reads it: its base directory is
	 * {@code tomcat.<port>.<random>} in the temporary directory, a new one at every start, deleted at a normal stop
	 * only. Each upload there is {@code upload_<uuid>_<n>.tmp}.
	 */
	static final String TOMCAT_BASES = "tomcat.*";

	static final Path TOMCAT_UPLOADS = Path.of("work", "Tomcat", "localhost", "ROOT");

	static final String TOMCAT_UPLOAD = "upload_*.tmp";

	@EventListener(ApplicationReadyEvent.class)
	int sweep() {
		int deleted = 0;
		for (String name : NAMES) {
			deleted += LeftoverFiles.sweep(dir, name, clock);
		}
		return deleted + sweepTomcatUploads();
	}

	/**
	 * The uploads of a Tomcat killed mid-request (a file of up to 100 MB each), in every Tomcat base directory: only
	 * the uploads older than {@link LeftoverFiles#AGE}, never the base directory itself — another instance on the
	 * machine, started days ago, still works in its own — and never through a link.
	 */
	private int sweepTomcatUploads() {
		int deleted = 0;
		try (DirectoryStream<Path> bases = Files.newDirectoryStream(dir, TOMCAT_BASES)) {
			for (Path base : bases) {
				if (Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
					deleted += LeftoverFiles.sweep(base.resolve(TOMCAT_UPLOADS), TOMCAT_UPLOAD, clock);
				}
			}
		}
		catch (IOException e) {
			log.warn("Tomcat's leftover uploads in {} not swept: {}", dir, e.toString());
		}
		return deleted;
	}

}
