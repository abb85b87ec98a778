package cn.wucheng.cq.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;
import cn.wucheng.cq.training.TrainingFixture;
import cn.wucheng.cq.training.TrainingOverview;
import cn.wucheng.cq.training.TrainingSource;

/**
 * R-62 (second reading): every kind of training counts, each with its source. 来源甲 of a 直属中队 has 2.5 hours from
 * his squad's plan, 1.25 from a bureau-wide session, 0.5 from a 法制科 session and 0.75 of external training entered
 * by hand: 5 exactly. 来源乙, an organ (机关) officer of 来源科室, has no squad plan at all: 1.25 bureau + 3 external.
 * Sessions and external training go through the pages as the legal section enters them. Units 来源*, 工号 SRC-*.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=training")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingHoursSourcesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	long squad;

	long organ;

	long a;

	long b;

	long bureauSession;

	@BeforeAll
	void officersTrainedFromEverySource() throws Exception {
		clock.setToday(LocalDate.of(2024, 3, 1));
		Bureau bureau = new Bureau(jdbc);
		TrainingFixture training = new TrainingFixture(jdbc);
		squad = bureau.unit("来源一中队", "直属中队");
		organ = bureau.unit("来源科室", "科室");
		a = bureau.officer("SRC-A", "来源甲", squad);
		b = bureau.officer("SRC-B", "来源乙", organ);
		long plan = training.plan(squad, 2024, "COORDINATED", "中队业务培训");
		training.attend(training.session(plan, LocalDate.of(2024, 3, 5), "2.5", LocalDate.of(2024, 2, 1)), a, true,
				"90", null);

		bureauSession = openSession("BUREAU", "全局执法规范化培训", "2024-04-10", "1.25");
		attend(bureauSession, "SRC-A");
		attend(bureauSession, "SRC-B");
		long legalSession = openSession("LEGAL", "法制科案卷评查培训", "2024-05-10", "0.5");
		attend(legalSession, "SRC-A");

		external("SRC-A", "2024-06-01", "网络学院行政执法课程", "0.75", "网络学院");
		external("SRC-B", "2024-06-02", "省局执法资格培训", "3", "省综合执法局");
		external("SRC-B", "2023-12-30", "上年培训", "8", "省综合执法局"); // another year: never counted in 2024
	}

	@BeforeEach
	void midYear() {
		clock.setToday(LocalDate.of(2024, 7, 1));
	}

	@Test
	void r62_hoursFromEverySourceAddUpExactlyPerOfficer() throws Exception {
		Map<String, TrainingOverview.OfficerHours> by = mine(report(Users.legalSection(), "/training/hours?year=2024&all=true"));
		TrainingOverview.OfficerHours jia = by.get("SRC-A");
		assertThat(jia.hoursFrom(TrainingSource.SQUAD)).isEqualByComparingTo("2.5");
		assertThat(jia.hoursFrom(TrainingSource.BUREAU)).isEqualByComparingTo("1.25");
		assertThat(jia.hoursFrom(TrainingSource.LEGAL)).isEqualByComparingTo("0.5");
		assertThat(jia.hoursFrom(TrainingSource.EXTERNAL)).isEqualByComparingTo("0.75");
		assertThat(jia.hours()).isEqualTo(new java.math.BigDecimal("5.00"));
		assertThat(jia.sessions()).isEqualTo(3);
		assertThat(jia.shortfall()).isEqualByComparingTo("55");

		TrainingOverview.OfficerHours yi = by.get("SRC-B");
		assertThat(yi.unitName()).isEqualTo("来源科室");
		assertThat(yi.hoursFrom(TrainingSource.SQUAD)).isEqualByComparingTo("0");
		assertThat(yi.hoursFrom(TrainingSource.BUREAU)).isEqualByComparingTo("1.25");
		assertThat(yi.hoursFrom(TrainingSource.EXTERNAL)).isEqualByComparingTo("3");
		assertThat(yi.hours()).isEqualByComparingTo("4.25");
	}

	@Test
	void r62_theOfficersOwnPageListsEachRecordWithItsSource() throws Exception {
		String html = html(mvc.perform(get("/training/hours?year=2024").with(Users.officer(a, squad))));
		assertThat(html).contains("已完成 5 / 60 学时", "中队培训 2.5 学时", "全局培训 1.25 学时", "法制科培训 0.5 学时",
				"外部培训 0.75 学时", "全局执法规范化培训", "法制科案卷评查培训", "网络学院行政执法课程", "网络学院")
			.doesNotContain("来源乙").doesNotContain("??");
	}

	@Test
	void r62_theSquadsPageShowsEachOfficersHoursPerSourceAndTheUnitsTotals() throws Exception {
		MvcResult r = mvc.perform(get("/training/hours?year=2024&all=true").with(Users.squadLeaderOf(squad)))
			.andExpect(status().isOk()).andReturn();
		String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("中队培训", "全局培训", "法制科培训", "外部培训", "来源甲").doesNotContain("来源乙");
		@SuppressWarnings("unchecked")
		java.util.List<HoursController.UnitHours> summary = (java.util.List<HoursController.UnitHours>) r
			.getModelAndView().getModel().get("summary");
		assertThat(summary).singleElement().satisfies(u -> {
			assertThat(u.hoursFrom(TrainingSource.BUREAU)).isEqualByComparingTo("1.25");
			assertThat(u.hoursFrom(TrainingSource.EXTERNAL)).isEqualByComparingTo("0.75");
			assertThat(u.totalHours()).isEqualByComparingTo("5");
		});
	}

	@Test
	void aBureauSessionIsTheLegalSectionsToRecordAndNotASquadLeadersToSee() throws Exception {
		mvc.perform(get("/training/sessions/" + bureauSession).with(Users.squadLeaderOf(squad)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/training/sessions/" + bureauSession + "/attendees").with(Users.squadLeaderOf(squad))
			.with(csrf()).param("employeeNo", "SRC-A").param("signedIn", "true").param("version", "2"))
			.andExpect(status().isNotFound());
		assertThat(html(mvc.perform(get("/training/sessions?year=2024").with(Users.squadLeaderOf(squad)))))
			.doesNotContain("全局执法规范化培训");
		String page = html(mvc.perform(get("/training/sessions/" + bureauSession).with(Users.legalSection())));
		assertThat(page).contains("来源：全局培训", "来源甲", "来源乙");
	}

	@Test
	void aBureauSessionNeedsItsOrganiserAndTopic() throws Exception {
		String page = html(mvc.perform(post("/training/sessions/open").with(Users.legalSection()).with(csrf())
			.param("heldOn", "2024-04-10").param("place", "局会议室").param("hours", "1")));
		assertThat(page).contains("请选择组织方（全局培训或法制科培训）", "请填写培训主题");
	}

	@Test
	void r62_externalTrainingIsEnteredOnceAndAudited() throws Exception {
		String page = html(mvc.perform(post("/training/external").with(Users.legalSection()).with(csrf())
			.param("employeeNo", "SRC-A").param("trainedOn", "2024-06-01").param("title", "网络学院行政执法课程")
			.param("hours", "0.75")));
		assertThat(page).contains("该人员同一日期已有同名的外部培训记录");
		assertThat(html(mvc.perform(post("/training/external").with(Users.legalSection()).with(csrf())
			.param("employeeNo", "SRC-NONE").param("trainedOn", "2024-06-01").param("title", "某培训")
			.param("hours", "1")))).contains("找不到该工号的人员");
		assertThat(jdbc.sql("""
				select count(*) from audit_log
				where action = 'EXTERNAL_TRAINING_CREATED' and entity_key = 'SRC-A / 2024-06-01 / 网络学院行政执法课程'""")
			.query(Long.class).single()).isEqualTo(1);
		assertThat(html(mvc.perform(get("/training/external?year=2024").with(Users.legalSection()))))
			.contains("网络学院行政执法课程", "省局执法资格培训").doesNotContain("上年培训");
	}

	private long openSession(String organiser, String topic, String heldOn, String hours) throws Exception {
		MvcResult created = mvc.perform(post("/training/sessions/open").with(Users.legalSection()).with(csrf())
			.param("organiser", organiser).param("topic", topic).param("heldOn", heldOn).param("place", "局三楼会议室")
			.param("hours", hours).param("bankReleasedOn", "2024-02-01"))
			.andExpect(status().is3xxRedirection()).andReturn();
		return Long.parseLong(created.getResponse().getRedirectedUrl().replace("/training/sessions/", ""));
	}

	private void attend(long session, String employeeNo) throws Exception {
		Integer version = jdbc.sql("select version from training_session where id = ?").param(session)
			.query(Integer.class).single();
		mvc.perform(post("/training/sessions/" + session + "/attendees").with(Users.legalSection()).with(csrf())
			.param("employeeNo", employeeNo).param("signedIn", "true").param("score", "90")
			.param("version", version.toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("""
				select count(*) from training_attendee a join person p on p.id = a.person_id
				where a.session_id = ? and p.employee_no = ?""").params(session, employeeNo)
			.query(Long.class).single()).isEqualTo(1);
	}

	private void external(String employeeNo, String day, String title, String hours, String organiser)
			throws Exception {
		mvc.perform(post("/training/external").with(Users.legalSection()).with(csrf()).param("employeeNo", employeeNo)
			.param("trainedOn", day).param("title", title).param("hours", hours).param("organiser", organiser))
			.andExpect(status().is3xxRedirection());
	}

	private TrainingOverview.HoursReport report(RequestPostProcessor user, String url) throws Exception {
		MvcResult r = mvc.perform(get(url).with(user)).andExpect(status().isOk()).andReturn();
		return (TrainingOverview.HoursReport) r.getModelAndView().getModel().get("report");
	}

	private static Map<String, TrainingOverview.OfficerHours> mine(TrainingOverview.HoursReport report) {
		return report.officers().stream().filter(o -> o.employeeNo().startsWith("SRC-"))
			.collect(Collectors.toMap(TrainingOverview.OfficerHours::employeeNo, o -> o));
	}

	private String html(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
		return actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
