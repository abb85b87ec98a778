package cn.wucheng.cq.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;
import cn.wucheng.cq.training.PlanFlag;
import cn.wucheng.cq.training.PlanStatus;
import cn.wucheng.cq.training.TrainingOverview;

/**
 * R-60 through the pages: a squad writes and submits its plan, the legal section coordinates or sends it back, late
 * and missing plans are flagged, and each role acts only where it may. Units 计划* are unique to this class; today is
 * set on the clock for each step.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=training")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingPlanPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	TrainingPlanRepository plans;

	long onTime;

	long late;

	long missing;

	long sentBack;

	long class1;

	@BeforeAll
	void squads() {
		Bureau bureau = new Bureau(jdbc);
		onTime = bureau.unit("计划准时中队", "直属中队");
		late = bureau.unit("计划逾期中队", "直属中队");
		missing = bureau.unit("计划未报中队", "直属中队");
		sentBack = bureau.unit("计划退回中队", "直属中队");
		class1 = bureau.unit("计划一类中队", "一类中队");
	}

	@Test
	void r60_aSquadLeaderWritesAndSubmitsHisPlanOnTimeAndTheLegalSectionCoordinatesIt() throws Exception {
		clock.setToday(LocalDate.of(2024, 1, 20));
		RequestPostProcessor leader = Users.squadLeaderOf(onTime);
		long id = create(leader, onTime, 2024);
		addItem(leader, id, "行政处罚法新规解读", "3", "2.5");
		addItem(Users.legalOfficerOf(onTime), id, "证据收集规范", "4", "3");

		mvc.perform(post("/training/plans/" + id + "/submit").with(leader).with(csrf()).param("confirmed", "true").param("version", version(id)))
			.andExpect(flash().attribute("flashSuccess", "培训计划已报送法制科。"));
		TrainingPlan submitted = plans.findById(id).orElseThrow();
		assertThat(submitted.getStatus()).isEqualTo(PlanStatus.SUBMITTED);
		assertThat(submitted.getFirstSubmittedOn()).isEqualTo(LocalDate.of(2024, 1, 20));

		clock.setToday(LocalDate.of(2024, 2, 10));
		mvc.perform(post("/training/plans/" + id + "/coordinate").with(Users.legalSection()).with(csrf())
			.param("version", version(id)))
			.andExpect(flash().attributeExists("flashSuccess"));
		assertThat(plans.findById(id).orElseThrow().getStatus()).isEqualTo(PlanStatus.COORDINATED);

		clock.setToday(LocalDate.of(2024, 6, 1));
		assertThat(row(2024, onTime).flags()).isEmpty();
		assertThat(row(2024, onTime).items()).isEqualTo(2);
		assertThat(row(2024, onTime).hours()).isEqualByComparingTo("5.5");
		String page = html(mvc.perform(get("/training/plans/" + id).with(Users.supervision())));
		assertThat(page).contains("计划准时中队 2024 年度培训计划", "行政处罚法新规解读", "已统筹", "首次报送：2024-01-20",
				"统筹：2024-02-10", "报送截止：2024-01-31")
			.doesNotContain("??");
		assertThat(audits("TRAINING_PLAN_%", "计划准时中队 2024")).isEqualTo(5);
	}

	@Test
	void r60_aPlanFirstSubmittedAfter31JanuaryIsFlaggedLateAndAMissingPlanIsFlaggedPerSquad() throws Exception {
		clock.setToday(LocalDate.of(2024, 1, 25));
		long id = create(Users.legalSection(), late, 2024);
		addItem(Users.legalSection(), id, "执法文书制作", "5", "2");
		assertThat(row(2024, missing).flags()).isEmpty();

		clock.setToday(LocalDate.of(2024, 2, 1));
		mvc.perform(post("/training/plans/" + id + "/submit").with(Users.squadLeaderOf(late)).with(csrf()).param("confirmed", "true")
			.param("version", version(id)))
			.andExpect(flash().attribute("flashSuccess",
					"培训计划已报送法制科；首次报送日期 2024-02-01 晚于截止日期 2024-01-31，已标记为逾期报送。"));

		assertThat(row(2024, late).flags()).containsExactly(PlanFlag.SUBMITTED_LATE);
		assertThat(row(2024, missing).exists()).isFalse();
		assertThat(row(2024, missing).flags()).containsExactly(PlanFlag.NOT_SUBMITTED);
		clock.setToday(LocalDate.of(2024, 3, 1));
		assertThat(row(2024, late).flags()).containsExactlyInAnyOrder(PlanFlag.SUBMITTED_LATE, PlanFlag.NOT_COORDINATED);
		String list = html(mvc.perform(get("/training/plans?year=2024").with(Users.leader())));
		assertThat(list).contains("逾期报送", "逾期未报送", "逾期未统筹");
	}

	@Test
	void r60_r27_in2025TheDeadlineMovesPastTheSpringFestivalTo5February() throws Exception {
		clock.setToday(LocalDate.of(2025, 2, 5));
		long id = create(Users.squadLeaderOf(late), late, 2025);
		addItem(Users.squadLeaderOf(late), id, "法律适用", "3", "2");
		mvc.perform(post("/training/plans/" + id + "/submit").with(Users.squadLeaderOf(late)).with(csrf()).param("confirmed", "true")
			.param("version", version(id)))
			.andExpect(flash().attribute("flashSuccess", "培训计划已报送法制科。"));
		assertThat(row(2025, late).flags()).isEmpty();
		assertThat(html(mvc.perform(get("/training/plans?year=2025").with(Users.legalSection())))).contains("2025-02-05");
	}

	@Test
	void r60_theLegalSectionSendsAPlanBackWithAReasonAndTheSquadChangesAndResubmitsIt() throws Exception {
		clock.setToday(LocalDate.of(2024, 1, 10));
		RequestPostProcessor squad = Users.legalOfficerOf(sentBack);
		long id = create(squad, sentBack, 2024);
		addItem(squad, id, "初稿主题", "2", "1");
		mvc.perform(post("/training/plans/" + id + "/submit").with(squad).with(csrf()).param("confirmed", "true").param("version", version(id)));

		mvc.perform(post("/training/plans/" + id + "/request-changes").with(Users.legalSection()).with(csrf())
			.param("version", version(id)).param("reason", " "))
			.andExpect(flash().attribute("flashError", "退回修改须填写原因，说明需要修改什么"));
		mvc.perform(post("/training/plans/" + id + "/request-changes").with(Users.legalSection()).with(csrf())
			.param("version", version(id)).param("reason", "学时偏少，请补充案例教学"))
			.andExpect(flash().attributeExists("flashSuccess"));
		assertThat(plans.findById(id).orElseThrow().getStatus()).isEqualTo(PlanStatus.CHANGES_REQUESTED);
		assertThat(html(mvc.perform(get("/training/plans/" + id).with(squad)))).contains("学时偏少，请补充案例教学");

		mvc.perform(post("/training/plans/" + id + "/items/1").with(squad).with(csrf()).param("version", version(id))
			.param("topic", "案例教学").param("month", "2").param("hours", "6").param("trainees", "全体正式队员"))
			.andExpect(flash().attributeExists("flashSuccess"));
		mvc.perform(post("/training/plans/" + id + "/submit").with(squad).with(csrf()).param("confirmed", "true").param("version", version(id)))
			.andExpect(flash().attributeExists("flashSuccess"));
		TrainingPlan again = plans.findById(id).orElseThrow();
		assertThat(again.getStatus()).isEqualTo(PlanStatus.SUBMITTED);
		assertThat(again.item(1)).get().extracting(PlanItem::topic).isEqualTo("案例教学");
		assertThat(audits("TRAINING_PLAN_CHANGES_REQUESTED", "计划退回中队 2024")).isEqualTo(1);
	}

	@Test
	void r60_illegalTransitionsAreRefusedWithChineseMessagesAndChangeNothing() throws Exception {
		clock.setToday(LocalDate.of(2024, 1, 10));
		long id = create(Users.squadLeaderOf(missing), missing, 2026);
		mvc.perform(post("/training/plans/" + id + "/submit").with(Users.squadLeaderOf(missing)).with(csrf()).param("confirmed", "true")
			.param("version", version(id)))
			.andExpect(flash().attribute("flashError", "培训计划还没有培训项目，不能报送"));
		mvc.perform(post("/training/plans/" + id + "/coordinate").with(Users.legalSection()).with(csrf())
			.param("version", version(id)))
			.andExpect(flash().attribute("flashError", "只有已报送的计划可以统筹，该计划当前状态为“草稿”"));
		mvc.perform(post("/training/plans/" + id + "/back-to-draft").with(Users.squadLeaderOf(missing)).with(csrf())
			.param("version", version(id)))
			.andExpect(flash().attributeExists("flashError"));
		mvc.perform(post("/training/plans").with(Users.squadLeaderOf(missing)).with(csrf())
			.param("unitId", Long.toString(missing)).param("year", "2026"))
			.andExpect(flash().attribute("flashError", "计划未报中队 已有 2026 年度培训计划，请在原计划上修改"));
		mvc.perform(post("/training/plans").with(Users.legalSection()).with(csrf())
			.param("unitId", Long.toString(class1)).param("year", "2026"))
			.andExpect(flash().attribute("flashError", "只有直属中队报送年度培训计划（任务清单第13项），计划一类中队 不是直属中队"));
		assertThat(plans.findById(id).orElseThrow().getStatus()).isEqualTo(PlanStatus.DRAFT);
	}

	@Test
	void anItemFormWithBadValuesSaysWhatIsWrongInChinese() throws Exception {
		long id = create(Users.legalSection(), onTime, 2027);
		String page = html(mvc.perform(post("/training/plans/" + id + "/items").with(Users.legalSection()).with(csrf())
			.param("version", version(id)).param("topic", "").param("month", "13").param("hours", "1.255")));
		assertThat(page).contains("请填写培训主题", "培训月份须为 1–12 月", "学时最多两位小数");
		String notANumber = html(mvc.perform(post("/training/plans/" + id + "/items").with(Users.legalSection())
			.with(csrf()).param("version", version(id)).param("topic", "x").param("month", "3").param("hours", "两")));
		assertThat(notANumber).contains("学时应为数字");
		assertThat(plans.findById(id).orElseThrow().getItems()).isEmpty();
	}

	@Test
	void aStaleFormIsRefusedInsteadOfOverwriting() throws Exception {
		long id = create(Users.legalSection(), sentBack, 2027);
		String seen = version(id);
		addItem(Users.legalSection(), id, "先保存的", "3", "2");
		mvc.perform(post("/training/plans/" + id + "/items").with(Users.legalOfficerOf(sentBack)).with(csrf())
			.param("version", seen).param("topic", "后保存的").param("month", "3").param("hours", "2"))
			.andExpect(flash().attribute("flashError", "未保存：该记录已被他人修改，请查看最新内容后重试。"));
		assertThat(plans.findById(id).orElseThrow().getItems()).extracting(PlanItem::topic).containsExactly("先保存的");
	}

	@Test
	void squadRolesSeeAndActOnTheirOwnSquadOnlyAndReadersCannotAct() throws Exception {
		long other = create(Users.legalSection(), late, 2028);
		long own = create(Users.legalSection(), onTime, 2028);

		MvcResult list = mvc.perform(get("/training/plans?year=2028").with(Users.squadLeaderOf(onTime)))
			.andExpect(status().isOk()).andReturn();
		@SuppressWarnings("unchecked")
		List<TrainingOverview.SquadPlan> rows = (List<TrainingOverview.SquadPlan>) list.getModelAndView()
			.getModel().get("plans");
		assertThat(rows).extracting(TrainingOverview.SquadPlan::unitId).containsExactly(onTime);

		mvc.perform(get("/training/plans/" + own).with(Users.squadLeaderOf(onTime))).andExpect(status().isOk());
		mvc.perform(get("/training/plans/" + other).with(Users.squadLeaderOf(onTime))).andExpect(status().isNotFound());
		mvc.perform(post("/training/plans/" + other + "/items").with(Users.legalOfficerOf(onTime)).with(csrf())
			.param("version", version(other)).param("topic", "越权").param("month", "3").param("hours", "2"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/training/plans").with(Users.squadLeaderOf(onTime)).with(csrf())
			.param("unitId", Long.toString(missing)).param("year", "2028"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/training/plans/" + own + "/coordinate").with(Users.squadLeaderOf(onTime)).with(csrf())
			.param("version", version(own)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/training/plans").with(Users.supervision()).with(csrf())
			.param("unitId", Long.toString(missing)).param("year", "2028"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/training/plans/" + other).with(Users.leader())).andExpect(status().isOk());
		mvc.perform(get("/training/plans").with(Users.officer(1L, onTime))).andExpect(status().isForbidden());
		mvc.perform(get("/training/plans").with(Users.admin())).andExpect(status().isForbidden());
		assertThat(plans.findById(other).orElseThrow().getItems()).isEmpty();
	}

	// ------------------------------------------------------------------ helpers

	private long create(RequestPostProcessor user, long unit, int year) throws Exception {
		MvcResult r = mvc.perform(post("/training/plans").with(user).with(csrf())
			.param("unitId", Long.toString(unit)).param("year", Integer.toString(year)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long id = plans.findByUnitIdAndPlanYear(unit, year).orElseThrow().getId();
		assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/training/plans/" + id);
		return id;
	}

	private void addItem(RequestPostProcessor user, long id, String topic, String month, String hours)
			throws Exception {
		mvc.perform(post("/training/plans/" + id + "/items").with(user).with(csrf()).param("version", version(id))
			.param("topic", topic).param("month", month).param("hours", hours).param("trainer", "法制科")
			.param("trainees", "全体正式队员").param("assessment", "闭卷考试"))
			.andExpect(redirectedUrl("/training/plans/" + id))
			.andExpect(flash().attributeExists("flashSuccess"));
	}

	private String version(long id) {
		return jdbc.sql("select version from training_plan where id = ?").param(id).query(String.class).single();
	}

	private TrainingOverview.SquadPlan row(int year, long unit) throws Exception {
		MvcResult r = mvc.perform(get("/training/plans?year=" + year).with(Users.legalSection()))
			.andExpect(status().isOk())
			.andReturn();
		@SuppressWarnings("unchecked")
		List<TrainingOverview.SquadPlan> rows = (List<TrainingOverview.SquadPlan>) r.getModelAndView()
			.getModel().get("plans");
		return rows.stream().filter(p -> p.unitId() == unit).findFirst().orElseThrow();
	}

	private long audits(String actionLike, String key) {
		return jdbc.sql("select count(*) from audit_log where action like ? and entity_key = ?")
			.params(actionLike, key)
			.query(Long.class)
			.single();
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
