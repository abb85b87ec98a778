package cn.wucheng.cq.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

import cn.wucheng.cq.imports.ImportKind;

/**
 * Uploads waiting for their mapping step on several instances (issue 16 item 4): what waits is in the session (kept
 * in the database, here a session object both "instances" see) and the file in the shared directory, so the step an
 * instance showed can be submitted to another; the file is handed over once, whichever instance is asked.
 */
class PendingUploadsTests {

	@TempDir
	Path shared;

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);

	private PendingUploads instance() {
		return new PendingUploads(shared, Duration.ofMinutes(30), clock);
	}

	private PendingUploads.Pending upload(PendingUploads on, MockHttpSession session, String owner) {
		Path received = on.receive(new MockMultipartFile("file", "platform.csv", "text/csv",
				"案件编号,主办人\n".getBytes(StandardCharsets.UTF_8)));
		return on.keep(received, ImportKind.CASES, "platform.csv", owner, session);
	}

	@Test
	void theStepShownByOneInstanceIsSubmittedToAnotherAndTheFileIsHandedOverOnce() throws Exception {
		PendingUploads a = instance();
		PendingUploads b = instance();
		MockHttpSession session = new MockHttpSession();
		PendingUploads.Pending kept = upload(a, session, "legal");

		assertThat(b.find(kept.token(), "legal", session)).as("the other instance finds the upload").isPresent();
		var taken = b.take(kept.token(), "legal", session);
		assertThat(taken).isPresent();
		assertThat(Files.readString(taken.get().file(), StandardCharsets.UTF_8)).startsWith("案件编号");
		assertThat(a.take(kept.token(), "legal", session)).as("a second submit, to the first instance").isEmpty();
		assertThat(b.take(kept.token(), "legal", session)).as("a second submit, to the same instance").isEmpty();
	}

	@Test
	void anotherSessionOrAnotherUserFindsNothingOnAnyInstance() {
		PendingUploads a = instance();
		MockHttpSession session = new MockHttpSession();
		PendingUploads.Pending kept = upload(a, session, "legal");

		assertThat(instance().find(kept.token(), "legal", new MockHttpSession())).isEmpty();
		assertThat(instance().find(kept.token(), "legal2", session)).isEmpty();
		assertThat(instance().find("not-a-token", "legal", session)).isEmpty();
	}

	@Test
	void theSharedDirectoryHoldsAtMostTheTotalAndASessionAtMostItsShareTheOldestGivingWay() throws Exception {
		PendingUploads a = instance();
		PendingUploads b = instance();
		MockHttpSession mine = new MockHttpSession();
		List<PendingUploads.Pending> own = new ArrayList<>();
		for (int i = 0; i < PendingUploads.PER_USER + 1; i++) {
			own.add(upload(i % 2 == 0 ? a : b, mine, "legal"));
			Files.setLastModifiedTime(own.get(i).file(), FileTime.from(clock.instant().minusSeconds(10 - i)));
		}
		assertThat(a.find(own.get(0).token(), "legal", mine)).as("the session's oldest gave way").isEmpty();
		assertThat(Files.exists(own.get(0).file())).isFalse();
		assertThat(b.find(own.get(PendingUploads.PER_USER).token(), "legal", mine)).isPresent();

		for (int i = 0; i < PendingUploads.TOTAL; i++) {
			Path file = upload(i % 2 == 0 ? a : b, new MockHttpSession(), "user" + i).file();
			Files.setLastModifiedTime(file, FileTime.from(clock.instant().plusSeconds(i + 1)));
		}
		assertThat(a.count()).as("waiting files of both instances").isEqualTo(PendingUploads.TOTAL);
		assertThat(b.find(own.get(PendingUploads.PER_USER).token(), "legal", mine))
			.as("older files gave way to the newer ones of other sessions")
			.isEmpty();
	}

}
