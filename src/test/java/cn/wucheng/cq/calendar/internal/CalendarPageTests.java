package cn.wucheng.cq.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.wucheng.cq.calendar.WorkingDays;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * The calendar page: everyone signed in reads it, the legal section edits it with checked, audited changes
 * that the working days see at once. Edits use 2032 only (other classes of this context read 2024/2025 and 2031).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=training")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class CalendarPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	CalendarDayRepository days;

	@Test
	void everyoneSignedInReadsTheYearWithItsHolidaysAndMakeupDaysButOnlyTheLegalSectionSeesTheForm() throws Exception {
		String legal = html(mvc.perform(get("/calendar?year=2024").with(Users.legalSection())));
		assertThat(legal).contains("2024 年工作日历", "全年工作日 251 天", "春节", "国庆节", "data-date=\"2024-02-12\"",
				"data-status=\"HOLIDAY\"", "data-status=\"MAKEUP\"", "id=\"calendar-form\"", "2 月（工作日 18 天）")
			.doesNotContain("??");

		for (var user : new org.springframework.test.web.servlet.request.RequestPostProcessor[] { Users.officer(1L, 1L),
				Users.admin(), Users.squadLeaderOf(1L), Users.supervision() }) {
			String page = html(mvc.perform(get("/calendar?year=2025").with(user)));
			assertThat(page).contains("2025 年工作日历", "国庆节、中秋节").doesNotContain("id=\"calendar-form\"");
		}
		mvc.perform(get("/calendar?year=2024")).andExpect(status().is3xxRedirection());
	}

	@Test
	void aYearWithoutArrangementsSaysSoAndABadYearFallsBackWithAWarning() throws Exception {
		assertThat(html(mvc.perform(get("/calendar?year=2040").with(Users.leader())))).contains("calendar-empty-year");
		mvc.perform(get("/calendar?year=abc").with(Users.leader()))
			.andExpect(status().isOk())
			.andExpect(model().attributeExists("badYear"));
	}

	@Test
	void r27_theLegalSectionAddsAHolidayWhichIsAuditedAndTheWorkingDaysSeeAtOnce() throws Exception {
		LocalDate monday = LocalDate.of(2032, 2, 9);
		assertThat(workingDays.isWorkingDay(monday)).isTrue(); // caches 2032

		mvc.perform(post("/calendar/days").with(Users.legalSection()).with(csrf())
			.param("onDate", "2032-02-09").param("kind", "HOLIDAY").param("name", "春节"))
			.andExpect(redirectedUrl("/calendar?year=2032"))
			.andExpect(flash().attribute("flashSuccess", "已保存：2032-02-09 法定节假日（春节）"));

		assertThat(workingDays.isWorkingDay(monday)).isFalse();
		assertThat(audits("CALENDAR_DAY_ADDED", "2032-02-09")).isEqualTo(1);
	}

	@Test
	void r27_changingAndRemovingAnExceptionIsSeenByTheWorkingDaysAndAStaleVersionIsRefused() throws Exception {
		mvc.perform(post("/calendar/days").with(Users.legalSection()).with(csrf())
			.param("onDate", "2032-05-03").param("kind", "HOLIDAY").param("name", "劳动节"))
			.andExpect(status().is3xxRedirection());
		CalendarDay day = days.findByOnDate(LocalDate.of(2032, 5, 3)).orElseThrow();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2032, 5, 3))).isFalse();

		mvc.perform(post("/calendar/days/" + day.getId()).with(Users.legalSection()).with(csrf())
			.param("onDate", "2032-05-04").param("kind", "HOLIDAY").param("name", "劳动节")
			.param("version", day.getVersion().toString()))
			.andExpect(redirectedUrl("/calendar?year=2032"));
		assertThat(workingDays.isWorkingDay(LocalDate.of(2032, 5, 3))).isTrue();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2032, 5, 4))).isFalse();

		// the form the user opened before that change is stale now
		mvc.perform(post("/calendar/days/" + day.getId()).with(Users.legalSection()).with(csrf())
			.param("onDate", "2032-05-05").param("kind", "HOLIDAY").param("name", "劳动节")
			.param("version", day.getVersion().toString()))
			.andExpect(flash().attribute("flashError", "未保存：该记录已被他人修改或删除，请查看最新内容后重试。"));
		assertThat(workingDays.isWorkingDay(LocalDate.of(2032, 5, 5))).isTrue();

		CalendarDay now = days.findById(day.getId()).orElseThrow();
		// issue 13 item 7: without the second step (confirmed=true, e.g. no script) nothing is removed
		mvc.perform(post("/calendar/days/" + day.getId() + "/delete").with(Users.legalSection()).with(csrf())
			.param("version", now.getVersion().toString()))
			.andExpect(flash().attribute("flashError", "请在第二步点“确认删除”：删除后不能恢复。"));
		assertThat(workingDays.isWorkingDay(LocalDate.of(2032, 5, 4))).isFalse();
		mvc.perform(post("/calendar/days/" + day.getId() + "/delete").with(Users.legalSection()).with(csrf()).param("confirmed", "true")
			.param("version", now.getVersion().toString()))
			.andExpect(flash().attributeExists("flashSuccess"));
		assertThat(workingDays.isWorkingDay(LocalDate.of(2032, 5, 4))).isTrue();
		assertThat(audits("CALENDAR_DAY_CHANGED", "2032-05-04")).isEqualTo(1);
		assertThat(audits("CALENDAR_DAY_REMOVED", "2032-05-04")).isEqualTo(1);
	}

	@Test
	void r27_aHolidayMustBeAWeekdayAMakeupDayAWeekendDayAndADateIsEnteredOnce() throws Exception {
		String weekendHoliday = html(mvc.perform(post("/calendar/days").with(Users.legalSection()).with(csrf())
			.param("onDate", "2032-02-07").param("kind", "HOLIDAY").param("name", "春节")));
		assertThat(weekendHoliday).contains("2032-02-07 是星期六，本来就不上班：法定节假日只登记周一至周五");

		String weekdayMakeup = html(mvc.perform(post("/calendar/days").with(Users.legalSection()).with(csrf())
			.param("onDate", "2032-02-10").param("kind", "MAKEUP_WORKDAY").param("name", "春节")));
		assertThat(weekdayMakeup).contains("2032-02-10 是星期二，本来就上班：调休上班只登记周六、周日");

		String duplicate = html(mvc.perform(post("/calendar/days").with(Users.legalSection()).with(csrf())
			.param("onDate", "2024-02-12").param("kind", "HOLIDAY").param("name", "春节")));
		assertThat(duplicate).contains("2024-02-12 已登记（春节），请修改该记录，不要重复登记");

		String blank = html(mvc.perform(post("/calendar/days").with(Users.legalSection()).with(csrf())
			.param("onDate", "不是日期").param("name", "")));
		assertThat(blank).contains("日期格式应为 年-月-日", "请选择类型", "请填写名称");

		assertThat(days.findByOnDate(LocalDate.of(2032, 2, 7))).isEmpty();
		assertThat(days.findByOnDate(LocalDate.of(2032, 2, 10))).isEmpty();
	}

	@Test
	void onlyTheLegalSectionEditsTheCalendar() throws Exception {
		for (var user : new org.springframework.test.web.servlet.request.RequestPostProcessor[] { Users.admin(),
				Users.supervision(), Users.squadLeaderOf(1L), Users.officer(1L, 1L) }) {
			mvc.perform(post("/calendar/days").with(user).with(csrf())
				.param("onDate", "2032-03-01").param("kind", "HOLIDAY").param("name", "越权"))
				.andExpect(status().isForbidden());
		}
		assertThat(days.findByOnDate(LocalDate.of(2032, 3, 1))).isEmpty();
	}

	private long audits(String action, String key) {
		return jdbc.sql("select count(*) from audit_log where action = ? and entity_key = ?")
			.params(action, key)
			.query(Long.class)
			.single();
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
