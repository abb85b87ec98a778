package cn.wucheng.cq.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

import cn.wucheng.cq.casework.CaseworkFigures;
import cn.wucheng.cq.recording.GapQuery;
import cn.wucheng.cq.recording.RecordingCompliance;
import cn.wucheng.cq.reviews.EvaluationResults;
import cn.wucheng.cq.reviews.ReviewRates;
import cn.wucheng.cq.scoring.Ranking;
import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.scoring.ScoreScope;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * R-73, second reading: the assessment exports carry each officer's quarter ranks, times named 最佳办案能手 and the
 * grades of the files he handled, and each unit's review rates, monthly lists, recording gaps and evaluation results,
 * each cell checked against the read API the pages use. A small bureau of one 直属中队 (units 考核* are unique to this
 * class); today is 20 July 2024, so Q1–Q3 are counted.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = { SupervisionContext.NAME, SupervisionContext.FILES, SupervisionContext.LIMIT })
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentExportTests {

	static final LocalDate TODAY = LocalDate.of(2024, 7, 20);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ScoreLedger ledger;

	@Autowired
	ReviewRates reviewRates;

	@Autowired
	CaseworkFigures casework;

	@Autowired
	RecordingCompliance recording;

	@Autowired
	EvaluationResults evaluation;

	long squad;

	long a;

	long b;

	long c;

	@BeforeAll
	void aDirectSquadWithReviewedAndUnreviewedCasesAndAnExcellentFile() {
		Bureau bureau = new Bureau(jdbc);
		squad = bureau.unit("考核直属中队", "直属中队");
		bureau.manages(squad, "民政", "教育");
		a = bureau.officer("AS-A", "考核甲", squad);
		b = bureau.officer("AS-B", "考核乙", squad);
		c = bureau.officer("AS-C", "考核丙", squad);
		long reviewed = bureau.caseIn("AS-1", "普通程序", "教育", squad, a, b, LocalDate.of(2024, 2, 1),
				LocalDate.of(2024, 2, 10));
		bureau.caseIn("AS-2", "普通程序", "民政", squad, a, c, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 10));
		long simple = bureau.caseIn("AS-3", "简易程序", "教育", squad, b, c, LocalDate.of(2024, 2, 12),
				LocalDate.of(2024, 2, 12));
		// AS-1 is legally reviewed, AS-2 is not
		jdbc.sql("insert into legal_review (case_id, status) values (?, 'APPROVED')").param(reviewed).update();
		// the simple case reviewed on its day; no monthly list is ever submitted
		jdbc.sql("""
				insert into simple_review (case_id, subject_ok, party_ok, evidence_ok, law_ok, record_ok, video_no,
				  reviewed_on, reviewer_name, reviewed_by, changed_at)
				values (?, true, true, true, true, true, 'V-1', ?, '法制员', 'lo', current_timestamp)""")
			.params(simple, LocalDate.of(2024, 2, 12))
			.update();
		// AS-1 drawn in March's peer round and scored 92 (优秀) by one evaluator
		long round = jdbc.sql("""
				insert into evaluation_round (kind, round_month, per_squad, seed, opened_on, opened_by)
				values ('PEER_REVIEW', ?, 1, 1, ?, 'legal') returning id""")
			.params(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 20))
			.query(Long.class)
			.single();
		jdbc.sql("insert into evaluation_file (round_id, case_id, unit_id, draw_order) values (?, ?, ?, 1)")
			.params(round, reviewed, squad)
			.update();
		jdbc.sql("""
				insert into evaluation (round_id, case_id, unit_id, evaluator_name, status, score, submitted_on)
				values (?, ?, ?, '第三方', 'SUBMITTED', 92, ?)""")
			.params(round, reviewed, squad, LocalDate.of(2024, 3, 25))
			.update();
	}

	@BeforeEach
	void today() {
		clock.setToday(TODAY);
	}

	@Test
	void r73_eachOfficerHasHisRankOfEveryQuarterAndTheTimesHeWasNamedBestHandlerAsTheRankingSays() throws Exception {
		try (XSSFWorkbook wb = xlsx("/supervision/assessment/officers")) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(16).getStringCellValue()).isEqualTo("第一季度排名");
			assertThat(sheet.getRow(1).getCell(20).getStringCellValue()).isEqualTo("评为最佳办案能手次数");
			Map<String, Row> rows = ReportsAndMeetingsTests.byFirstCell(sheet);
			for (String no : List.of("AS-A", "AS-B", "AS-C")) {
				Row row = rows.get(no);
				int best = 0;
				for (int q = 1; q <= 3; q++) {
					Ranking.Entry e = entry(Period.quarter(2024, q), no);
					assertThat(row.getCell(15 + q).getNumericCellValue()).as(no + " Q" + q).isEqualTo(e.rank());
					best += e.bestHandler() ? 1 : 0;
				}
				// Q4 has not begun: no rank
				assertThat(blank(row.getCell(20 - 1))).isTrue();
				assertThat(row.getCell(20).getNumericCellValue()).as(no).isEqualTo(best);
			}
			// 考核甲 leads Q1 (5 + 2 as lead of AS-1) and Q2 (AS-2): named 最佳办案能手 in both
			assertThat(rows.get("AS-A").getCell(16).getNumericCellValue()).isEqualTo(1);
			assertThat(rows.get("AS-A").getCell(20).getNumericCellValue()).isEqualTo(2);
		}
	}

	@Test
	void r73_eachOfficerHasTheGradesOfTheFilesHeHandledAsLeadOrCoHandler() throws Exception {
		try (XSSFWorkbook wb = xlsx("/supervision/assessment/officers")) {
			Map<String, Row> rows = ReportsAndMeetingsTests.byFirstCell(wb.getSheetAt(0));
			Map<Long, EvaluationResults.HandlerRow> graded = evaluation.byHandler(LocalDate.of(2024, 1, 1), TODAY);
			// AS-1 (92, 优秀) was handled by 考核甲 and 考核乙; 考核丙 handled no evaluated file
			for (String no : List.of("AS-A", "AS-B")) {
				Row row = rows.get(no);
				assertThat(row.getCell(21).getNumericCellValue()).isEqualTo(1);
				assertThat(row.getCell(22).getNumericCellValue()).isEqualTo(1);
				assertThat(row.getCell(23).getNumericCellValue()).isEqualTo(1);
				assertThat(row.getCell(24).getNumericCellValue()).isZero();
				assertThat(row.getCell(25).getNumericCellValue()).isZero();
			}
			assertThat(graded.get(a).excellent()).isEqualTo(1);
			assertThat(graded).doesNotContainKey(c);
			assertThat(rows.get("AS-C").getCell(21).getNumericCellValue()).isZero();
		}
	}

	@Test
	void r73_eachUnitHasItsReviewRatesListsOnTimeRecordingGapsAndEvaluationResultsAsThePagesSay() throws Exception {
		LocalDate from = LocalDate.of(2024, 1, 1);
		try (XSSFWorkbook wb = xlsx("/supervision/assessment/units")) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(16).getStringCellValue()).isEqualTo("法制审核率(%)");
			Row unit = ReportsAndMeetingsTests.byFirstCell(sheet).get("考核直属中队");
			int best = 0;
			for (int q = 1; q <= 3; q++) {
				for (String no : List.of("AS-A", "AS-B", "AS-C")) {
					best += entry(Period.quarter(2024, q), no).bestHandler() ? 1 : 0;
				}
			}
			assertThat(unit.getCell(13).getNumericCellValue()).isEqualTo(best).isPositive();

			// two ordinary cases concluded, one reviewed: 50.00 %
			List<ReviewRates.Row> rates = reviewRates.rates(from, TODAY, Optional.of(squad));
			assertThat(unit.getCell(14).getNumericCellValue())
				.isEqualTo(rates.stream().mapToLong(ReviewRates.Row::concluded).sum()).isEqualTo(2);
			assertThat(unit.getCell(15).getNumericCellValue())
				.isEqualTo(rates.stream().mapToLong(ReviewRates.Row::reviewed).sum()).isEqualTo(1);
			assertThat(unit.getCell(16).getNumericCellValue()).isEqualTo(50.0);

			// the simple case reviewed; February's list never submitted
			CaseworkFigures.SquadFigures f = casework.forPeriod(from, TODAY).get(squad);
			assertThat(unit.getCell(17).getNumericCellValue()).isEqualTo(f.simpleCases()).isEqualTo(1);
			assertThat(unit.getCell(18).getNumericCellValue()).isEqualTo(f.reviewed()).isEqualTo(1);
			assertThat(unit.getCell(19).getNumericCellValue()).isEqualTo(100.0);
			assertThat(unit.getCell(20).getNumericCellValue()).isEqualTo(f.listsDue()).isPositive();
			assertThat(unit.getCell(21).getNumericCellValue()).isEqualTo(f.listsOnTime()).isZero();
			assertThat(unit.getCell(22).getNumericCellValue()).isZero();

			// the gaps the compliance page counts for the squad
			int gaps = recording.summary(new GapQuery(from, TODAY, squad, null, null), null)
				.stream()
				.filter(g -> g.unitId() == squad)
				.mapToInt(cn.wucheng.cq.recording.SquadGaps::total)
				.sum();
			assertThat(unit.getCell(23).getNumericCellValue()).isEqualTo(gaps).isPositive();

			// one file drawn, scored, 优秀
			List<EvaluationResults.Row> results = evaluation.results(from, TODAY, Optional.of(squad), Optional.empty());
			assertThat(unit.getCell(24).getNumericCellValue())
				.isEqualTo(results.stream().mapToLong(EvaluationResults.Row::files).sum()).isEqualTo(1);
			assertThat(unit.getCell(25).getNumericCellValue()).isEqualTo(1);
			assertThat(unit.getCell(26).getNumericCellValue()).isEqualTo(1);
			assertThat(unit.getCell(27).getNumericCellValue()).isZero();
			assertThat(unit.getCell(28).getNumericCellValue()).isZero();
			assertThat(sheet.getRow(1).getCell(10).getStringCellValue()).isEqualTo("覆盖率达标");
			assertThat(unit.getCell(10).getStringCellValue()).isIn("是", "否");
			assertThat(unit.getCell(16).getCellStyle().getDataFormatString()).isEqualTo("0.00");
			assertThat(new BigDecimal("50.00")).isEqualByComparingTo(BigDecimal.valueOf(unit.getCell(16).getNumericCellValue()));
		}
	}

	// ------------------------------------------------------------------ helpers

	Ranking.Entry entry(Period quarter, String employeeNo) {
		return ledger.rankings(quarter, ScoreScope.EVERYONE)
			.categories()
			.stream()
			.flatMap(cat -> cat.entries().stream())
			.filter(e -> e.employeeNo().equals(employeeNo))
			.findFirst()
			.orElseThrow();
	}

	static boolean blank(Cell cell) {
		return cell == null || cell.getCellType() == CellType.BLANK;
	}

	XSSFWorkbook xlsx(String path) throws Exception {
		MvcResult r = mvc.perform(get(path).param("year", "2024").with(Users.leader()))
			.andExpect(status().isOk())
			.andReturn();
		return new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()));
	}

}
