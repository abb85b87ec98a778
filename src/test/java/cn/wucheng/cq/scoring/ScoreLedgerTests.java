package cn.wucheng.cq.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.scoring.policy.ExcellencePoints;
import cn.wucheng.cq.scoring.policy.HandlerRole;
import cn.wucheng.cq.scoring.policy.RankingOrder;
import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSetting.AwardMode;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Points;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * The ledger's set-based SQL on a real database (PostgreSQL) with the Bureau fixture. Each scenario uses its
 * own year, and its officers belong to their squad only during that scenario, so the scenarios share one database
 * without filling each other's ranking pools.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=score-ledger")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoreLedgerTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScoreLedger ledger;

	@Autowired
	RuleSettings settings;

	Bureau bureau;

	long section;

	Map<String, Long> example;

	long exampleSquad;

	@BeforeAll
	void workedExample() {
		bureau = new Bureau(jdbc);
		section = bureau.unit("法制科", "科室");
		exampleSquad = bureau.unit("城北中队", "二类中队");
		example = WorkedExample.insert(bureau, exampleSquad, section);
	}

	private Map<String, PersonScore> scoresByNo(Period period) {
		return ledger.scores(period).stream().collect(Collectors.toMap(PersonScore::employeeNo, Function.identity()));
	}

	/** A formal officer who is in {@code squad} only from {@code from} to {@code until} (exclusive), else in 法制科. */
	private long officerDuring(String no, String name, long squad, LocalDate from, LocalDate until) {
		long id = bureau.officer(no, name, section);
		bureau.transfer(id, squad, from);
		bureau.transfer(id, section, until);
		return id;
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024" })
	void workedExample_theSqlGivesWhatThePoliciesComputeForEveryPeriod(String text) {
		Period period = Period.parse(text);
		Map<String, Points> expected = WorkedExample.totalsByPolicies(period,
				new ExcellencePoints(AwardMode.HIGHEST_ONLY));
		Map<String, PersonScore> scores = scoresByNo(period);
		expected.forEach((name, total) -> assertThat(scores.get(WorkedExample.EMPLOYEE_NO.get(name)).total())
			.as(name + " " + period)
			.isEqualTo(total));
	}

	@Test
	void workedExample_theYearMatchesTheTableOfTheReadme() {
		Map<String, PersonScore> year = scoresByNo(Period.year(2024));
		assertThat(year.get("WE01").total()).hasToString("15.00");
		assertThat(year.get("WE02").total()).hasToString("1.25");
		assertThat(year.get("WE03").total()).hasToString("17.50");
		PersonScore zhangSan = year.get("WE01");
		assertThat(zhangSan.quantity()).hasToString("10.50");
		assertThat(zhangSan.quality()).hasToString("3.00");
		assertThat(zhangSan.excellence()).hasToString("1.50");
		assertThat(zhangSan.leadCases()).isEqualTo(2);
		assertThat(zhangSan.coCases()).isEqualTo(1);
		assertThat(zhangSan.unitName()).isEqualTo("城北中队");
		assertThat(zhangSan.unitType()).isEqualTo(UnitType.CLASS2_SQUAD);
	}

	@Test
	void r14_aMonthScoresOnlyTheCasesConcludedInIt() {
		Map<String, PersonScore> march = scoresByNo(Period.month(2024, 3));
		assertThat(march.get("WE01").total()).hasToString("5.00");
		assertThat(march.get("WE03").total()).hasToString("2.50");
		assertThat(march.get("WE02").total()).hasToString("0.00");
	}

	@Test
	void r25_theBreakdownExplainsEveryItemAndAddsUpToTheScore() {
		Breakdown b = ledger.breakdown("WE01", Period.year(2024), ScoreScope.EVERYONE).orElseThrow();
		assertThat(b.items()).extracting(i -> i.caseNo() + " " + i.kind() + " " + i.role() + " " + i.total())
			.containsExactly("WE-A CASE LEAD 2.50", "WE-B CASE LEAD 5.00", "WE-C CASE CO 6.00", "WE-C AWARD CO 0.50",
					"WE-C AWARD CO 1.00", "WE-C AWARD CO 0.00");
		assertThat(b.items().stream().map(BreakdownItem::total).reduce(Points.ZERO, Points::plus))
			.isEqualTo(b.score().total());
		BreakdownItem caseB = b.items().get(1);
		assertThat(caseB.deductions()).extracting(d -> d.code() + "=" + d.points()).containsExactly("PC02=1.00",
				"PC03=1.50");
		assertThat(caseB.quality()).hasToString("0.00");
		BreakdownItem city = b.items().get(4);
		assertThat(city.awardLevel().label()).isEqualTo("市级");
		assertThat(city.creditedBefore()).hasToString("1.00");
		assertThat(city.ratedOn()).isEqualTo(LocalDate.of(2024, 8, 1));
	}

	@Test
	void r25_anUnknownEmployeeNumberHasNoBreakdownAndAPersonOutsideTheScopeNeither() {
		assertThat(ledger.breakdown("NOPE", Period.year(2024), ScoreScope.EVERYONE)).isEmpty();
		assertThat(ledger.breakdown("WE01", Period.year(2024), ScoreScope.unit(section))).isEmpty();
		assertThat(ledger.breakdown("WE01", Period.year(2024), ScoreScope.person(example.get("李四")))).isEmpty();
		assertThat(ledger.breakdown("WE01", Period.year(2024), ScoreScope.unit(exampleSquad))).isPresent();
	}

	@Test
	void r22_cumulativeModeCreditsEveryLevelInFull() {
		settings.set(RuleSetting.AWARD_MODE, "CUMULATIVE", "test");
		try {
			for (String q : List.of("2024-Q2", "2024-Q3", "2024-Q4")) {
				Period period = Period.parse(q);
				Map<String, Points> expected = WorkedExample.totalsByPolicies(period,
						new ExcellencePoints(AwardMode.CUMULATIVE));
				Map<String, PersonScore> scores = scoresByNo(period);
				assertThat(scores.get("WE03").total()).as(q).isEqualTo(expected.get("王五"));
				assertThat(scores.get("WE01").total()).as(q).isEqualTo(expected.get("张三"));
			}
			assertThat(scoresByNo(Period.parse("2024-Q4")).get("WE03").excellence()).hasToString("2.00");
			assertThat(scoresByNo(Period.parse("2024-Q3")).get("WE03").excellence()).hasToString("3.00");
		}
		finally {
			settings.reset(RuleSetting.AWARD_MODE);
		}
		assertThat(scoresByNo(Period.parse("2024-Q4")).get("WE03").excellence()).hasToString("0.00");
	}

	@Test
	void r21_r23_coHandlerGetsHalfOfEachComponentAndQualityNeverGoesBelowZero() {
		long squad = bureau.unit("r23 中队", "一类中队");
		LocalDate from = LocalDate.of(2025, 1, 1);
		LocalDate until = LocalDate.of(2026, 1, 1);
		long lead = officerDuring("R23A", "主办甲", squad, from, until);
		long co = officerDuring("R23B", "协办乙", squad, from, until);
		bureau.deductionItem("R23-1", "卷宗不全", "0.75");
		bureau.deductionItem("R23-2", "程序违法", "2");
		long simple = bureau.concludedCase("R23-S", "简易程序", squad, lead, co, LocalDate.of(2025, 2, 3));
		bureau.returned(simple, "R23-1", LocalDate.of(2025, 2, 10));
		long ordinary = bureau.concludedCase("R23-O", "普通程序", squad, lead, co, LocalDate.of(2025, 3, 3));
		bureau.returned(ordinary, "R23-1", LocalDate.of(2025, 3, 10));
		bureau.returned(ordinary, "R23-2", LocalDate.of(2025, 3, 12));
		bureau.award(ordinary, "区级", LocalDate.of(2025, 3, 20));

		Map<String, PersonScore> q1 = scoresByNo(Period.quarter(2025, 1));
		PersonScore a = q1.get("R23A");
		PersonScore b = q1.get("R23B");
		assertThat(a.quantity()).hasToString("5.50");
		assertThat(a.quality()).hasToString("1.25"); // 2 - 0.75 for the simple case, 0 (not -0.75) for the ordinary one
		assertThat(a.excellence()).hasToString("2.00");
		assertThat(b.quantity()).hasToString("2.75");
		assertThat(b.quality().exact()).isEqualByComparingTo("0.625");
		assertThat(b.quality()).as("R-24: shown exactly, never rounded").hasToString("0.625");
		assertThat(b.total()).hasToString("4.375");
		assertThat(b.excellence()).hasToString("1.00");
		assertThat(b.total().exact()).isEqualByComparingTo("4.375");
		assertThat(a.leadCases()).isEqualTo(2);
		assertThat(b.coCases()).isEqualTo(2);
	}

	@Test
	void r21_aDeductionRecordedInALaterQuarterChangesTheQuarterOfTheCase() {
		long squad = bureau.unit("r21 中队", "一类中队");
		long lead = officerDuring("R21A", "主办丙", squad, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
		long co = officerDuring("R21B", "协办丁", squad, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
		bureau.deductionItem("R21-1", "文书错误", "1");
		long c = bureau.concludedCase("R21-C", "普通程序", squad, lead, co, LocalDate.of(2026, 3, 30));
		bureau.returned(c, "R21-1", LocalDate.of(2026, 5, 5));
		assertThat(scoresByNo(Period.quarter(2026, 1)).get("R21A").quality()).hasToString("1.00");
		assertThat(scoresByNo(Period.quarter(2026, 2)).get("R21A").total()).hasToString("0.00");
	}

	@Test
	void r14_aCaseWithoutConclusionDateDoesNotScoreYet() {
		long squad = bureau.unit("r14 中队", "一类中队");
		long lead = officerDuring("R14A", "主办戊", squad, LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1));
		long co = officerDuring("R14B", "协办己", squad, LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1));
		bureau.concludedCase("R14-C", "普通程序", squad, lead, co, null);
		assertThat(scoresByNo(Period.year(2027)).get("R14A").total()).isEqualTo(Points.ZERO);
		assertThat(scoresByNo(Period.year(2027)).get("R14A").leadCases()).isZero();
	}

	@Test
	void r14_aSimpleCaseWithoutConclusionDateIsConcludedOnItsFilingDay() {
		long squad = bureau.unit("r14 简易中队", "一类中队");
		LocalDate from = LocalDate.of(2035, 1, 1);
		long lead = officerDuring("R14S", "当场处罚", squad, from, LocalDate.of(2036, 1, 1));
		long co = officerDuring("R14T", "当场协办", squad, from, LocalDate.of(2036, 1, 1));
		bureau.caseIn("R14-S", "简易程序", "市容环境卫生", squad, lead, co, LocalDate.of(2035, 3, 31), null);

		assertThat(scoresByNo(Period.quarter(2035, 1)).get("R14S").total()).hasToString("2.50");
		assertThat(scoresByNo(Period.quarter(2035, 1)).get("R14T").total()).hasToString("1.25");
		assertThat(scoresByNo(Period.quarter(2035, 2)).get("R14S").total()).isEqualTo(Points.ZERO);
		Breakdown b = ledger.breakdown("R14S", Period.quarter(2035, 1), ScoreScope.EVERYONE).orElseThrow();
		assertThat(b.items()).extracting(BreakdownItem::concludedOn).containsExactly(LocalDate.of(2035, 3, 31));
	}

	@Test
	void r23a_anAuxiliaryHandlerEarnsNothingAndTheFormalHandlerKeepsHisShare() {
		long squad = bureau.unit("r23a 中队", "一类中队");
		LocalDate from = LocalDate.of(2036, 1, 1);
		long formal = officerDuring("R23AF", "正式主办", squad, from, LocalDate.of(2037, 1, 1));
		long aux = bureau.auxiliary("R23AX", "辅助承办", squad);
		bureau.transfer(aux, section, LocalDate.of(2037, 1, 1));
		bureau.deductionItem("R23A-1", "送达不规范", "0.25");
		long lead = bureau.caseIn("R23A-L", "普通程序", "市容环境卫生", squad, formal, aux, LocalDate.of(2036, 2, 1),
				LocalDate.of(2036, 2, 20));
		bureau.returned(lead, "R23A-1", LocalDate.of(2036, 2, 25));
		long co = bureau.caseIn("R23A-C", "简易程序", "市容环境卫生", squad, aux, formal, LocalDate.of(2036, 3, 1),
				LocalDate.of(2036, 3, 1));
		bureau.award(co, "局级", LocalDate.of(2036, 3, 15));

		Map<String, PersonScore> q1 = scoresByNo(Period.quarter(2036, 1));
		assertThat(q1).doesNotContainKey("R23AX");
		// lead of the first: 5 + 1.75; co-handler of the second: 0.25 + 1 + award 0.5 — as with a formal partner
		PersonScore f = q1.get("R23AF");
		assertThat(f.quantity()).hasToString("5.25");
		assertThat(f.quality()).hasToString("2.75");
		assertThat(f.excellence()).hasToString("0.50");
		assertThat(f.leadCases()).isEqualTo(1);
		assertThat(f.coCases()).isEqualTo(1);
		assertThat(ledger.breakdown("R23AX", Period.quarter(2036, 1), ScoreScope.EVERYONE).orElseThrow().items())
			.isEmpty();
		Ranking ranking = ledger.rankings(Period.quarter(2036, 1), ScoreScope.EVERYONE);
		ranking.categories()
			.forEach(c -> assertThat(c.entries()).extracting(Ranking.Entry::employeeNo).doesNotContain("R23AX"));
	}

	@Test
	void r24_aCoHandlersHalfOfAQualityOfOnePointSeventyFiveIsExactlyZeroPointEightSevenFive() {
		long squad = bureau.unit("r24 中队", "一类中队");
		LocalDate from = LocalDate.of(2037, 1, 1);
		long lead = officerDuring("R24L", "主办三位", squad, from, LocalDate.of(2038, 1, 1));
		long co = officerDuring("R24C", "协办三位", squad, from, LocalDate.of(2038, 1, 1));
		bureau.deductionItem("R24-1", "装订不规范", "0.25");
		long c = bureau.caseIn("R24-O", "普通程序", "市容环境卫生", squad, lead, co, LocalDate.of(2037, 1, 5),
				LocalDate.of(2037, 2, 5));
		bureau.returned(c, "R24-1", LocalDate.of(2037, 2, 1));

		PersonScore half = scoresByNo(Period.quarter(2037, 1)).get("R24C");
		assertThat(half.quality()).hasToString("0.875");
		assertThat(half.total()).hasToString("3.375");
		Ranking ranking = ledger.rankings(Period.quarter(2037, 1), ScoreScope.EVERYONE);
		assertThat(category(ranking, UnitType.CLASS1_SQUAD).entries())
			.filteredOn(e -> e.employeeNo().equals("R24C"))
			.extracting(e -> e.total().toString())
			.containsExactly("3.375");
	}

	@Test
	void r02_theUnitOfAPeriodIsTheUnitOnItsLastDayAfterATransfer() {
		long east = bureau.unit("r02 东中队", "一类中队");
		long west = bureau.unit("r02 西中队", "直属中队");
		long mover = officerDuring("R02A", "调动者", east, LocalDate.of(2028, 1, 1), LocalDate.of(2029, 1, 1));
		bureau.transfer(mover, west, LocalDate.of(2028, 2, 15));
		long co = officerDuring("R02B", "同事", east, LocalDate.of(2028, 1, 1), LocalDate.of(2029, 1, 1));
		bureau.concludedCase("R02-C", "简易程序", east, mover, co, LocalDate.of(2028, 1, 20));

		PersonScore january = scoresByNo(Period.month(2028, 1)).get("R02A");
		assertThat(january.unitName()).isEqualTo("r02 东中队");
		PersonScore q1 = scoresByNo(Period.quarter(2028, 1)).get("R02A");
		assertThat(q1.unitName()).isEqualTo("r02 西中队");
		assertThat(q1.unitType()).isEqualTo(UnitType.DIRECT_SQUAD);
		assertThat(q1.total()).hasToString("2.50");
		// scope by unit follows the same rule, inside the SQL
		assertThat(ledger.scores(Period.quarter(2028, 1), ScoreScope.unit(east))).extracting(PersonScore::employeeNo)
			.containsExactly("R02B");
		assertThat(ledger.scores(Period.month(2028, 1), ScoreScope.unit(east))).extracting(PersonScore::employeeNo)
			.containsExactly("R02A", "R02B");
		Ranking ranking = ledger.rankings(Period.quarter(2028, 1), ScoreScope.EVERYONE);
		assertThat(category(ranking, UnitType.DIRECT_SQUAD).entries()).extracting(Ranking.Entry::employeeNo)
			.contains("R02A");
		assertThat(category(ranking, UnitType.CLASS1_SQUAD).entries()).extracting(Ranking.Entry::employeeNo)
			.doesNotContain("R02A");
	}

	@Test
	void theScoresListHasEveryoneWithPointsAndEveryRankableOfficerButNobodyElse() {
		long squad = bureau.unit("名单 中队", "直属中队");
		long organ = bureau.unit("名单 指挥中心", "指挥中心");
		LocalDate from = LocalDate.of(2029, 1, 1);
		LocalDate until = LocalDate.of(2030, 1, 1);
		long a = officerDuring("L01", "有分正式", squad, from, until);
		officerDuring("L02", "无分正式", squad, from, until);
		long aux = bureau.auxiliary("L03", "辅助办案", squad);
		bureau.transfer(aux, section, until);
		bureau.auxiliary("L04", "辅助无分", squad);
		long organOfficer = bureau.officer("L05", "机关人员", organ);
		bureau.officer("L06", "机关无分", organ);
		bureau.concludedCase("L-C1", "简易程序", squad, a, aux, LocalDate.of(2029, 4, 2));
		bureau.concludedCase("L-C2", "普通程序", organ, organOfficer, a, LocalDate.of(2029, 5, 2));

		List<PersonScore> q2 = ledger.scores(Period.quarter(2029, 2));
		// R-23a: the auxiliary recorded as a handler (L03) earns nothing and is in no list
		assertThat(q2).extracting(PersonScore::employeeNo)
			.contains("L01", "L02", "L05")
			.doesNotContain("L03", "L04", "L06");
		assertThat(q2).extracting(PersonScore::employeeNo).isSorted();
		assertThat(q2.stream().filter(s -> s.employeeNo().equals("L02")).findFirst().orElseThrow().total())
			.isEqualTo(Points.ZERO);
		Ranking ranking = ledger.rankings(Period.quarter(2029, 2), ScoreScope.EVERYONE);
		assertThat(category(ranking, UnitType.DIRECT_SQUAD).entries()).extracting(Ranking.Entry::employeeNo)
			.containsExactly("L01", "L02");
		assertThat(ledger.scores(Period.quarter(2029, 2), ScoreScope.person(organOfficer)))
			.extracting(PersonScore::employeeNo)
			.containsExactly("L05");
	}

	@Test
	void r30_r31_equalTotalsShareARankTiesAtTheEdgeAllWinAndZeroNeverWins() {
		LocalDate from = LocalDate.of(2033, 1, 1);
		LocalDate until = LocalDate.of(2033, 4, 1);
		long direct1 = bureau.unit("r30 直属甲", "直属中队");
		long direct2 = bureau.unit("r30 直属乙", "直属中队");
		long class2 = bureau.unit("r30 二类", "二类中队");
		long organ = bureau.officer("R30X", "机关协办", section);
		long[] p = new long[16];
		for (int i = 1; i <= 15; i++) {
			p[i] = officerDuring("R30-%02d".formatted(i), "队员" + i, i <= 8 ? direct1 : direct2, from, until);
		}
		for (int i = 1; i <= 3; i++) {
			officerDuring("R31-%02d".formatted(i), "二类队员" + i, class2, from, until);
		}
		LocalDate day = LocalDate.of(2033, 2, 1);
		bureau.concludedCase("R30-1", "普通程序", direct1, p[1], organ, day); // 7
		bureau.concludedCase("R30-2", "普通程序", direct1, p[1], organ, day); // +7 = 14
		bureau.concludedCase("R30-3", "普通程序", direct2, p[9], organ, day); // 7
		bureau.concludedCase("R30-4", "普通程序", direct1, p[2], organ, day); // 7
		bureau.concludedCase("R30-5", "简易程序", direct2, p[10], organ, day); // 2.5

		Ranking ranking = ledger.rankings(Period.quarter(2033, 1), ScoreScope.EVERYONE);
		assertThat(ranking.categories()).extracting(Ranking.Category::category)
			.containsExactly(UnitType.DIRECT_SQUAD, UnitType.CLASS1_SQUAD, UnitType.CLASS2_SQUAD);
		Ranking.Category direct = category(ranking, UnitType.DIRECT_SQUAD);
		assertThat(direct.pool()).isEqualTo(15);
		assertThat(direct.places()).isEqualTo(2); // 15 × 10% = 1.5, half up
		assertThat(direct.entries()).hasSize(15);
		assertThat(direct.entries().subList(0, 5))
			.extracting(e -> e.rank() + " " + e.employeeNo() + " " + e.total() + " " + e.bestHandler())
			.containsExactly("1 R30-01 14.00 true", "2 R30-02 7.00 true", "2 R30-09 7.00 true",
					"4 R30-10 2.50 false", "5 R30-03 0.00 false");
		assertThat(direct.entries()).allSatisfy(e -> {
			if (e.total().isZero()) {
				assertThat(e.rank()).isEqualTo(5);
			}
		});
		// the ledger's ranks are the RankingOrder policy's on the same totals
		List<RankingOrder.Ranked<Ranking.Entry>> byPolicy = new RankingOrder().rank(direct.entries(),
				e -> e.total().exact());
		assertThat(direct.entries()).extracting(Ranking.Entry::rank)
			.containsExactlyElementsOf(byPolicy.stream().map(RankingOrder.Ranked::rank).toList());

		Ranking.Category c2 = category(ranking, UnitType.CLASS2_SQUAD);
		assertThat(c2.pool()).isEqualTo(3);
		assertThat(c2.places()).isEqualTo(1);
		assertThat(c2.entries()).allSatisfy(e -> {
			assertThat(e.rank()).isEqualTo(1);
			assertThat(e.bestHandler()).as("a total of 0 never wins").isFalse();
		});
		assertThat(category(ranking, UnitType.CLASS1_SQUAD).pool()).isZero();
		assertThat(category(ranking, UnitType.CLASS1_SQUAD).entries()).isEmpty();

		// a squad leader's scope narrows the entries, not the pool or the ranks
		Ranking scoped = ledger.rankings(Period.quarter(2033, 1), ScoreScope.unit(direct2));
		Ranking.Category scopedDirect = category(scoped, UnitType.DIRECT_SQUAD);
		assertThat(scopedDirect.pool()).isEqualTo(15);
		assertThat(scopedDirect.entries()).hasSize(7);
		assertThat(scopedDirect.entries().get(0).rank()).isEqualTo(2);
		assertThat(scopedDirect.entries().get(0).employeeNo()).isEqualTo("R30-09");
	}

	@Test
	void r31_placesFollowTheRoundingSetting() {
		LocalDate from = LocalDate.of(2034, 1, 1);
		LocalDate until = LocalDate.of(2034, 4, 1);
		long class1 = bureau.unit("r31 一类", "一类中队");
		long organ = bureau.officer("R31X", "机关协办二", section);
		long first = 0;
		for (int i = 1; i <= 25; i++) {
			long id = officerDuring("R31-1-%02d".formatted(i), "一类队员" + i, class1, from, until);
			if (i <= 3) {
				bureau.concludedCase("R31-C" + i, "简易程序", class1, id, organ, LocalDate.of(2034, 3, i));
			}
			first = i == 1 ? id : first;
		}
		Ranking.Category halfUp = category(ledger.rankings(Period.quarter(2034, 1), ScoreScope.EVERYONE),
				UnitType.CLASS1_SQUAD);
		assertThat(halfUp.pool()).isEqualTo(25);
		assertThat(halfUp.places()).isEqualTo(3); // 2.5 half up
		assertThat(halfUp.entries().stream().filter(Ranking.Entry::bestHandler)).hasSize(3);
		settings.set(RuleSetting.BEST_PLACES_ROUNDING, "DOWN", "test");
		try {
			Ranking.Category down = category(ledger.rankings(Period.quarter(2034, 1), ScoreScope.EVERYONE),
					UnitType.CLASS1_SQUAD);
			assertThat(down.places()).isEqualTo(2);
			// the three are tied at rank 1: ties at the edge all win
			assertThat(down.entries().stream().filter(Ranking.Entry::bestHandler)).hasSize(3);
		}
		finally {
			settings.reset(RuleSetting.BEST_PLACES_ROUNDING);
		}
		assertThat(first).isPositive();
	}

	@Test
	void r30_theWorkedExampleRanksEachQuarterOnItsOwnTotalsWhenAskedOneAfterTheOther() {
		// regression: H2 reused the first quarter's result for the second (see H2ResultReuseOff)
		assertThat(category(ledger.rankings(Period.quarter(2024, 1), ScoreScope.unit(exampleSquad)),
				UnitType.CLASS2_SQUAD)
			.entries()).extracting(e -> e.rank() + " " + e.name() + " " + e.total())
			.containsExactly("1 张三 7.50", "2 王五 2.50", "3 李四 1.25");
		assertThat(category(ledger.rankings(Period.quarter(2024, 2), ScoreScope.unit(exampleSquad)),
				UnitType.CLASS2_SQUAD)
			.entries()).extracting(e -> e.rank() + " " + e.name() + " " + e.total())
			.containsExactly("1 王五 13.00", "2 张三 6.50", "3 李四 0.00");
		assertThat(ledger.breakdown("WE01", Period.quarter(2024, 2), ScoreScope.EVERYONE).orElseThrow().items())
			.extracting(BreakdownItem::role)
			.containsOnly(HandlerRole.CO);
		assertThat(ledger.breakdown("WE03", Period.quarter(2024, 2), ScoreScope.EVERYONE).orElseThrow().items())
			.extracting(BreakdownItem::role)
			.containsOnly(HandlerRole.LEAD);
	}

	@Test
	void rankingsAreOnlyForQuarters() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> ledger.rankings(Period.year(2024), ScoreScope.EVERYONE))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("per quarter");
	}

	private static Ranking.Category category(Ranking ranking, UnitType type) {
		return ranking.categories().stream().filter(c -> c.category() == type).findFirst().orElseThrow();
	}

	static BigDecimal dec(String s) {
		return new BigDecimal(s);
	}

}
