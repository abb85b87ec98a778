package cn.wucheng.cq.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Training records straight into the test database, in the language of the programme: a squad's plan of a year
 * with items, a session held from one of them, an attendee. For tests that need data in place rather than the
 * workflow that makes it.
 */
public final class TrainingFixture {

	private final JdbcClient jdbc;

	public TrainingFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A plan in the given status (DRAFT, SUBMITTED, CHANGES_REQUESTED, COORDINATED) with one item per topic. */
	public long plan(long unitId, int year, String status, String... topics) {
		LocalDate submitted = status.equals("DRAFT") ? null : LocalDate.of(year, 1, 20);
		LocalDate coordinated = status.equals("COORDINATED") ? LocalDate.of(year, 2, 20) : null;
		jdbc.sql("""
				insert into training_plan (unit_id, plan_year, status, first_submitted_on, submitted_on, submitted_by,
				  coordinated_on, coordinated_by, created_at)
				values (?, ?, ?, ?, ?, 'fixture', ?, ?, ?)""")
			.params(unitId, year, status, submitted, submitted, coordinated, coordinated == null ? null : "fixture",
					LocalDateTime.of(year, 1, 5, 9, 0))
			.update();
		long id = jdbc.sql("select id from training_plan where unit_id = ? and plan_year = ?")
			.params(unitId, year)
			.query(Long.class)
			.single();
		for (int i = 0; i < topics.length; i++) {
			jdbc.sql("""
					insert into training_plan_item (plan_id, item_no, topic, content, item_month, hours, trainer,
					  trainees, assessment)
					values (?, ?, ?, '内容', ?, 2.5, '法制科', '全体正式队员', '闭卷考试')""")
				.params(id, i + 1, topics[i], 3 + i)
				.update();
		}
		return id;
	}

	/** A session held from item 1 of a plan. */
	public long session(long planId, LocalDate heldOn, String hours, LocalDate bankReleasedOn) {
		jdbc.sql("""
				insert into training_session (plan_id, item_no, plan_year, unit_id, topic, held_on, place, hours,
				  bank_released_on, created_at)
				select p.id, 1, p.plan_year, p.unit_id, i.topic, ?, '会议室', ?, ?, ?
				from training_plan p join training_plan_item i on i.plan_id = p.id and i.item_no = 1
				where p.id = ?""")
			.params(heldOn, new BigDecimal(hours), bankReleasedOn, LocalDateTime.now(), planId)
			.update();
		return jdbc.sql("select max(id) from training_session where plan_id = ?").param(planId).query(Long.class).single();
	}

	/** An attendee; {@code replacesId} is the formal officer an auxiliary attended in place of, or null. */
	public void attend(long sessionId, long personId, boolean signedIn, String score, Long replacesId) {
		jdbc.sql("insert into training_attendee (session_id, person_id, signed_in, score, replaces_id) values (?, ?, ?, ?, ?)")
			.params(sessionId, personId, signedIn, score == null ? null : new BigDecimal(score), replacesId)
			.update();
	}

}
