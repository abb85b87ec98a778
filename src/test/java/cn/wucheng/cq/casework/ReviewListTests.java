package cn.wucheng.cq.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.PrintSetup;
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
import org.springframework.test.web.servlet.ResultActions;

import cn.wucheng.cq.casework.internal.ReviewLists;
import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.DueItemSource;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * the squad's monthly list — signing refused while cases are unreviewed (saying how many), DRAFT → SIGNED →
 * SUBMITTED audited, on time / late / missing for 法制科 by the 15th of the next month, the .xlsx in the layout
 * of attachment 2 opened with POI, and the reminders of the squad leader and 法制科.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=casework")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	List<DueItemSource> sources;

	CaseworkFixture onTime;

	CaseworkFixture late;

	CaseworkFixture missing;

	@BeforeAll
	void squads() {
		onTime = new CaseworkFixture(jdbc, "QA", "清单一中队", "直属中队", true);
		late = new CaseworkFixture(jdbc, "QB", "清单二中队", "直属中队", true);
		missing = new CaseworkFixture(jdbc, "QC", "清单三中队", "直属中队", true);
		onTime.bureau.caseIn("QA-1", "简易程序", "市容环境卫生", onTime.unit, onTime.a, onTime.b,
				LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 3));
		onTime.bureau.caseIn("QA-2", "简易程序", "市容环境卫生", onTime.unit, onTime.c, onTime.a,
				LocalDate.of(2024, 6, 4), LocalDate.of(2024, 6, 4));
		jdbc.sql("update case_file set decision_no = '=HYPERLINK(\"http://x\")', video_no = 'V-QA-2' where case_no = 'QA-2'").update();
		late.simpleCase("QB-1", LocalDate.of(2024, 6, 5));
		missing.simpleCase("QC-1", LocalDate.of(2024, 6, 6));
	}

	@Test
	void r41_signingIsRefusedWhileCasesAreUnreviewedThenTheListIsSignedAndSubmittedOnTime() throws Exception {
		clock.setToday(LocalDate.of(2024, 6, 3));
		String list = "/casework/squads/" + onTime.unit + "/lists/2024-06";
		review(onTime, "QA-1");
		mvc.perform(post(list + "/sign").with(Users.squadLeaderOf(onTime.unit)).with(csrf()).param("confirmed", "true"))
			.andExpect(flash().attribute("flashError", "本月还有 1 起简易程序案件未经法制员审核，审核完毕后才能签字"));
		mvc.perform(post(list + "/submit").with(Users.squadLeaderOf(onTime.unit)).with(csrf()).param("confirmed", "true"))
			.andExpect(flash().attribute("flashError", "审核清单须先由中队长签字，才能报送法制科"));
		clock.setToday(LocalDate.of(2024, 6, 4));
		review(onTime, "QA-2");
		clock.setToday(LocalDate.of(2024, 7, 2));
		mvc.perform(post(list + "/sign").with(Users.legalOfficerOf(onTime.unit)).with(csrf()).param("confirmed", "true")).andExpect(status().isForbidden());
		mvc.perform(post(list + "/sign").with(Users.squadLeaderOf(late.unit)).with(csrf()).param("confirmed", "true")).andExpect(status().isNotFound());
		// issue 13 item 7: without the ticked box (confirmed=true, e.g. no script) the list is not signed
		mvc.perform(post(list + "/sign").with(Users.squadLeaderOf(onTime.unit)).with(csrf()))
			.andExpect(flash().attribute("flashError", "请先勾选确认框：此操作不能撤回。"));
		mvc.perform(post(list + "/sign").with(Users.squadLeaderOf(onTime.unit)).with(csrf()).param("confirmed", "true"))
			.andExpect(flash().attribute("flashSuccess", "审核清单已签字。"));
		assertThat(listStatus(onTime)).isEqualTo("SIGNED");
		String v = listVersion(onTime);
		mvc.perform(post(list + "/sign").with(Users.squadLeaderOf(onTime.unit)).with(csrf()).param("confirmed", "true").param("version", v))
			.andExpect(flash().attribute("flashError", "审核清单已签字，不能再次签字"));
		mvc.perform(post(list + "/submit").with(Users.squadLeaderOf(onTime.unit)).with(csrf()).param("confirmed", "true").param("version", v + "9"))
			.andExpect(flash().attribute("flashError", "该记录已被他人修改，请刷新页面后重新操作"));
		mvc.perform(post(list + "/submit").with(Users.squadLeaderOf(onTime.unit)).with(csrf()).param("confirmed", "true").param("version", v))
			.andExpect(flash().attribute("flashSuccess", "审核清单已报送法制科。"));
		assertThat(listStatus(onTime)).isEqualTo("SUBMITTED");
		assertThat(onTime.audits("REVIEW_LIST_SIGNED", "清单一中队 2024-06")).isEqualTo(1);
		assertThat(onTime.audits("REVIEW_LIST_SUBMITTED", "清单一中队 2024-06")).isEqualTo(1);
		String page = html(mvc.perform(get(list).with(Users.supervision())));
		assertThat(page).contains("2024年6月清单一中队简易案件审核清单", "中队长（签字）：SQUAD_LEADER（电子签名，2024-07-02", "按时报送")
			.doesNotContain("??");
		// a correction of a review once the list is signed is refused
		long id = onTime.caseId("QA-1");
		int rv = jdbc.sql("select version from simple_review where case_id = ?").param(id).query(Integer.class).single();
		mvc.perform(post("/casework/cases/" + id + "/review").with(Users.legalOfficerOf(onTime.unit)).with(csrf())
			.param("subjectOk", "false").param("partyOk", "true").param("evidenceOk", "true").param("lawOk", "true")
			.param("recordOk", "true").param("note", "执法主体：执法证过期").param("version", Integer.toString(rv)))
			.andExpect(flash().attribute("flashError", "本月审核清单已由中队长签字，不能再修改该案件的审核记录"));
	}

	@Test
	void r41_theLegalSectionSeesEachSquadOnTimeLateOrMissingAfterTheDeadline() throws Exception {
		clock.setToday(LocalDate.of(2024, 6, 5));
		review(late, "QB-1");
		clock.setToday(LocalDate.of(2024, 7, 16));
		String list = "/casework/squads/" + late.unit + "/lists/2024-06";
		mvc.perform(post(list + "/sign").with(Users.squadLeaderOf(late.unit)).with(csrf()).param("confirmed", "true"));
		mvc.perform(post(list + "/submit").with(Users.squadLeaderOf(late.unit)).with(csrf()).param("confirmed", "true").param("version", listVersion(late)))
			.andExpect(flash().attribute("flashSuccess",
					"审核清单已报送法制科；报送日期 2024-07-16 晚于截止日期 2024-07-15，已标记为逾期报送。"));
		String page = html(mvc.perform(get("/casework/lists?month=2024-06").with(Users.legalSection())));
		assertThat(row(page, "清单二中队")).contains("data-deadline-status=\"LATE\"");
		assertThat(row(page, "清单三中队")).contains("data-deadline-status=\"MISSING\"");
		mvc.perform(get("/casework/lists?month=2024-06").with(Users.leader())).andExpect(status().isOk());
		mvc.perform(get("/casework/lists?month=2024-06").with(Users.squadLeaderOf(late.unit))).andExpect(status().isForbidden());
		List<DueItem> legal = due(Role.LEGAL, null, LocalDate.of(2024, 7, 16));
		assertThat(legal).extracting(DueItem::messageKey).contains("casework.due.lateLists");
		List<DueItem> leader = due(Role.SQUAD_LEADER, missing.unit, LocalDate.of(2024, 7, 16));
		assertThat(leader).singleElement().satisfies(d -> {
			assertThat(d.messageKey()).isEqualTo("casework.due.list");
			assertThat(d.overdue()).isTrue();
			assertThat(d.dueOn()).isEqualTo(LocalDate.of(2024, 7, 15));
		});
		assertThat(due(Role.SQUAD_LEADER, late.unit, LocalDate.of(2024, 7, 16))).isEmpty();
	}

	/**
	 * The month's overview and the period's figures are kept under the data stamp and the day (the comparison of
	 * bureaus asked each bureau's months five times): the same answer until the day or the data change.
	 */
	@Test
	void r41_theOverviewAndTheFiguresAreKeptUntilTheDayOrTheDataChange(@Autowired ReviewLists lists,
			@Autowired CaseworkFigures figures) {
		YearMonth june = YearMonth.of(2024, 6);
		clock.setToday(LocalDate.of(2024, 7, 20));
		List<ReviewLists.SquadListRow> overview = lists.overview(june);
		Map<Long, CaseworkFigures.SquadFigures> quarter = figures.forPeriod(june.atDay(1), june.atEndOfMonth());
		assertThat(lists.overview(june)).as("kept").isSameAs(overview);
		assertThat(figures.forPeriod(june.atDay(1), june.atEndOfMonth())).as("kept").isSameAs(quarter);

		clock.setToday(LocalDate.of(2024, 7, 21));
		List<ReviewLists.SquadListRow> nextDay = lists.overview(june);
		assertThat(nextDay).as("a new day: a list may have become due").isNotSameAs(overview).isEqualTo(overview);

		// plain SQL that changes no row still raises the stamp at its commit, as any write of another instance
		jdbc.sql("update simple_review set reviewed_on = reviewed_on where false").update();
		assertThat(lists.overview(june)).as("the data changed").isNotSameAs(nextDay).isEqualTo(nextDay);
		assertThat(figures.forPeriod(june.atDay(1), june.atEndOfMonth())).isNotSameAs(quarter);
	}

	@Test
	void r41_r27_aDeadlineOnAHolidayMovesToTheNextWorkingDay() throws Exception {
		// 15 September 2024 is a Sunday in the Mid-Autumn holiday (15–17 September): the August list is due on the 18th
		String page = html(mvc.perform(get("/casework/lists?month=2024-08").with(Users.legalSection())));
		assertThat(page).contains("报送截止：2024-09-18");
	}

	@Test
	void r41_theExportHasTheLayoutOfAttachmentTwoAndPrintsOnA4Landscape() throws Exception {
		byte[] body = mvc.perform(get("/casework/squads/" + onTime.unit + "/lists/2024-06/xlsx").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2024年6月清单一中队简易案件审核清单");
			List<String> headers = new ArrayList<>();
			sheet.getRow(1).forEach(c -> headers.add(c.getStringCellValue()));
			assertThat(headers).containsExactly("序号", "案件办理日期", "决定书号", "执法主体是否合格", "处罚对象是否正确",
					"事实、证据是否清楚规范", "法律适用是否正确", "全过程记录是否齐全", "视频编号", "承办人", "法制员(签字)",
					// the amended R-41 (note on a 否) and R-12 (the squad reviewer's opinion) follow the attachment's columns
					"问题说明", "中队规范审核意见");
			Row first = sheet.getRow(2);
			assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("2024-06-03");
			assertThat(first.getCell(9).getStringCellValue()).isEqualTo("QA甲、QA乙");
			Row second = sheet.getRow(3);
			assertThat(second.getCell(2).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
			assertThat(second.getCell(2).getCellStyle().getQuotePrefixed()).as("formula injection neutralised").isTrue();
			assertThat(second.getCell(8).getStringCellValue()).isEqualTo("V-QA-2");
			List<String> texts = new ArrayList<>();
			for (int r = 4; r <= sheet.getLastRowNum(); r++) {
				if (sheet.getRow(r) != null && sheet.getRow(r).getCell(0) != null) {
					texts.add(sheet.getRow(r).getCell(0).getStringCellValue());
				}
			}
			assertThat(texts).contains("备注：当天案件当天审核完毕");
			assertThat(texts).anyMatch(t -> t.startsWith("中队长（签字）："));
			PrintSetup print = sheet.getPrintSetup();
			assertThat(print.getLandscape()).isTrue();
			assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(sheet.getFitToPage()).isTrue();
			assertThat(print.getFitWidth()).isEqualTo((short) 1);
			assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("2:2");
		}
	}

	private void review(CaseworkFixture f, String caseNo) throws Exception {
		mvc.perform(post("/casework/cases/" + f.caseId(caseNo) + "/review").with(Users.legalOfficerOf(f.unit)).with(csrf())
			.param("subjectOk", "true").param("partyOk", "true").param("evidenceOk", "true").param("lawOk", "true")
			.param("recordOk", "true"))
			.andExpect(flash().attributeExists("flashSuccess"));
	}

	private String listVersion(CaseworkFixture f) {
		return jdbc.sql("select version from review_list where unit_id = ?").param(f.unit).query(String.class).single();
	}

	private String listStatus(CaseworkFixture f) {
		return jdbc.sql("select status from review_list where unit_id = ?").param(f.unit).query(String.class).single();
	}

	/** This module's due items (other modules add their own for the same user, e.g. recording gaps). */
	private List<DueItem> due(Role role, Long unit, LocalDate today) {
		CurrentUser user = new CurrentUser(1L, "u", "u", role, unit, null);
		return sources.stream()
			.flatMap(s -> s.dueFor(user, today).stream())
			.filter(i -> i.messageKey().startsWith("casework."))
			.toList();
	}

	private static String row(String page, String unitName) {
		int at = page.indexOf("data-unit=\"" + unitName + "\"");
		assertThat(at).as(unitName).isPositive();
		return page.substring(at, page.indexOf("</tr>", at));
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
