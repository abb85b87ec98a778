package cn.wucheng.cq.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * R-27 on the calendar the migrations fill with the State Council's 2024, 2025 and 2026 arrangements. Edits here use the
 * year 2031 only (other test classes of this context read 2024/2025).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=training")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class WorkingDaysTests {

	@Autowired
	WorkingDays workingDays;

	@Autowired
	RuleSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void r27_aSundayMadeAWorkingDayIsOneAndASpringFestivalMondayIsNot() {
		assertThat(LocalDate.of(2024, 2, 4).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
		assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 2, 4))).isTrue();
		assertThat(LocalDate.of(2024, 2, 12).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 2, 12))).isFalse();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 2, 10))).isFalse();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 2, 19))).isTrue();
	}

	@Test
	void r27_fiveWorkingDaysAfterFriday27September2024CrossTheNationalDayHolidayTo10October() {
		// 28 Sat off, 29 Sun makeup (1), 30 Mon (2), 1–7 Oct off, 8 (3), 9 (4), 10 (5)
		assertThat(workingDays.addWorkingDays(LocalDate.of(2024, 9, 27), 5)).isEqualTo(LocalDate.of(2024, 10, 10));
		assertThat(workingDays.workingDaysBetween(LocalDate.of(2024, 9, 27), LocalDate.of(2024, 10, 10))).isEqualTo(5);
		assertThat(workingDays.addWorkingDays(LocalDate.of(2024, 10, 10), -5)).isEqualTo(LocalDate.of(2024, 9, 27));
		assertThat(workingDays.addWorkingDays(LocalDate.of(2024, 9, 27), 0)).isEqualTo(LocalDate.of(2024, 9, 27));
		assertThat(workingDays.workingDaysBetween(LocalDate.of(2024, 10, 10), LocalDate.of(2024, 9, 27))).isEqualTo(-5);
	}

	@Test
	void r27_theFifteenthOfJune2024IsASaturdaySoADeadlineOnItMovesToMonday17June() {
		assertThat(workingDays.dayOfMonthDeadline(YearMonth.of(2024, 6), 15)).isEqualTo(LocalDate.of(2024, 6, 17));
		// a day in the month's range that is a working day stays
		assertThat(workingDays.dayOfMonthDeadline(YearMonth.of(2024, 7), 15)).isEqualTo(LocalDate.of(2024, 7, 15));
		// 31 January 2025 is in the Spring Festival holiday (28 Jan–4 Feb): the next working day is 5 February
		assertThat(workingDays.dayOfMonthDeadline(YearMonth.of(2025, 1), 31)).isEqualTo(LocalDate.of(2025, 2, 5));
		// "by the 31st" in February means its last day
		assertThat(workingDays.dayOfMonthDeadline(YearMonth.of(2024, 2), 31)).isEqualTo(LocalDate.of(2024, 2, 29));
	}

	@Test
	void r27_withTheSettingOffTheDeadlineStaysOnTheNonWorkingDay() {
		settings.set(RuleSetting.DEADLINE_MOVES_TO_NEXT_WORKING_DAY, "false", "test");
		try {
			assertThat(workingDays.dayOfMonthDeadline(YearMonth.of(2024, 6), 15)).isEqualTo(LocalDate.of(2024, 6, 15));
		}
		finally {
			settings.reset(RuleSetting.DEADLINE_MOVES_TO_NEXT_WORKING_DAY);
		}
		assertThat(workingDays.dayOfMonthDeadline(YearMonth.of(2024, 6), 15)).isEqualTo(LocalDate.of(2024, 6, 17));
	}

	@Test
	void r27_theMigrationHoldsTheOfficialArrangementsWithHolidaysOnWeekdaysAndMakeupDaysOnWeekends() {
		record Row(LocalDate day, DayKind kind) {
		}
		List<Row> rows = jdbc.sql("select on_date, kind from calendar_day where on_date < '2027-01-01'")
			.query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2))))
			.list();
		assertThat(rows).allMatch(r -> r.kind().fits(r.day()));
		Map<LocalDate, DayKind> y2024 = workingDays.exceptions(2024);
		Map<LocalDate, DayKind> y2025 = workingDays.exceptions(2025);
		assertThat(y2024.values().stream().filter(k -> k == DayKind.HOLIDAY)).hasSize(19);
		assertThat(y2024.values().stream().filter(k -> k == DayKind.MAKEUP_WORKDAY)).hasSize(8);
		assertThat(y2025.values().stream().filter(k -> k == DayKind.HOLIDAY)).hasSize(18);
		assertThat(y2025.values().stream().filter(k -> k == DayKind.MAKEUP_WORKDAY)).hasSize(5);
		// the well-known totals: 251 working days in 2024, 248 in 2025
		assertThat(workingDays.workingDaysBetween(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 12, 31))).isEqualTo(251);
		assertThat(workingDays.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31))).isEqualTo(248);
		// 2026 (migration 9.71, the notice of 2025-11-04): 19 weekday holidays, 6 weekend makeup days, 248 working days
		Map<LocalDate, DayKind> y2026 = workingDays.exceptions(2026);
		assertThat(y2026.values().stream().filter(k -> k == DayKind.HOLIDAY)).hasSize(19);
		assertThat(y2026.values().stream().filter(k -> k == DayKind.MAKEUP_WORKDAY)).hasSize(6);
		assertThat(workingDays.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31))).isEqualTo(248);
	}

	@Test
	void r27_theSpringFestivalOf2026RunsFrom15To23FebruaryWithSaturday14And28FebruaryWorked() {
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
		// five working days after Friday 13 February: Sat 14 (1), then 24, 25, 26, 27 February (5)
		assertThat(workingDays.addWorkingDays(LocalDate.of(2026, 2, 13), 5)).isEqualTo(LocalDate.of(2026, 2, 27));
	}

	@Test
	void r27_aYearIsKeptUntilTheDataChangesAndAChangeWrittenElsewhereShowsAtTheNextQuestion() {
		LocalDate monday = LocalDate.of(2031, 3, 3);
		assertThat(workingDays.isWorkingDay(monday)).isTrue();
		// kept: asked again without a change, the year is the very same map
		assertThat(workingDays.exceptions(2031)).isSameAs(workingDays.exceptions(2031));
		// a row written behind the bean's back — plain SQL, as another instance on the same database would — raises
		// the data stamp at its commit, without any event in this JVM: the next question reads the committed calendar
		tx.executeWithoutResult(s -> jdbc
			.sql("insert into calendar_day (on_date, kind, name) values ('2031-03-03', 'HOLIDAY', '缓存测试')")
			.update());
		assertThat(workingDays.isWorkingDay(monday)).isFalse();
		tx.executeWithoutResult(s -> jdbc.sql("delete from calendar_day where on_date = '2031-03-03'").update());
		assertThat(workingDays.isWorkingDay(monday)).isTrue();
	}

	@Test
	void r27_insideAWritingTransactionTheCalendarShowsTheTransactionsOwnChangeAndKeepsNothingOfIt() {
		LocalDate tuesday = LocalDate.of(2031, 3, 4);
		assertThat(workingDays.isWorkingDay(tuesday)).isTrue();
		tx.executeWithoutResult(s -> {
			jdbc.sql("insert into calendar_day (on_date, kind, name) values ('2031-03-04', 'HOLIDAY', '回滚测试')")
				.update();
			assertThat(workingDays.isWorkingDay(tuesday)).isFalse();
			s.setRollbackOnly();
		});
		// rolled back: the transaction's view was not kept
		assertThat(workingDays.isWorkingDay(tuesday)).isTrue();
	}

}
