package cn.wucheng.cq.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * the programme's leading group kept as data by the legal section (audited) and named in the drafted reports;
 * its one-off milestones tracked like the key tasks, 逾期 on the working-day calendar. The 2024 group is the seed
 * document's; changes are made to 2026 only, so the other supervision tests see the seeded data.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = { SupervisionContext.NAME, SupervisionContext.FILES, SupervisionContext.LIMIT })
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class ProgrammeLeadingGroupAndMilestonesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void r74_theSeededLeadingGroupIsShownBesideTheTasksAndNamedInTheMidTermReportWithTheMilestones() throws Exception {
		clock.setToday(LocalDate.of(2024, 7, 20));
		String page = html(mvc.perform(get("/supervision/programme").param("year", "2024").with(Users.leader()))
			.andExpect(status().isOk()).andReturn());
		assertThat(page).contains("楼国伟", "吴小平、郑大治、黄斌、伊建权", "各科室、中队、指挥中心负责人", "法制科")
			// the batches' windows are the rollout's
			.contains("data-milestone=\"BATCH_DIRECT\"", "2024-01-09 至 2024-02-29", "2024-05-01 至 2024-06-30")
			.doesNotContain("??")
			// a leader reads but does not keep it
			.doesNotContain("action=\"/supervision/programme/group");
		assertThat(html(mvc.perform(get("/supervision/tasks").with(Users.supervision())).andReturn()))
			.contains("href=\"/supervision/programme\"");

		MvcResult r = mvc.perform(get("/supervision/reports/mid-term").param("year", "2024").with(Users.legalSection()))
			.andExpect(status().isOk()).andReturn();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
			assertThat(text).contains("组织领导与工作阶段",
					"由楼国伟任组长，吴小平、郑大治、黄斌、伊建权为副组长，各科室、中队、指挥中心负责人为成员。领导小组办公室设在法制科");
			List<List<String>> rows = ReportsAndMeetingsTests.rows(doc);
			assertThat(rows).contains(List.of("第二批：一类中队", "2024-03-01 至 2024-04-30", "逾期"),
					List.of("完成中期评估报告", "2024-07-31", "未开始"));
		}
	}

	@Test
	void r74_onlyTheLegalSectionKeepsTheLeadingGroupAndEveryChangeIsAudited() throws Exception {
		clock.setToday(LocalDate.of(2026, 2, 2));
		mvc.perform(post("/supervision/programme/group").param("year", "2026").param("leader", "某某")
			.param("office", "法制科").with(Users.supervision()).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/supervision/programme/group").param("year", "2026").param("leader", " ")
			.param("office", "法制科").with(Users.legalSection()).with(csrf()))
			.andExpect(flash().attribute("flashError", "请填写领导小组组长。"));
		assertThat(html(mvc.perform(get("/supervision/programme").param("year", "2026").with(Users.legalSection()))
			.andReturn())).contains("2026 年度的领导小组尚未录入");

		mvc.perform(post("/supervision/programme/group").param("year", "2026").param("leader", "新组长")
			.param("deputies", "甲副组长、乙副组长\n丙副组长").param("members", "各科室、中队、指挥中心负责人")
			.param("office", "法制科").with(Users.legalSection()).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "已保存 2026 年度领导小组。"));
		assertThat(jdbc.sql("""
				select name from programme_leading_group where group_year = 2026 and position = 'DEPUTY'
				order by sort_order""").query(String.class).list()).containsExactly("甲副组长", "乙副组长", "丙副组长");
		assertThat(jdbc.sql("""
				select count(*) from audit_log where action = 'PROGRAMME_LEADING_GROUP' and entity_key = '2026'
				  and after_data like '%LEADER=新组长%'""").query(Long.class).single()).isEqualTo(1);
		// 2024's group is untouched
		assertThat(jdbc.sql("select name from programme_leading_group where group_year = 2024 and position = 'LEADER'")
			.query(String.class).single()).isEqualTo("楼国伟");
	}

	@Test
	void r74_aMilestoneNotDoneIsOverdueOnTheWorkingDayAfterItsDeadlineAndDoneClearsIt() throws Exception {
		// 5 January 2026 is a Monday, 8 January a Thursday: TASK_LIST is due on the 5th itself
		clock.setToday(LocalDate.of(2026, 1, 5));
		assertThat(page2026()).contains("data-milestone=\"TASK_LIST\" data-status=\"NOT_STARTED\"");
		clock.setToday(LocalDate.of(2026, 1, 6));
		assertThat(page2026()).contains("data-milestone=\"TASK_LIST\" data-status=\"OVERDUE\"",
				"data-milestone=\"MOBILISATION\" data-status=\"NOT_STARTED\"");

		mvc.perform(post("/supervision/programme/milestones/TASK_LIST/status").param("year", "2026")
			.param("status", "DONE").with(Users.supervision()).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/supervision/programme/milestones/TASK_LIST/status").param("year", "2026")
			.param("status", "OVERDUE").with(Users.legalSection()).with(csrf()))
			.andExpect(flash().attribute("flashError", "请选择未开始、进行中或已完成；逾期由系统判定。"));
		mvc.perform(post("/supervision/programme/milestones/TASK_LIST/status").param("year", "2026")
			.param("status", "DONE").param("note", "任务清单已印发").param("version", "-1")
			.with(Users.legalSection()).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "已将“确定任务清单”设为已完成。"));
		assertThat(page2026()).contains("data-milestone=\"TASK_LIST\" data-status=\"DONE\"", "任务清单已印发");
		// a second form still showing the first version is refused (another's change in between)
		mvc.perform(post("/supervision/programme/milestones/TASK_LIST/status").param("year", "2026")
			.param("status", "IN_PROGRESS").param("version", "-1").with(Users.legalSection()).with(csrf()))
			.andExpect(flash().attribute("flashError", "该任务已被他人修改，请查看最新状态后重新设置。"));
		mvc.perform(post("/supervision/programme/milestones/NOPE/status").param("year", "2026")
			.param("status", "DONE").with(Users.legalSection()).with(csrf())).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'PROGRAMME_MILESTONE_STATUS'")
			.query(Long.class).single()).isEqualTo(1);
	}

	private String page2026() throws Exception {
		return html(mvc.perform(get("/supervision/programme").param("year", "2026").with(Users.supervision()))
			.andExpect(status().isOk()).andReturn());
	}

	static String html(MvcResult r) throws Exception {
		return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
