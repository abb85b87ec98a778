package cn.wucheng.cq.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;
import cn.wucheng.cq.training.TrainingFixture;
import cn.wucheng.cq.training.TrainingOverview;

/**
 * R-62 through the hours page and its export. On 1 July 2024 (day 183 of 366) an officer on schedule has 30 of his 60
 * hours: 甲 30 on track, 乙 29.5 behind, 丙 0 (an auxiliary attended for him) behind, 丁 61 complete, 戊 of another
 * unit 10 behind. Units 学时*, 工号 HRS-*.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=training")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingHoursPagesTests {

	static final Set<String> MINE = Set.of("HRS-A", "HRS-B", "HRS-C", "HRS-D", "HRS-E");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	RuleSettings settings;

	@Autowired
	TransactionTemplate tx;

	long squad;

	long class1;

	long c;

	@BeforeAll
	void officersWithSessions() {
		Bureau bureau = new Bureau(jdbc);
		TrainingFixture training = new TrainingFixture(jdbc);
		squad = bureau.unit("学时一中队", "直属中队");
		class1 = bureau.unit("学时二中队", "一类中队");
		long a = bureau.officer("HRS-A", "学时甲", squad);
		long b = bureau.officer("HRS-B", "学时乙", squad);
		c = bureau.officer("HRS-C", "学时丙", squad);
		long d = bureau.officer("HRS-D", "学时丁", squad);
		long x = bureau.auxiliary("HRS-X", "学时辅", squad);
		long e = bureau.officer("HRS-E", "学时戊", class1);
		long plan = training.plan(squad, 2024, "COORDINATED", "年度培训");
		long s20 = training.session(plan, LocalDate.of(2024, 3, 5), "20", LocalDate.of(2024, 2, 1));
		long s10 = training.session(plan, LocalDate.of(2024, 4, 5), "10", LocalDate.of(2024, 3, 1));
		long s95 = training.session(plan, LocalDate.of(2024, 5, 5), "9.5", LocalDate.of(2024, 4, 1));
		long s31 = training.session(plan, LocalDate.of(2024, 6, 5), "31", LocalDate.of(2024, 5, 1));
		training.attend(s20, a, true, "90", null);
		training.attend(s10, a, true, "85", null);
		training.attend(s20, b, true, "80", null);
		training.attend(s95, b, true, "75", null);
		training.attend(s20, d, true, "95", null);
		training.attend(s10, d, true, "95", null);
		training.attend(s31, d, true, "95", null);
		training.attend(s20, x, true, "60", c); // 辅助人员代替 丙: not 丙's hours
		training.attend(s10, c, false, null, null); // on the list, never signed in
		training.attend(s10, e, true, "70", null);
		long next = training.plan(squad, 2025, "COORDINATED", "次年培训");
		training.attend(training.session(next, LocalDate.of(2025, 1, 10), "5", LocalDate.of(2024, 12, 20)), a, true,
				"90", null);
	}

	@Test
	void r62_hoursCountTheYearsSessionsSignedInInPersonAndBehindIsJudgedOnTheDay() throws Exception {
		clock.setToday(LocalDate.of(2024, 7, 1));
		TrainingOverview.HoursReport report = report(Users.legalSection(), "/training/hours?year=2024&all=true");
		assertThat(report.expected()).isEqualByComparingTo("30");
		assertThat(report.asOf()).isEqualTo(LocalDate.of(2024, 7, 1));
		Map<String, TrainingOverview.OfficerHours> by = mine(report);
		assertThat(by.get("HRS-A").hours()).isEqualByComparingTo("30");
		assertThat(by.get("HRS-A").behind()).isFalse();
		assertThat(by.get("HRS-B").hours()).isEqualByComparingTo("29.5");
		assertThat(by.get("HRS-B").behind()).isTrue();
		assertThat(by.get("HRS-C").hours()).isEqualByComparingTo("0");
		assertThat(by.get("HRS-C").behind()).isTrue();
		assertThat(by.get("HRS-D").hours()).isEqualByComparingTo("61");
		assertThat(by.get("HRS-D").complete()).isTrue();
		assertThat(by.get("HRS-D").shortfall()).isEqualByComparingTo("0");
		assertThat(by.get("HRS-E").hours()).isEqualByComparingTo("10");
		assertThat(by.get("HRS-E").unitName()).isEqualTo("学时二中队");
		assertThat(by.get("HRS-B").shortfall()).isEqualByComparingTo("30.5");
		assertThat(by).doesNotContainKey("HRS-X");
	}

	@Test
	void r62_afterTheYearBehindMeansShortOfTheFullSixty() throws Exception {
		clock.setToday(LocalDate.of(2025, 3, 1));
		Map<String, TrainingOverview.OfficerHours> by = mine(
				report(Users.legalSection(), "/training/hours?year=2024&all=true"));
		assertThat(by.get("HRS-A").behind()).isTrue();
		assertThat(by.get("HRS-D").behind()).isFalse();
		// 2025 counts only 2025's session
		assertThat(mine(report(Users.legalSection(), "/training/hours?year=2025&all=true")).get("HRS-A").hours())
			.isEqualByComparingTo("5");
	}

	@Test
	void r62_theYearlyHoursAreASettingOfTheLegalSection() throws Exception {
		clock.setToday(LocalDate.of(2024, 7, 1));
		settings.set(RuleSetting.TRAINING_HOURS_PER_YEAR, "40", "test");
		try {
			TrainingOverview.HoursReport report = report(Users.legalSection(), "/training/hours?year=2024&all=true");
			assertThat(report.expected()).isEqualByComparingTo("20");
			assertThat(mine(report).get("HRS-B").behind()).isFalse();
			assertThat(mine(report).get("HRS-E").behind()).isTrue();
		}
		finally {
			settings.reset(RuleSetting.TRAINING_HOURS_PER_YEAR);
		}
	}

	@Test
	void theLegalSectionSeesEveryUnitsSummaryAndByDefaultTheOfficersBehind() throws Exception {
		clock.setToday(LocalDate.of(2024, 7, 1));
		MvcResult r = mvc.perform(get("/training/hours?year=2024").with(Users.legalSection()))
			.andExpect(status().isOk()).andReturn();
		@SuppressWarnings("unchecked")
		List<TrainingOverview.OfficerHours> rows = (List<TrainingOverview.OfficerHours>) r.getModelAndView()
			.getModel().get("rows");
		assertThat(rows.stream().map(TrainingOverview.OfficerHours::employeeNo).filter(MINE::contains))
			.containsExactlyInAnyOrder("HRS-B", "HRS-C", "HRS-E");
		@SuppressWarnings("unchecked")
		List<HoursController.UnitHours> summary = (List<HoursController.UnitHours>) r.getModelAndView().getModel()
			.get("summary");
		HoursController.UnitHours first = summary.stream().filter(u -> u.unitId() == squad).findFirst().orElseThrow();
		assertThat(first.officers()).isEqualTo(4);
		assertThat(first.totalHours()).isEqualByComparingTo("120.5");
		assertThat(first.averageHours()).isEqualByComparingTo("30.13");
		assertThat(first.complete()).isEqualTo(1);
		assertThat(first.behind()).isEqualTo(2);
		String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("2024 年培训学时", "学时乙", "学时二中队", "进度落后").doesNotContain("??");

		MvcResult unit = mvc.perform(get("/training/hours?year=2024&unit=" + squad + "&all=true")
			.with(Users.supervision())).andReturn();
		@SuppressWarnings("unchecked")
		List<TrainingOverview.OfficerHours> unitRows = (List<TrainingOverview.OfficerHours>) unit.getModelAndView()
			.getModel().get("rows");
		assertThat(unitRows).extracting(TrainingOverview.OfficerHours::employeeNo)
			.containsExactly("HRS-A", "HRS-B", "HRS-C", "HRS-D");
	}

	@Test
	void aSquadLeaderSeesHisUnitAndAnOfficerHisOwnHoursWithTheSessionsBehindThem() throws Exception {
		clock.setToday(LocalDate.of(2024, 7, 1));
		TrainingOverview.HoursReport squadReport = report(Users.squadLeaderOf(squad), "/training/hours?year=2024&all=true");
		assertThat(squadReport.officers()).extracting(TrainingOverview.OfficerHours::unitId).containsOnly(squad);
		assertThat(squadReport.officers()).hasSize(4);

		MvcResult mine = mvc.perform(get("/training/hours?year=2024").with(Users.officer(c, squad)))
			.andExpect(status().isOk()).andReturn();
		TrainingOverview.HoursReport own = (TrainingOverview.HoursReport) mine.getModelAndView().getModel().get("report");
		assertThat(own.officers()).extracting(TrainingOverview.OfficerHours::employeeNo).containsExactly("HRS-C");
		String html = mine.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("学时丙（HRS-C）的培训学时", "已完成 0 / 60 学时", "由 学时辅 代替参会")
			.doesNotContain("学时甲").doesNotContain("hours-summary");
	}

	@Test
	void theExportHoldsTheOfficersInScopeWithHoursAsNumbers() throws Exception {
		clock.setToday(LocalDate.of(2024, 7, 1));
		Map<String, Row> legal = export(Users.legalSection());
		assertThat(legal.keySet()).containsAll(MINE);
		Row b = legal.get("HRS-B");
		assertThat(b.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(b.getCell(3).getNumericCellValue()).isEqualTo(29.5);
		assertThat(b.getCell(6).getNumericCellValue()).isEqualTo(30.0);
		assertThat(b.getCell(8).getStringCellValue()).isEqualTo("进度落后");
		assertThat(legal.get("HRS-D").getCell(8).getStringCellValue()).isEqualTo("已满学时");

		assertThat(export(Users.legalOfficerOf(class1)).keySet()).containsExactly("HRS-E");
		mvc.perform(get("/training/hours/export?year=2024").with(Users.admin())).andExpect(status().isForbidden());
		mvc.perform(get("/training/hours?year=2024").with(Users.admin())).andExpect(status().isForbidden());
	}

	private TrainingOverview.HoursReport report(RequestPostProcessor user, String url) throws Exception {
		MvcResult r = mvc.perform(get(url).with(user)).andExpect(status().isOk()).andReturn();
		return (TrainingOverview.HoursReport) r.getModelAndView().getModel().get("report");
	}

	private static Map<String, TrainingOverview.OfficerHours> mine(TrainingOverview.HoursReport report) {
		Map<String, TrainingOverview.OfficerHours> by = new HashMap<>();
		report.officers().stream().filter(o -> o.employeeNo().startsWith("HRS-")).forEach(o -> by.put(o.employeeNo(), o));
		return by;
	}

	private Map<String, Row> export(RequestPostProcessor user) throws Exception {
		byte[] body = mvc.perform(get("/training/hours/export?year=2024").with(user))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		Map<String, Row> rows = new HashMap<>();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("工号");
			for (int i = 2; i <= sheet.getLastRowNum(); i++) {
				Row row = sheet.getRow(i);
				if (row.getCell(0).getStringCellValue().startsWith("HRS-")) {
					rows.put(row.getCell(0).getStringCellValue(), row);
				}
			}
		}
		return rows;
	}

}
