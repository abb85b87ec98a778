package cn.wucheng.cq.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;
import cn.wucheng.cq.training.SessionFlag;
import cn.wucheng.cq.training.TrainingFixture;
import cn.wucheng.cq.training.TrainingOverview;

/**
 * through the pages: sessions only from coordinated plans, the question bank's 15 days, attendance
 * with substitutions, exam scores, the all-or-nothing .xlsx import, and each role's reach. Units 场次*, 工号 SES-*.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=training")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingSessionPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	TrainingSessionRepository sessions;

	@Autowired
	TrainingOverview overview;

	TrainingFixture training;

	long squad;

	long otherSquad;

	long coordinated;

	long draft;

	long f1;

	long f2;

	long f3;

	long x1;

	long f4;

	long f5;

	@BeforeAll
	void aSquadWithPlans() {
		Bureau bureau = new Bureau(jdbc);
		training = new TrainingFixture(jdbc);
		squad = bureau.unit("场次一中队", "直属中队");
		otherSquad = bureau.unit("场次二中队", "直属中队");
		f1 = bureau.officer("SES-F1", "场次甲", squad);
		f2 = bureau.officer("SES-F2", "场次乙", squad);
		f3 = bureau.officer("SES-F3", "场次丙", squad);
		x1 = bureau.auxiliary("SES-X1", "场次辅", squad);
		f4 = bureau.officer("SES-F4", "场次丁", squad);
		f5 = bureau.officer("SES-F5", "场次戊", squad);
		bureau.officer("SES-O1", "场次外", otherSquad);
		coordinated = training.plan(squad, 2024, "COORDINATED", "行政处罚法", "证据规则");
		draft = training.plan(otherSquad, 2024, "SUBMITTED", "未统筹主题");
	}

	@Test
	void r60_aSessionFromAPlanNotYetCoordinatedIsRefused() throws Exception {
		assertThat(html(mvc.perform(get("/training/sessions/new?plan=" + draft + "&item=1").with(Users.legalSection()))))
			.contains("该培训计划尚未经法制科统筹，不能据此安排培训场次（任务清单第14项）。");
		String page = html(mvc.perform(post("/training/sessions").with(Users.legalSection()).with(csrf())
			.param("planId", Long.toString(draft)).param("itemNo", "1").param("heldOn", "2024-04-20")
			.param("place", "会议室").param("hours", "2").param("bankReleasedOn", "2024-04-01")));
		assertThat(page).contains("该培训计划尚未经法制科统筹（当前状态：已报送），不能据此安排培训场次");
		assertThat(jdbc.sql("select count(*) from training_session where plan_id = ?").param(draft)
			.query(Long.class).single()).isZero();
	}

	@Test
	void r60_aSessionFromACoordinatedPlanTakesTheItemsTopicAndHoursByDefault() throws Exception {
		clock.setToday(LocalDate.of(2024, 3, 1));
		MvcResult form = mvc.perform(get("/training/sessions/new?plan=" + coordinated + "&item=2")
			.with(Users.squadLeaderOf(squad))).andExpect(status().isOk()).andReturn();
		SessionForm defaults = (SessionForm) form.getModelAndView().getModel().get("sessionForm");
		assertThat(defaults.getHours()).isEqualByComparingTo("2.5");

		MvcResult created = mvc.perform(post("/training/sessions").with(Users.squadLeaderOf(squad)).with(csrf())
			.param("planId", Long.toString(coordinated)).param("itemNo", "2").param("heldOn", "2024-04-20")
			.param("place", "三楼会议室").param("hours", "2.5").param("bankReleasedOn", "2024-04-05"))
			.andExpect(status().is3xxRedirection()).andReturn();
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/training/sessions/", ""));
		TrainingSession s = sessions.findById(id).orElseThrow();
		assertThat(s.getTopic()).isEqualTo("证据规则");
		assertThat(s.getUnitId()).isEqualTo(squad);
		assertThat(s.flags(LocalDate.of(2024, 3, 1))).isEmpty();
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'TRAINING_SESSION_CREATED' and entity_key like ?")
			.param(id + " %").query(Long.class).single()).isEqualTo(1);

		String outside = html(mvc.perform(post("/training/sessions").with(Users.legalSection()).with(csrf())
			.param("planId", Long.toString(coordinated)).param("itemNo", "1").param("heldOn", "2025-01-10")
			.param("place", "会议室").param("hours", "2")));
		assertThat(outside).contains("培训日期 2025-01-10 不在计划年度 2024 年内");
	}

	@Test
	void r61_aQuestionBankReleased14DaysBeforeTheSessionIsFlaggedAnd15DaysIsNot() throws Exception {
		clock.setToday(LocalDate.of(2024, 5, 1));
		long fourteen = training.session(coordinated, LocalDate.of(2024, 5, 16), "2", LocalDate.of(2024, 5, 2));
		long fifteen = training.session(coordinated, LocalDate.of(2024, 5, 17), "2", LocalDate.of(2024, 5, 2));

		String late = html(mvc.perform(get("/training/sessions/" + fourteen).with(Users.legalSection())));
		assertThat(late).contains("data-flag=\"BANK_LATE\"", "（提前 14 天）");
		String inTime = html(mvc.perform(get("/training/sessions/" + fifteen).with(Users.legalSection())));
		assertThat(inTime).doesNotContain("data-flag=\"BANK_LATE\"").contains("（提前 15 天）");

		Map<Long, SessionService.SessionRow> list = list(2024);
		assertThat(list.get(fourteen).flags()).containsExactly(SessionFlag.BANK_LATE);
		assertThat(list.get(fifteen).flags()).isEmpty();

		// the date can be corrected: released a day earlier, the flag goes
		mvc.perform(post("/training/sessions/" + fourteen).with(Users.legalOfficerOf(squad)).with(csrf())
			.param("version", sessionVersion(fourteen)).param("heldOn", "2024-05-16").param("place", "会议室")
			.param("hours", "2").param("bankReleasedOn", "2024-05-01"))
			.andExpect(flash().attributeExists("flashSuccess"));
		assertThat(list(2024).get(fourteen).flags()).isEmpty();
	}

	@Test
	void r61_r62_anAuxiliarySigningInForAFormalOfficerIsFlaggedAndTheOfficerGetsNoHours() throws Exception {
		clock.setToday(LocalDate.of(2024, 6, 10));
		long id = training.session(coordinated, LocalDate.of(2024, 6, 10), "3", LocalDate.of(2024, 5, 20));
		record(id, "SES-F4", true, "91.5", null).andExpect(flash().attributeExists("flashSuccess"));
		record(id, "SES-X1", true, "60", "SES-F5").andExpect(flash().attributeExists("flashSuccess"));
		record(id, "SES-F5", true, null, null)
			.andExpect(flash().attribute("flashError", "场次戊（SES-F5） 已登记由他人代替参会，不能再登记本人签到；请先修改代替记录"));
		record(id, "SES-F3", false, "80", null).andExpect(flash().attribute("flashError", "场次丙（SES-F3） 未签到，不能录入考试成绩"));
		record(id, "SES-NOBODY", true, null, null).andExpect(flash().attribute("flashError", "找不到工号为 SES-NOBODY 的人员"));

		String page = html(mvc.perform(get("/training/sessions/" + id).with(Users.squadLeaderOf(squad))));
		assertThat(page).contains("data-flag=\"SUBSTITUTION\"", "代替 场次戊（SES-F5）", "91.5");
		assertThat(list(2024).get(id).flags()).contains(SessionFlag.SUBSTITUTION);

		Map<Long, TrainingOverview.OfficerHours> hours = hours(2024);
		assertThat(hours.get(f4).hours()).isEqualByComparingTo("3");
		assertThat(hours.get(f5).hours()).isEqualByComparingTo("0");
		assertThat(hours.get(f5).sessions()).isZero();
		assertThat(hours).doesNotContainKey(x1);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'TRAINING_ATTENDEE_RECORDED' and detail like '%代替%'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void r61_attendanceAndScoresAreImportedFromXlsx() throws Exception {
		long id = training.session(coordinated, LocalDate.of(2024, 7, 3), "2", LocalDate.of(2024, 6, 1));
		byte[] file = AttendanceSheetTests.xlsx(AttendanceSheetTests.HEADER,
				new Object[] { "SES-F1", "场次甲", "是", 88.5, null }, new Object[] { "SES-F3", "场次丙", "是", "92", null },
				new Object[] { "SES-X1", "场次辅", "是", 75.0, "SES-F2" }, new Object[] { "SES-F2", "场次乙", "否", null, null });
		upload(id, file).andExpect(flash().attribute("flashSuccess", "已导入 4 行签到与成绩。"));

		TrainingSession s = sessions.findById(id).orElseThrow();
		assertThat(s.getAttendees()).hasSize(4);
		assertThat(s.attendee(f1).orElseThrow().score()).isEqualByComparingTo("88.5");
		assertThat(s.attendee(x1)).get().extracting(Attendee::replacesId).isEqualTo(f2);
		assertThat(s.attendee(f2)).get().extracting(Attendee::signedIn).isEqualTo(false);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'TRAINING_ATTENDANCE_IMPORTED' and entity_key like ?")
			.param(id + " %").query(Long.class).single()).isEqualTo(1);

		// the template holds what is recorded, ready to be filled in and imported again
		byte[] template = mvc.perform(get("/training/sessions/" + id + "/template").with(Users.legalOfficerOf(squad)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(wb.getSheetAt(0).getRow(0).getCell(4).getStringCellValue()).isEqualTo("代替人工号");
			assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(4);
		}
	}

	@Test
	void r61_anImportWithAnyErrorSavesNothingAndListsEveryErrorWithRowAndColumn() throws Exception {
		long id = training.session(coordinated, LocalDate.of(2024, 8, 3), "2", LocalDate.of(2024, 7, 1));
		training.attend(id, f1, true, "70", null);
		byte[] file = AttendanceSheetTests.xlsx(AttendanceSheetTests.HEADER,
				new Object[] { "SES-F1", "场次甲", "是", 99.0, null }, new Object[] { "SES-ZZ", "无名", "是", null, null },
				new Object[] { "SES-F3", "张冠李戴", "是", null, null }, new Object[] { "SES-F2", "场次乙", "否", 50.0, null },
				new Object[] { "SES-X1", "场次辅", "是", null, "SES-F1" }, new Object[] { "SES-O1", "场次外", "很难说", null, null });
		MvcResult r = upload(id, file).andExpect(flash().attribute("flashError",
				"文件未导入：发现 5 处错误，请修改后重新导入（没有保存任何数据）。")).andReturn();
		@SuppressWarnings("unchecked")
		List<String> errors = (List<String>) r.getFlashMap().get("importErrors");
		assertThat(errors).containsExactly("第 3 行「工号」列：找不到工号为 SES-ZZ 的人员",
				"第 4 行「姓名」列：工号 SES-F3 的姓名是“场次丙”，表中为“张冠李戴”", "第 5 行：场次乙（SES-F2） 未签到，不能录入考试成绩",
				"第 6 行：场次甲（SES-F1） 本人已签到，不能再登记由 场次辅（SES-X1） 代替参会", "第 7 行「是否签到」列：应为“是”或“否”，收到“很难说”");

		TrainingSession s = sessions.findById(id).orElseThrow();
		assertThat(s.getAttendees()).singleElement().satisfies(a -> assertThat(a.score()).isEqualByComparingTo("70"));

		upload(id, "不是表格".getBytes(StandardCharsets.UTF_8)).andExpect(flash().attributeExists("flashError"));
		mvc.perform(multipart("/training/sessions/" + id + "/import").with(Users.legalSection()).with(csrf())
			.param("version", sessionVersion(id)))
			.andExpect(flash().attribute("flashError", "请选择要导入的 .xlsx 文件。"));
	}

	@Test
	void squadRolesActOnTheirOwnSquadsSessionsOnlyAndReadersOnlyRead() throws Exception {
		long id = training.session(coordinated, LocalDate.of(2024, 9, 3), "2", LocalDate.of(2024, 8, 1));
		mvc.perform(get("/training/sessions/" + id).with(Users.squadLeaderOf(otherSquad))).andExpect(status().isNotFound());
		mvc.perform(post("/training/sessions/" + id + "/attendees").with(Users.legalOfficerOf(otherSquad)).with(csrf())
			.param("version", sessionVersion(id)).param("employeeNo", "SES-O1").param("signedIn", "true"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/training/sessions/new?plan=" + coordinated + "&item=1").with(Users.squadLeaderOf(otherSquad)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/training/sessions/" + id + "/attendees").with(Users.supervision()).with(csrf())
			.param("version", sessionVersion(id)).param("employeeNo", "SES-F1").param("signedIn", "true"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/training/sessions/" + id).with(Users.leader())).andExpect(status().isOk());
		mvc.perform(get("/training/sessions").with(Users.officer(f1, squad))).andExpect(status().isForbidden());
		mvc.perform(get("/training/sessions").with(Users.admin())).andExpect(status().isForbidden());

		MvcResult list = mvc.perform(get("/training/sessions?year=2024").with(Users.squadLeaderOf(otherSquad)))
			.andExpect(status().isOk()).andReturn();
		@SuppressWarnings("unchecked")
		List<SessionService.SessionRow> rows = (List<SessionService.SessionRow>) list.getModelAndView().getModel()
			.get("sessions");
		assertThat(rows).allMatch(s -> s.unitId() == otherSquad);
		assertThat(sessions.findById(id).orElseThrow().getAttendees()).isEmpty();
	}

	// ------------------------------------------------------------------ helpers

	private ResultActions record(long id, String employeeNo, boolean signedIn, String score, String replacesNo)
			throws Exception {
		var request = post("/training/sessions/" + id + "/attendees").with(Users.legalOfficerOf(squad)).with(csrf())
			.param("version", sessionVersion(id)).param("employeeNo", employeeNo);
		if (signedIn) {
			request.param("signedIn", "true");
		}
		if (score != null) {
			request.param("score", score);
		}
		if (replacesNo != null) {
			request.param("replacesNo", replacesNo);
		}
		return mvc.perform(request);
	}

	private ResultActions upload(long id, byte[] content) throws Exception {
		return mvc.perform(multipart("/training/sessions/" + id + "/import")
			.file(new MockMultipartFile("file", "签到.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content))
			.param("version", sessionVersion(id))
			.with(Users.squadLeaderOf(squad))
			.with(csrf()));
	}

	private String sessionVersion(long id) {
		return jdbc.sql("select version from training_session where id = ?").param(id).query(String.class).single();
	}

	private Map<Long, SessionService.SessionRow> list(int year) throws Exception {
		MvcResult r = mvc.perform(get("/training/sessions?year=" + year).with(Users.legalSection()))
			.andExpect(status().isOk()).andReturn();
		@SuppressWarnings("unchecked")
		List<SessionService.SessionRow> rows = (List<SessionService.SessionRow>) r.getModelAndView().getModel()
			.get("sessions");
		return rows.stream().collect(Collectors.toMap(SessionService.SessionRow::id, Function.identity()));
	}

	private Map<Long, TrainingOverview.OfficerHours> hours(int year) {
		cn.wucheng.cq.security.CurrentUser legal = new cn.wucheng.cq.security.CurrentUser(1L, "legal", "法制科",
				cn.wucheng.cq.security.Role.LEGAL, null, null);
		return overview.hours(year, legal, LocalDate.of(year, 12, 31))
			.officers()
			.stream()
			.collect(Collectors.toMap(TrainingOverview.OfficerHours::personId, Function.identity()));
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
