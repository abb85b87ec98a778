package cn.wucheng.cq.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.wucheng.cq.shared.LeftoverFiles;

/**
 * A killed process leaves its spool files behind (fault tolerance): the next start deletes the imports' own names
 * older than a day, and nothing else — not another instance's upload in progress, not a file of another name, not
 * what a link named like a leftover points to.
 */
class SpoolLeftoversTests {

	/** Three days on: what is made now (the link below, whose own time cannot be set) is three days old then. */
	static final Instant NOW = Instant.now().plus(Duration.ofDays(3));

	@TempDir
	Path tmp;

	@TempDir
	Path elsewhere;

	private Path file(String name, Duration age) throws IOException {
		Path file = Files.writeString(tmp.resolve(name), "x");
		Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
		return file;
	}

	@Test
	void aStartDeletesTheImportsLeftoversOlderThanADayAndNothingElse() throws IOException {
		Path killed = file("cq-import-123.upload", Duration.ofDays(3));
		Path pushed = file("cq-push-9.json", Duration.ofHours(25));
		Path inProgress = file("cq-import-456.upload", Duration.ofMinutes(10)); // another instance's, at work
		Path other = file("report.upload", Duration.ofDays(30));
		Path spool = Files.createDirectory(tmp.resolve("cq-split-77"));
		Files.writeString(spool.resolve("b001.csv"), "rows");
		Files.setLastModifiedTime(spool, FileTime.from(NOW.minus(Duration.ofDays(2))));
		// a link named like a leftover (a shared /tmp): the link goes, what it names stays
		Path precious = Files.writeString(elsewhere.resolve("keep.txt"), "keep");
		Path link = Files.createSymbolicLink(tmp.resolve("cq-split-link"), elsewhere);

		int deleted = new SpoolLeftovers(Clock.fixed(NOW, ZoneOffset.UTC), tmp).sweep();

		assertThat(killed).doesNotExist();
		assertThat(pushed).doesNotExist();
		assertThat(spool).doesNotExist();
		assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
		assertThat(deleted).isEqualTo(4);
		assertThat(inProgress).exists();
		assertThat(other).exists();
		assertThat(precious).exists().hasContent("keep");
	}

	/**
	 * Tomcat writes each multipart upload to its base directory's work directory, a new base at every start: a
	 * process killed mid-upload leaves the file. The start deletes the uploads older than a day in every base, and
	 * nothing of a base still in use: not a younger upload, not its other files, not the base itself.
	 */
	@Test
	void aStartDeletesTheUploadsOfAKilledTomcatOlderThanADay() throws IOException {
		Path killedBase = Files.createDirectories(tmp.resolve("tomcat.8080.1234567").resolve(SpoolLeftovers.TOMCAT_UPLOADS));
		Path runningBase = Files.createDirectories(tmp.resolve("tomcat.8081.7654321").resolve(SpoolLeftovers.TOMCAT_UPLOADS));
		Path killed = aged(killedBase.resolve("upload_5f1e_00000001.tmp"), Duration.ofDays(2));
		Path running = aged(runningBase.resolve("upload_9a2b_00000007.tmp"), Duration.ofMinutes(1));
		Path oldButOther = aged(runningBase.resolve("SESSIONS.ser"), Duration.ofDays(5));
		// a link named like a base (a shared /tmp): not followed
		Path precious = aged(Files.createDirectories(elsewhere.resolve(SpoolLeftovers.TOMCAT_UPLOADS))
			.resolve("upload_keep_1.tmp"), Duration.ofDays(9));
		Files.createSymbolicLink(tmp.resolve("tomcat.9090.link"), elsewhere);

		int deleted = new SpoolLeftovers(Clock.fixed(NOW, ZoneOffset.UTC), tmp).sweep();

		assertThat(killed).doesNotExist();
		assertThat(deleted).isEqualTo(1);
		assertThat(killedBase).exists();
		assertThat(running).exists();
		assertThat(oldButOther).exists();
		assertThat(precious).exists();
	}

	private static Path aged(Path file, Duration age) throws IOException {
		Files.writeString(file, "x");
		Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
		return file;
	}

	@Test
	void aMissingDirectoryHasNoLeftovers() {
		assertThat(LeftoverFiles.sweep(tmp.resolve("none"), "*", Clock.systemUTC())).isZero();
	}

}
