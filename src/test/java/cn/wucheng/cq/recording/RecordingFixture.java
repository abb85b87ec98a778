package cn.wucheng.cq.recording;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recording data written straight to the tables, as an import or a migration of historical data would: no rule is
 * checked, so tests can build legacy data that breaks and see it listed. Complements {@code Bureau}.
 */
public final class RecordingFixture {

	private final JdbcClient jdbc;

	public RecordingFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sets a case's 案件来源 and its own 视频编号 (as the case import does). */
	public void describe(long caseId, String source, String videoNo) {
		jdbc.sql("update case_file set source = ?, video_no = ? where id = ?").params(source, videoNo, caseId).update();
	}

	public long video(long caseId, String videoNo) {
		jdbc.sql("""
				insert into case_video (case_id, video_no, video_kind, stage, created_at, created_by)
				values (?, ?, 'BODY_CAMERA', 'WHOLE_PROCESS', ?, 'legacy')""")
			.params(caseId, videoNo, LocalDateTime.of(2024, 1, 1, 0, 0))
			.update();
		return jdbc.sql("select id from case_video where case_id = ? and video_no = ?").params(caseId, videoNo)
			.query(Long.class).single();
	}

	/** A historical inquiry with the people present, written as is (no rule checked). */
	public long inquiry(long caseId, LocalDate heldOn, boolean inRoom, String place, String bodyCameraNo,
			long... present) {
		jdbc.sql("""
				insert into case_inquiry (case_id, held_on, in_inquiry_room, place, body_camera_no, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, 'legacy')""")
			.params(caseId, heldOn, inRoom, place, bodyCameraNo, LocalDateTime.of(2024, 1, 1, 0, 0))
			.update();
		long id = jdbc.sql("select max(id) from case_inquiry where case_id = ?").param(caseId).query(Long.class).single();
		for (long p : present) {
			jdbc.sql("insert into case_inquiry_attendee (inquiry_id, person_id) values (?, ?)").params(id, p).update();
		}
		return id;
	}

	public void disc(long caseId, String discNo, LocalDate archivedOn) {
		jdbc.sql("""
				insert into case_disc_archive (case_id, disc_no, archived_on, created_at, created_by)
				values (?, ?, ?, ?, 'legacy')""")
			.params(caseId, discNo, archivedOn, LocalDateTime.of(2024, 1, 1, 0, 0))
			.update();
	}

}
