package cn.wucheng.cq.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.bureau.BureauDirectory;
import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.notifications.MessageKind;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * The daily reminder run of an installation of several bureaus (issue 16: scheduled jobs per bureau): the one run of
 * the cluster writes each bureau's reminders to that bureau's own accounts, and none to another's — a run that went
 * through no bureau would see nothing under row-level security, and one that went through all at once would tell a
 * squad leader about another bureau's squad of the same name. Runs in the split import's context (several bureaus).
 * It found the scheduled run calling its own {@code @Transactional} method directly: no transaction, messages written
 * one by one, then a refused audit entry that ended the run — every day, and with several bureaus after the first.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=split")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class RemindersPerBureauTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ReminderMessages reminderMessages;

	@Autowired
	BureauDirectory directory;

	/** A bureau with one squad (the same name in both) whose leader has an account; returns the account's id. */
	private long bureauWithASquadLeader(String code, String name, String leaderName) {
		jdbc.sql("insert into bureau (code, name) values (?, ?)").params(code, name).update();
		long id = jdbc.sql("select id from bureau where code = ?").param(code).query(Long.class).single();
		return Bureaus.runAs(id, () -> {
			Bureau bureau = new Bureau(jdbc);
			long squad = bureau.unit("提醒直属中队", "直属中队");
			long leader = bureau.person("RM-L", leaderName, "MALE", LocalDate.of(1980, 5, 1), "FORMAL", squad,
					"SQUAD_LEADER");
			jdbc.sql("""
					insert into app_user (username, password_hash, display_name, role, unit_id, person_id, created_at)
					values (?, 'x', ?, ?, ?, ?, ?)""")
				.params(code + "-leader", leaderName, Role.SQUAD_LEADER.name(), squad, leader, LocalDateTime.now())
				.update();
			return jdbc.sql("select id from app_user where username = ?").param(code + "-leader")
				.query(Long.class).single();
		});
	}

	private List<String> reminders(long bureau, long account) {
		return Bureaus.runAs(bureau, () -> jdbc.sql("select text from message where recipient_id = ? and kind = ?")
			.params(account, MessageKind.REMINDER.name())
			.query(String.class)
			.list());
	}

	private long bureauId(String code) {
		return jdbc.sql("select id from bureau where code = ?").param(code).query(Long.class).single();
	}

	@Test
	void theOneDailyRunWritesEachBureausRemindersToItsOwnAccountsOnly() {
		long leaderA = bureauWithASquadLeader("rm-a", "提醒甲县综合行政执法局", "甲县提醒队长");
		long leaderB = bureauWithASquadLeader("rm-b", "提醒乙县综合行政执法局", "乙县提醒队长");
		long a = bureauId("rm-a");
		long b = bureauId("rm-b");
		// 2043: B's squad has submitted its training plan, A's has not; after the deadline A's is missing
		Bureaus.runAs(b, () -> jdbc.sql("""
				insert into training_plan (unit_id, plan_year, status, first_submitted_on, submitted_on, created_at)
				select id, 2043, 'SUBMITTED', date '2043-01-20', date '2043-01-20', current_timestamp
				from unit where name = '提醒直属中队'""").update());
		clock.setToday(LocalDate.of(2043, 2, 3));

		reminderMessages.onSchedule(); // as the scheduler calls it: no bureau of its own

		// due 31 January, a Saturday in 2043: the next working day
		String missing = "提醒直属中队 2043 年度培训计划未报送（截止 2043-02-02）（已逾期）";
		assertThat(reminders(a, leaderA)).as("A's leader, in A").containsOnlyOnce(missing);
		assertThat(reminders(b, leaderB)).as("B's leader: B's squad has its plan").noneMatch(t -> t.contains("培训计划"));
		assertThat(Bureaus.runAs(b, () -> jdbc.sql("select count(*) from message where recipient_id = ?")
			.param(leaderA).query(Long.class).single())).as("nothing of A's is B's").isZero();
		assertThat(Bureaus.runAs(a, () -> jdbc.sql("select count(*) from audit_log where action = 'REMINDER_MESSAGES_SENT'")
			.query(Long.class).single())).as("A's run is in A's audit trail").isPositive();

		// B's plan withdrawn: the next day's run tells B's leader too, and A's again, each once
		Bureaus.runAs(b, () -> jdbc.sql("delete from training_plan where plan_year = 2043").update());
		clock.setToday(LocalDate.of(2043, 2, 4));
		// the run holds its cluster lock at least 30 s (ShedLock): the next day's run, sooner here, needs it free
		jdbc.sql("update shedlock set lock_until = timestamp '2000-01-01' where name = 'reminder-messages'").update();
		reminderMessages.onSchedule();
		assertThat(reminders(b, leaderB)).containsOnlyOnce(missing);
		assertThat(reminders(a, leaderA).stream().filter(missing::equals)).hasSize(2);
	}


	/** A job's work that fails in one bureau still runs in every other, and the failure is not swallowed. */
	@Test
	void aJobThatFailsInOneBureauStillRunsInTheOthersAndSaysSo() {
		List<Long> all = directory.all().stream().map(cn.wucheng.cq.bureau.Bureau::id).toList();
		assertThat(all).hasSizeGreaterThan(2);
		List<Long> ran = new ArrayList<>();
		assertThatThrownBy(() -> directory.forEach(bureau -> {
			ran.add(Bureaus.current().orElseThrow());
			if (bureau.id() == all.get(0)) {
				throw new IllegalStateException("the first bureau's data is broken");
			}
		})).hasMessage("the first bureau's data is broken");
		assertThat(ran).as("every bureau had its turn, each within itself").isEqualTo(all);
	}

}
