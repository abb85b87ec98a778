package cn.wucheng.cq.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;
import cn.wucheng.cq.supervision.TaskStatus;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.training.TrainingFixture;

/**
 * R-70 with: a task's status computed from the data (系统抓取) — training plans by 31 January, the
 * case-handling standard, the month's review meeting — the overdue flag from the working-day calendar, the status set
 * by hand and its refusals, and the reminders of the legal section. Its own context (fresh database), because the
 * statuses count every squad of the bureau.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=supervision-data")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskStatusFromDataTests {

	static final CurrentUser LEGAL = new CurrentUser(1L, "legal", "法制科", Role.LEGAL, null, null);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	TaskBoard board;

	@Autowired
	SupervisionDueItems dueItems;

	@Autowired
	SupervisionTaskRepository tasks;

	long direct1;

	long direct2;

	long class1;

	@BeforeAll
	void bureau() {
		Bureau bureau = new Bureau(jdbc);
		direct1 = bureau.unit("状态直属一中队", "直属中队");
		direct2 = bureau.unit("状态直属二中队", "直属中队");
		class1 = bureau.unit("状态一类中队", "一类中队");
		long a = bureau.officer("ST-A", "状态甲", class1);
		long b = bureau.officer("ST-B", "状态乙", class1);
		bureau.officer("ST-C", "状态丙", class1);
		bureau.concludedCase("ST-1", "普通程序", class1, a, b, LocalDate.of(2024, 2, 10));
		bureau.concludedCase("ST-2", "普通程序", class1, b, a, LocalDate.of(2024, 3, 10));
	}

	TaskBoard.TaskView task(int no, LocalDate today) {
		return board.board(LEGAL, today).stream().filter(t -> t.task().getTaskNo() == no).findFirst().orElseThrow();
	}

	@Test
	void r70_task13IsComputedFromThePlansSubmittedBy31JanuaryAndIsOverdueAfterItWhileOneIsMissing() {
		TrainingFixture training = new TrainingFixture(jdbc);
		training.plan(direct1, 2024, "SUBMITTED", "执法文书"); // first submitted 2024-01-20
		clock.setToday(LocalDate.of(2024, 1, 25));
		TaskBoard.TaskView before = task(13, LocalDate.of(2024, 1, 25));
		assertThat(before.computed()).isTrue();
		assertThat(before.status()).isEqualTo(TaskStatus.IN_PROGRESS);
		assertThat(before.note()).contains("1 / 2 个直属中队已报送培训计划", "截止 2024-01-31");
		assertThat(before.overdue()).isFalse();

		TaskBoard.TaskView after = task(13, LocalDate.of(2024, 2, 1));
		assertThat(after.status()).isEqualTo(TaskStatus.OVERDUE);
		assertThat(after.overdue()).isTrue();

		long late = training.plan(direct2, 2024, "SUBMITTED", "证据规范");
		jdbc.sql("update training_plan set first_submitted_on = ? where id = ?").params(LocalDate.of(2024, 2, 3), late).update();
		TaskBoard.TaskView done = task(13, LocalDate.of(2024, 2, 5));
		assertThat(done.status()).isEqualTo(TaskStatus.DONE);
		assertThat(done.overdue()).isFalse();
		assertThat(done.note()).contains("2 / 2", "其中 1 个逾期报送");
	}

	@Test
	void r70_task1IsComputedFromTheCaseHandlingStandardOfTheLastQuarterEnded() {
		TaskBoard.TaskView t = task(1, LocalDate.of(2024, 4, 10));
		assertThat(t.computed()).isTrue();
		// 状态甲 and 状态乙 handled two ordinary cases each in Q1 (standard: ordinary ≥ 2); 状态丙 none
		assertThat(t.note()).isEqualTo("2024年第1季度：应考核 3 人，达标 2 人，未达标 1 人。");
		assertThat(t.status()).isEqualTo(TaskStatus.IN_PROGRESS);
		// after the last batch (二类中队 to 30 June) a standard still not met is overdue
		assertThat(task(1, LocalDate.of(2024, 7, 2)).status()).isEqualTo(TaskStatus.OVERDUE);
		assertThat(task(1, LocalDate.of(2024, 4, 10)).deadline().windows()).hasSize(3);
	}

	@Test
	void r72_r27_theMonthsMeetingIsDueBy25thMovedToTheNextWorkingDay() {
		// 25 February 2024 is a Sunday: the meeting is due on Monday 26 February
		assertThat(task(16, LocalDate.of(2024, 2, 26)).status()).isEqualTo(TaskStatus.NOT_STARTED);
		assertThat(task(16, LocalDate.of(2024, 2, 26)).deadline().due()).isEqualTo(LocalDate.of(2024, 2, 26));
		assertThat(task(16, LocalDate.of(2024, 2, 27)).status()).isEqualTo(TaskStatus.OVERDUE);
		jdbc.sql("""
				insert into supervision_meeting (held_on, attendees, minutes, created_by, created_at)
				values (?, '法制科全体', '研判', 'legal', ?)""").params(LocalDate.of(2024, 5, 20), LocalDate.of(2024, 5, 20).atStartOfDay()).update();
		TaskBoard.TaskView may = task(16, LocalDate.of(2024, 5, 28));
		assertThat(may.status()).isEqualTo(TaskStatus.DONE);
		assertThat(may.note()).contains("2024年5月研判会商已于 2024-05-20 召开");
	}

	@Test
	void r70_aTaskSetByHandNeedsANoteCannotBeSetOverdueAndAComputedTaskCannotBeSetByHand() throws Exception {
		clock.setToday(LocalDate.of(2024, 3, 20));
		SupervisionTask t9 = tasks.findAll().stream().filter(t -> t.getTaskNo() == 9).findFirst().orElseThrow();
		String path = "/supervision/tasks/" + t9.getId() + "/status";
		mvc.perform(post(path).with(Users.supervision()).with(csrf()).param("status", "DONE").param("note", " "))
			.andExpect(flash().attribute("flashError", "设置任务状态须填写说明（核查情况）。"));
		mvc.perform(post(path).with(Users.supervision()).with(csrf()).param("status", "OVERDUE").param("note", "x"))
			.andExpect(flash().attribute("flashError",
					"“逾期”由系统根据完成时限判定，不能手工设置；请选择未开始、进行中或已完成。"));
		mvc.perform(post(path).with(Users.supervision()).with(csrf()).param("status", "DONE")
			.param("note", "3月案卷互评已组织，评比结果已归档").param("version", String.valueOf(t9.getVersion())))
			.andExpect(flash().attribute("flashSuccess", "第 9 项任务状态已设为“已完成”。"));
		assertThat(task(9, LocalDate.of(2024, 3, 29)).status()).isEqualTo(TaskStatus.DONE);
		assertThat(task(9, LocalDate.of(2024, 3, 29)).note()).isEqualTo("3月案卷互评已组织，评比结果已归档");
		// monthly: a new month is a new round, overdue after its last day (30 April 2024, a Tuesday)
		assertThat(task(9, LocalDate.of(2024, 4, 15)).status()).isEqualTo(TaskStatus.IN_PROGRESS);
		assertThat(task(9, LocalDate.of(2024, 4, 15)).overdue()).isFalse();
		TaskBoard.TaskView missedApril = task(9, LocalDate.of(2024, 5, 1));
		assertThat(missedApril.status()).isEqualTo(TaskStatus.OVERDUE);
		assertThat(missedApril.deadline().due()).isEqualTo(LocalDate.of(2024, 4, 30));
		// a stale form (version shown before the change) is refused, not overwritten
		mvc.perform(post(path).with(Users.legalSection()).with(csrf()).param("status", "IN_PROGRESS").param("note", "旧")
			.param("version", String.valueOf(t9.getVersion())))
			.andExpect(flash().attribute("flashError", "该任务已被他人修改，请查看最新状态后重新设置。"));
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'SUPERVISION_TASK_STATUS' and entity_key = 'T09'")
			.query(Integer.class).single()).isEqualTo(1);

		SupervisionTask t13 = tasks.findAll().stream().filter(t -> t.getTaskNo() == 13).findFirst().orElseThrow();
		mvc.perform(post("/supervision/tasks/" + t13.getId() + "/status").with(Users.legalSection()).with(csrf())
			.param("status", "DONE").param("note", "已报送"))
			.andExpect(flash().attribute("flashError", "第 13 项任务的状态由系统根据数据计算（系统抓取），不能手工设置。"));
	}

	@Test
	void r70_aOneOffTaskNotDoneIsOverdueTheDayAfterItsDeadline() {
		assertThat(task(17, LocalDate.of(2024, 7, 31)).status()).isEqualTo(TaskStatus.NOT_STARTED);
		assertThat(task(17, LocalDate.of(2024, 8, 1)).status()).isEqualTo(TaskStatus.OVERDUE);
		// 长期: never overdue
		assertThat(task(15, LocalDate.of(2024, 12, 31)).overdue()).isFalse();
		assertThat(task(15, LocalDate.of(2024, 12, 31)).deadline().due()).isNull();
	}

	@Test
	void remindersListOverdueTasksTheMissingMeetingAndTheReportDueForTheLegalSectionOnly() {
		List<DueItem> items = dueItems.dueFor(LEGAL, LocalDate.of(2024, 7, 26));
		assertThat(items).extracting(DueItem::messageKey)
			.contains("supervision.due.taskOverdue", "supervision.due.meeting", "supervision.due.report");
		DueItem meeting = items.stream().filter(i -> i.messageKey().equals("supervision.due.meeting")).findFirst().orElseThrow();
		assertThat(meeting.dueOn()).isEqualTo(LocalDate.of(2024, 7, 25));
		assertThat(meeting.overdue()).isTrue();
		assertThat(meeting.args()).containsExactly("2024", 7);
		DueItem report = items.stream().filter(i -> i.messageKey().equals("supervision.due.report")).findFirst().orElseThrow();
		assertThat(report.args()).containsExactly("中期评估报告", "2024");
		assertThat(report.dueOn()).isEqualTo(LocalDate.of(2024, 7, 31));
		assertThat(dueItems.dueFor(new CurrentUser(2L, "sq", "中队长", Role.SQUAD_LEADER, class1, null),
				LocalDate.of(2024, 7, 26))).isEmpty();
		assertThat(dueItems.dueFor(new CurrentUser(3L, "ld", "领导", Role.LEADER, null, null), LocalDate.of(2024, 7, 26)))
			.isEmpty();
	}

}
