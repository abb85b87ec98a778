package cn.wucheng.cq.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.imports.Imports;
import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.DueItemSource;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * compliance gaps per squad and month, counted by hand on a small bureau (units 合规*, 工号 CMP-*), from each
 * squad's rollout start; legacy data (imported cases, migrated inquiries) is listed, not dropped. The same
 * figures on PostgreSQL.
 * <p>
 * Hand count for 2024 — 合规直属中队 (rules from 2024-01-09): D1 simple no video (R-50, Mar); D4 路面查处 ordinary,
 * no video, concluded without disc (R-50 Apr, R-52 Apr); D6 ordinary concluded 2024-03-15 without disc (R-52 Mar);
 * D5's inquiry elsewhere without body camera (R-51, Feb) and in the room with an auxiliary (R-51, Mar). Not gaps: D2
 * (imported 视频编号), D3 (video recorded), D5 (disc), D5's inquiry elsewhere with a camera, D7 (simple, filed
 * 2024-01-05, before the squad's start). 合规一类中队 (from 2024-03-01): K2 filed 2024-03-01 (R-50, Mar); not K1
 * (2024-02-29) nor K3 (concluded 2024-02-28). 合规二类中队 (from 2024-05-01): T2 filed 2024-05-01 (R-50, May); not T1
 * (2024-04-30).
 * <p>
 * These counts are under the setting "R-52 for ordinary cases only" (DISC_ORDINARY_CASES_ONLY, set before all); the
 * default — every concluded case needs its disc — is counted in its own test.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=recording")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingComplianceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordingCompliance compliance;

	@Autowired
	Imports imports;

	@Autowired
	List<DueItemSource> dueItemSources;

	long direct;

	long class1;

	long class2;

	long d1;

	long d4;

	long d5;

	long d6;

	long aux;

	long imported;

	static final CurrentUser LEGAL = new CurrentUser(1L, "legal", "法制科", Role.LEGAL, null, null);

	@Autowired
	RuleSettings settings;

	@BeforeAll
	void aBureauWithGaps() {
		settings.set(RuleSetting.DISC_ORDINARY_CASES_ONLY, "true", "test");
		Bureau bureau = new Bureau(jdbc);
		RecordingFixture rec = new RecordingFixture(jdbc);
		direct = bureau.unit("合规直属中队", "直属中队");
		class1 = bureau.unit("合规一类中队", "一类中队");
		class2 = bureau.unit("合规二类中队", "二类中队");
		long a = bureau.officer("CMP-A", "合规甲", direct);
		long b = bureau.officer("CMP-B", "合规乙", direct);
		aux = bureau.auxiliary("CMP-X", "合规辅", direct);
		long k = bureau.officer("CMP-K", "合规丙", class1);
		long l = bureau.officer("CMP-L", "合规丁", class1);
		long t = bureau.officer("CMP-T", "合规戊", class2);
		long u = bureau.officer("CMP-U", "合规己", class2);
		imported = bureau.unit("合规导入中队", "二类中队");
		bureau.officer("CMP-I1", "合规导甲", imported);
		bureau.officer("CMP-I2", "合规导乙", imported);

		d1 = caseOf(bureau, "CMP-D1", "简易程序", direct, a, b, "2024-03-05", "2024-03-05");
		long d2 = caseOf(bureau, "CMP-D2", "简易程序", direct, a, b, "2024-03-06", "2024-03-06");
		rec.describe(d2, "巡查发现", "V-IMPORTED-1");
		long d3 = caseOf(bureau, "CMP-D3", "简易程序", direct, a, b, "2024-03-07", "2024-03-07");
		rec.video(d3, "V-D3");
		d4 = caseOf(bureau, "CMP-D4", "普通程序", direct, a, b, "2024-04-02", "2024-04-20");
		rec.describe(d4, "路面查处", null);
		d5 = caseOf(bureau, "CMP-D5", "重大疑难", direct, a, b, "2024-02-01", "2024-03-10");
		rec.disc(d5, "DISC-D5", LocalDate.of(2024, 3, 12));
		rec.inquiry(d5, LocalDate.of(2024, 2, 10), false, "当事人店内", null, a, b);
		rec.inquiry(d5, LocalDate.of(2024, 3, 1), true, null, null, a, b, aux);
		rec.inquiry(d5, LocalDate.of(2024, 3, 2), false, "工地现场", "BC-77", a, b);
		d6 = caseOf(bureau, "CMP-D6", "普通程序", direct, a, b, "2024-01-02", "2024-03-15");
		caseOf(bureau, "CMP-D7", "简易程序", direct, a, b, "2024-01-05", "2024-01-05");

		caseOf(bureau, "CMP-K1", "简易程序", class1, k, l, "2024-02-29", "2024-02-29");
		caseOf(bureau, "CMP-K2", "简易程序", class1, k, l, "2024-03-01", "2024-03-01");
		caseOf(bureau, "CMP-K3", "普通程序", class1, k, l, "2024-01-10", "2024-02-28");

		caseOf(bureau, "CMP-T1", "简易程序", class2, t, u, "2024-04-30", "2024-04-30");
		caseOf(bureau, "CMP-T2", "简易程序", class2, t, u, "2024-05-01", "2024-05-01");
	}

	private static long caseOf(Bureau bureau, String no, String category, long unit, long lead, long co, String filed,
			String concluded) {
		return bureau.caseIn(no, category, "市容环境卫生", unit, lead, co, LocalDate.parse(filed),
				concluded == null ? null : LocalDate.parse(concluded));
	}

	private Map<GapKind, Integer> summaryOf(long unit, GapQuery q) {
		return compliance.summary(q, LEGAL).stream().filter(s -> s.unitId() == unit).findFirst().orElseThrow().counts();
	}

	@Test
	void r50_r51_r52_theYearsFiguresPerSquadAreTheHandCountedOnes() {
		assertThat(summaryOf(direct, GapQuery.year(2024))).containsExactlyInAnyOrderEntriesOf(Map.of(
				GapKind.R50_NO_VIDEO, 2, GapKind.R51_NO_BODY_CAMERA, 1, GapKind.R51_AUXILIARY_IN_ROOM, 1,
				GapKind.R52_NO_DISC, 2));
		assertThat(summaryOf(class1, GapQuery.year(2024))).containsEntry(GapKind.R50_NO_VIDEO, 1)
			.containsEntry(GapKind.R52_NO_DISC, 0);
		assertThat(summaryOf(class2, GapQuery.year(2024))).containsEntry(GapKind.R50_NO_VIDEO, 1);
		assertThat(compliance.count(GapQuery.year(2024).unit(direct), LEGAL)).isEqualTo(6);
		assertThat(compliance.count(GapQuery.year(2023).unit(direct), LEGAL)).isZero();
	}

	/**
	 * R-52 default: the simple cases concluded since the squad's start (D1, D2, D3 in March; K2 on the class-1 start
	 * day) need their disc too; D7 (before the start) still does not.
	 */
	@Test
	void r52_byDefaultEveryConcludedCaseNeedsItsDiscAndTheSettingLimitsItToOrdinaryCases() throws Exception {
		settings.reset(RuleSetting.DISC_ORDINARY_CASES_ONLY);
		try {
			assertThat(summaryOf(direct, GapQuery.year(2024))).containsEntry(GapKind.R52_NO_DISC, 5);
			assertThat(summaryOf(class1, GapQuery.year(2024))).containsEntry(GapKind.R52_NO_DISC, 1);
			assertThat(compliance.gaps(GapQuery.year(2024).unit(direct).kind(GapKind.R52_NO_DISC), LEGAL, 1).items())
				.extracting(ComplianceGap::caseNo)
				.containsExactlyInAnyOrder("CMP-D4", "CMP-D6", "CMP-D1", "CMP-D2", "CMP-D3");
			// /settings names it in the programme's words, with its rule, default 否
			String page = html(mvc.perform(get("/settings").with(Users.admin())));
			assertThat(page).contains("一案一档（实施方案“实行全过程记录”）：只要求普通程序案件刻录光盘随卷归档", "实施方案 四（四）");
		}
		finally {
			settings.set(RuleSetting.DISC_ORDINARY_CASES_ONLY, "true", "test");
		}
		assertThat(summaryOf(direct, GapQuery.year(2024))).containsEntry(GapKind.R52_NO_DISC, 2);
		assertThat(summaryOf(class1, GapQuery.year(2024))).containsEntry(GapKind.R52_NO_DISC, 0);
	}

	@Test
	void r50_r51_r52_theListNamesEachGapsCaseAndTheAuxiliaryPresent() {
		List<ComplianceGap> gaps = compliance.gaps(GapQuery.year(2024).unit(direct), LEGAL, 1).items();
		assertThat(gaps).extracting(g -> g.kind() + " " + g.caseNo() + " " + g.gapOn()).containsExactly(
				"R52_NO_DISC CMP-D4 2024-04-20", "R50_NO_VIDEO CMP-D4 2024-04-02", "R52_NO_DISC CMP-D6 2024-03-15",
				"R50_NO_VIDEO CMP-D1 2024-03-05", "R51_AUXILIARY_IN_ROOM CMP-D5 2024-03-01",
				"R51_NO_BODY_CAMERA CMP-D5 2024-02-10");
		assertThat(gaps.stream().filter(g -> g.kind() == GapKind.R51_AUXILIARY_IN_ROOM).findFirst().orElseThrow()
			.auxiliaries()).containsExactly("合规辅（CMP-X）");
	}

	@Test
	void r50_r51_r52_aMonthsFiguresCountOnlyGapsDatedInThatMonth() {
		assertThat(summaryOf(direct, GapQuery.month(YearMonth.of(2024, 3)))).containsExactlyInAnyOrderEntriesOf(Map.of(
				GapKind.R50_NO_VIDEO, 1, GapKind.R51_NO_BODY_CAMERA, 0, GapKind.R51_AUXILIARY_IN_ROOM, 1,
				GapKind.R52_NO_DISC, 1));
		Map<Integer, Map<GapKind, Integer>> byMonth = compliance.gapsBySquadAndMonth(2024)
			.stream()
			.filter(s -> s.unitId() == direct)
			.collect(Collectors.toMap(SquadGaps::month, SquadGaps::counts));
		assertThat(byMonth.keySet()).containsExactlyInAnyOrder(2, 3, 4);
		assertThat(byMonth.get(2)).containsEntry(GapKind.R51_NO_BODY_CAMERA, 1).containsEntry(GapKind.R50_NO_VIDEO, 0);
		assertThat(byMonth.get(3).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
		assertThat(byMonth.get(4)).containsEntry(GapKind.R50_NO_VIDEO, 1).containsEntry(GapKind.R52_NO_DISC, 1);
		assertThat(compliance.gapsBySquadAndMonth(2024).stream().filter(s -> s.unitId() == class2))
			.singleElement().satisfies(s -> {
				assertThat(s.month()).isEqualTo(5);
				assertThat(s.total()).isEqualTo(1);
				assertThat(s.since().startsOn()).isEqualTo(LocalDate.of(2024, 5, 1));
				assertThat(s.since().batchNo()).isEqualTo(3);
			});
	}

	@Test
	void r71_aGapBeforeTheSquadsBatchStartIsNotListedAndOneOnTheStartDayIs() {
		List<String> class1Cases = compliance.gaps(GapQuery.year(2024).unit(class1), LEGAL, 1).items().stream()
			.map(ComplianceGap::caseNo).toList();
		assertThat(class1Cases).containsExactly("CMP-K2");
		List<String> class2Cases = compliance.gaps(GapQuery.year(2024).unit(class2), LEGAL, 1).items().stream()
			.map(ComplianceGap::caseNo).toList();
		assertThat(class2Cases).containsExactly("CMP-T2");
		assertThat(compliance.gaps(GapQuery.year(2024).unit(direct), LEGAL, 1).items())
			.extracting(ComplianceGap::caseNo).doesNotContain("CMP-D7");
	}

	@Test
	void r50_aCaseImportedWithoutVideoIsListedAndOneWithAVideoNumberIsNot() {
		String csv = """
				案件编号,案件类别,执法领域,办案单位,案件来源,立案日期,办结日期,主办人工号,协办人工号,视频编号
				CMP-IMP-1,普通程序,市容环境卫生,合规导入中队,路面查处,2024-06-03,,CMP-I1,CMP-I2,
				CMP-IMP-2,简易程序,市容环境卫生,合规导入中队,巡查发现,2024-06-04,2024-06-04,CMP-I1,CMP-I2,V-9
				""";
		ImportResult result = imports.importFile(ImportKind.CASES, "legacy.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(result.imported()).as(result.toString()).isTrue();
		List<ComplianceGap> june = compliance.gaps(GapQuery.month(YearMonth.of(2024, 6)).unit(imported), LEGAL, 1)
			.items();
		assertThat(june).extracting(g -> g.kind() + " " + g.caseNo() + " " + g.source())
			.containsExactly("R50_NO_VIDEO CMP-IMP-1 路面查处");
	}

	@Test
	void aSquadsRolesSeeOnlyTheirSquadAndAnOfficerOnlyHisCases() {
		CurrentUser squadLeader = new CurrentUser(2L, "sl", "中队长", Role.SQUAD_LEADER, class1, null);
		assertThat(compliance.summary(GapQuery.year(2024), squadLeader)).extracting(SquadGaps::unitId)
			.containsExactly(class1);
		assertThat(compliance.count(GapQuery.year(2024).unit(direct), squadLeader)).isZero();
		long otherOfficer = jdbc.sql("select id from person where employee_no = 'CMP-K'").query(Long.class).single();
		CurrentUser officer = new CurrentUser(3L, "k", "合规丙", Role.OFFICER, class1, otherOfficer);
		assertThat(compliance.count(GapQuery.year(2024), officer)).isEqualTo(1);
	}

	@Test
	void theCompliancePageShowsTheLegalSectionEverySquadWithLinksToTheCasesBehindEachFigure() throws Exception {
		String page = html(mvc.perform(get("/recording/compliance?year=2024").with(Users.legalSection())));
		assertThat(page).contains("id=\"compliance-chart\"", "合规直属中队", "合规一类中队", "合规二类中队",
				"2024-01-09（第1批）", "2024-03-01（第2批）", "2024-05-01（第3批）");
		assertThat(page).contains("unit=" + direct + "&amp;kind=R52_NO_DISC#gaps\">2</a>",
				"unit=" + direct + "&amp;kind=R51_AUXILIARY_IN_ROOM#gaps\">1</a>");
		String list = html(mvc.perform(get("/recording/compliance?year=2024&unit=" + direct + "&kind=R52_NO_DISC")
			.with(Users.supervision())));
		assertThat(list).contains("缺失明细（共 2 项）", "/cases/" + d4 + "/recording", "/cases/" + d6 + "/recording")
			.doesNotContain("/cases/" + d1 + "/recording");
	}

	@Test
	void theCompliancePageShowsASquadLeaderHisSquadOnlyWithItsStartDate() throws Exception {
		String page = html(mvc.perform(get("/recording/compliance?year=2024&month=3").with(Users.squadLeaderOf(class1))));
		assertThat(page).contains("本中队自 2024-03-01 起执行本制度（第2批）", "CMP-K2", "缺失明细（共 1 项）")
			.doesNotContain("合规直属中队", "CMP-D1", "id=\"compliance-chart\"");
		// asking for another squad shows nothing of it
		String other = html(mvc.perform(get("/recording/compliance?year=2024&unit=" + direct)
			.with(Users.legalOfficerOf(class1))));
		assertThat(other).contains("缺失明细（共 0 项）").doesNotContain("CMP-D");
	}

	@Test
	void theCompliancePageIsNotForOfficersNorAdministrators() throws Exception {
		mvc.perform(get("/recording/compliance").with(Users.officer(1L, class1))).andExpect(status().isForbidden());
		mvc.perform(get("/recording/compliance").with(Users.admin())).andExpect(status().isForbidden());
	}

	@Test
	void aBadFilterIsSaidInChineseAndTheDefaultShown() throws Exception {
		String page = html(mvc.perform(get("/recording/compliance?year=abc&month=13").with(Users.leader())));
		assertThat(page).contains("应为 1–12 之间的数字，收到“13”");
	}

	@Test
	void remindersTellASquadLeaderHowManyGapsHisSquadHasWithALink() throws Exception {
		CurrentUser leader = new CurrentUser(4L, "sl", "中队长", Role.SQUAD_LEADER, direct, null);
		List<DueItem> items = dueItemSources.stream()
			.flatMap(s -> s.dueFor(leader, LocalDate.of(2024, 12, 31)).stream())
			.filter(i -> i.messageKey().startsWith("recording."))
			.toList();
		assertThat(items).singleElement().satisfies(i -> {
			assertThat(i.args()).containsExactly(6L);
			assertThat(i.link()).isEqualTo("/recording/compliance?year=all&unit=" + direct);
		});
		String linked = html(mvc.perform(get(items.get(0).link()).with(Users.squadLeaderOf(direct))));
		assertThat(linked).contains("全过程记录合规：全部年度", "缺失明细（共 6 项）", "CMP-D1", "CMP-D6");
		CurrentUser supervision = new CurrentUser(5L, "sv", "督查科", Role.SUPERVISION, null, null);
		assertThat(dueItemSources.stream().flatMap(s -> s.dueFor(supervision, LocalDate.of(2024, 12, 31)).stream())
			.filter(i -> i.messageKey().startsWith("recording."))).isEmpty();
	}

	private static String html(ResultActions result) throws Exception {
		return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
