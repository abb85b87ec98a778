package cn.wucheng.cq.scoring.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * The one-pass SQL of the standards on PostgreSQL: the unit on the quarter's last
 * day, organ vs squad rules, ages from birth dates, and only cases concluded in the quarter. Data unique to this class
 * (工号 SQL-*), the context shared with the other standards/coverage tests.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=standards")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStandardsSqlTests {

	private static final Period Q1 = Period.quarter(2024, 1);

	private static final Period Q2 = Period.quarter(2024, 2);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseStandards standards;

	@Autowired
	StandardExemptions exemptions;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	long squad;

	long otherSquad;

	long section;

	long mover;

	long busy;

	long organOfficer;

	@BeforeAll
	void aBureau() {
		Bureau bureau = new Bureau(jdbc);
		squad = bureau.unit("标准SQL一中队", "一类中队");
		otherSquad = bureau.unit("标准SQL二中队", "二类中队");
		// this 二类中队 started before its batch (1 May), so its officers are assessed from 2024-Q1
		jdbc.sql("insert into unit_rollout_start (unit_id, starts_on, updated_by, updated_at) values (?, ?, 'test', now())")
			.params(otherSquad, java.time.LocalDate.of(2024, 1, 1))
			.update();
		section = bureau.unit("标准SQL法制科", "科室");
		busy = bureau.officer("SQL-01", "忙碌", squad);
		long partner = bureau.officer("SQL-02", "搭档", squad);
		mover = bureau.officer("SQL-03", "调动", squad);
		organOfficer = bureau.officer("SQL-04", "机关甲", section);
		bureau.person("SQL-05", "五十男", "MALE", LocalDate.of(1974, 4, 1), "FORMAL", otherSquad, "MEMBER");
		bureau.person("SQL-06", "五十女", "FEMALE", LocalDate.of(1974, 4, 1), "FORMAL", otherSquad, "MEMBER");
		bureau.person("SQL-07", "五十五男", "MALE", LocalDate.of(1969, 1, 1), "FORMAL", otherSquad, "MEMBER");
		bureau.auxiliary("SQL-08", "辅助", squad);
		// Joins in July: his only history row starts after Q1.
		long late = bureau.officer("SQL-09", "新人", otherSquad);
		jdbc.sql("update person_unit_history set valid_from = ? where person_id = ?")
			.params(LocalDate.of(2024, 7, 1), late)
			.update();

		// busy: Q1 two ordinary (one as co-handler, one 重大疑难) and one simple; cases outside Q1 do not count.
		bureau.concludedCase("SQL-C1", "普通程序", squad, busy, partner, LocalDate.of(2024, 1, 1));
		bureau.concludedCase("SQL-C2", "重大疑难", squad, partner, busy, LocalDate.of(2024, 3, 31));
		bureau.concludedCase("SQL-C3", "简易程序", squad, busy, partner, LocalDate.of(2024, 2, 10));
		bureau.concludedCase("SQL-C4", "普通程序", squad, busy, partner, LocalDate.of(2023, 12, 31));
		bureau.concludedCase("SQL-C5", "普通程序", squad, busy, partner, LocalDate.of(2024, 4, 1));
		bureau.concludedCase("SQL-C6", "普通程序", squad, busy, partner, null);
		// The organ officer co-handles one ordinary case of a squad in Q1, only simple ones in Q2.
		bureau.concludedCase("SQL-C7", "普通程序", squad, partner, organOfficer, LocalDate.of(2024, 3, 15));
		bureau.concludedCase("SQL-C8", "简易程序", squad, organOfficer, partner, LocalDate.of(2024, 5, 15));
		// The mover leaves the squad for the section on the last day of Q2: Q1 squad rule, Q2 organ rule.
		bureau.transfer(mover, section, LocalDate.of(2024, 6, 30));
	}

	@Test
	void r32_countsOnlyCasesConcludedInTheQuarterAsLeadOrCoHandlerWithMajorCountedAsOrdinary() {
		OfficerStandard s = byNo(Q1).get("SQL-01");

		assertThat(s.outcome().done()).isEqualTo(new CaseCounts(1, 2));
		assertThat(s.status()).isEqualTo(StandardStatus.MET);
		assertThat(byNo(Q2).get("SQL-01").outcome().done()).isEqualTo(new CaseCounts(0, 1));
		assertThat(byNo(Q2).get("SQL-01").status()).isEqualTo(StandardStatus.NOT_MET);
	}

	@Test
	void r02_aTransferChangesTheUnitFromTheQuarterContainingItsDateOn() {
		OfficerStandard q1 = byNo(Q1).get("SQL-03");
		OfficerStandard q2 = byNo(Q2).get("SQL-03");

		assertThat(q1.unitId()).isEqualTo(squad);
		assertThat(q1.rule()).isEqualTo(StandardRule.ALL_HANDLE_CASES);
		assertThat(q2.unitId()).isEqualTo(section);
		assertThat(q2.unitType()).isEqualTo(UnitType.SECTION);
		assertThat(q2.rule()).isEqualTo(StandardRule.ORGAN_PARTICIPATION);
	}

	@Test
	void r33_organOfficersNeedOneOrdinaryCaseAndSimpleCasesDoNotHelp() {
		OfficerStandard q1 = byNo(Q1).get("SQL-04");
		OfficerStandard q2 = byNo(Q2).get("SQL-04");

		assertThat(q1.rule()).isEqualTo(StandardRule.ORGAN_PARTICIPATION);
		assertThat(q1.outcome().required()).isEqualTo(new CaseCounts(0, 1));
		assertThat(q1.status()).isEqualTo(StandardStatus.MET);
		assertThat(q2.outcome().done()).isEqualTo(new CaseCounts(1, 0));
		assertThat(q2.status()).isEqualTo(StandardStatus.NOT_MET);
	}

	@Test
	void r32_agesComeFromTheBirthDateOnTheQuarterStart() {
		Map<String, OfficerStandard> q1 = byNo(Q1);
		Map<String, OfficerStandard> q2 = byNo(Q2);

		assertThat(q1.get("SQL-05").status()).isEqualTo(StandardStatus.NOT_MET); // 49 on 2024-01-01
		assertThat(q2.get("SQL-05").status()).isEqualTo(StandardStatus.HALVED_NOT_MET); // 50 on 2024-04-01
		assertThat(q2.get("SQL-05").outcome().required()).isEqualTo(new CaseCounts(0, 1));
		assertThat(q1.get("SQL-06").status()).isEqualTo(StandardStatus.NOT_MET);
		assertThat(q2.get("SQL-06").status()).isEqualTo(StandardStatus.EXEMPT);
		assertThat(q1.get("SQL-07").status()).isEqualTo(StandardStatus.EXEMPT);
	}

	@Test
	void r32_theLegalSectionMayExemptOnePersonForOneQuarterWithAReasonAndItIsAudited() {
		Period q4 = Period.quarter(2024, 4);
		assertThat(byNo(q4).get("SQL-02").status()).isNotEqualTo(StandardStatus.EXEMPT);

		tx.executeWithoutResult(t -> exemptions.grant("SQL-02", q4, ExemptionReason.MATERNITY, "产假至 2025 年 2 月",
				"legal"));

		OfficerStandard s = byNo(q4).get("SQL-02");
		assertThat(s.status()).isEqualTo(StandardStatus.EXEMPT);
		assertThat(s.outcome().reason()).isEqualTo("产假至 2025 年 2 月");
		assertThat(s.outcome().required()).isEqualTo(CaseCounts.NONE);
		assertThat(byNo(Period.quarter(2024, 3)).get("SQL-02").outcome().reason()).as("one quarter only").isNull();
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'STANDARD_EXEMPTION_GRANTED'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> tx.executeWithoutResult(
					t -> exemptions.grant("SQL-02", q4, ExemptionReason.SICK_LEAVE, "病假", "legal")))
			.isInstanceOf(Refusal.class);
	}

	@Test
	void onlyFormalOfficersAreAssessedInOrderOfTheirEmployeeNumber() {
		List<String> mine = standards.forQuarter(Q1, all())
			.stream()
			.map(OfficerStandard::employeeNo)
			.filter(no -> no.startsWith("SQL-"))
			.toList();

		assertThat(mine).containsExactly("SQL-01", "SQL-02", "SQL-03", "SQL-04", "SQL-05", "SQL-06", "SQL-07",
				"SQL-09");
	}

	@Test
	void aSquadLeaderSeesTheOfficersInHisUnitOnTheQuartersLastDay() {
		CurrentUser leader = new CurrentUser(1L, "l", "l", Role.SQUAD_LEADER, squad, null);

		assertThat(standards.forQuarter(Q1, leader)).extracting(OfficerStandard::employeeNo)
			.containsExactly("SQL-01", "SQL-02", "SQL-03");
		assertThat(standards.forQuarter(Q2, leader)).extracting(OfficerStandard::employeeNo)
			.containsExactly("SQL-01", "SQL-02");
	}

	@Test
	void anOfficerSeesOnlyHimselfAndAnAdminNothing() {
		CurrentUser officer = new CurrentUser(1L, "o", "o", Role.OFFICER, squad, busy);
		CurrentUser admin = new CurrentUser(1L, "a", "a", Role.ADMIN, null, null);

		assertThat(standards.forQuarter(Q1, officer)).extracting(OfficerStandard::employeeNo).containsExactly("SQL-01");
		assertThat(standards.forQuarter(Q1, admin)).isEmpty();
	}

	@Test
	void someoneWhoJoinsAfterTheQuarterIsCountedInHisFirstUnit() {
		assertThat(byNo(Q1).get("SQL-09").unitId()).isEqualTo(otherSquad);
	}

	@Test
	void theSummaryCountsMetNotMetAndExemptPerUnitWithTheNamesBelowTheStandard() {
		List<UnitStandardSummary> summary = UnitStandardSummary.of(standards.forQuarter(Q2, all())
			.stream()
			.filter(s -> s.unitId() == otherSquad && !s.employeeNo().equals("SQL-09"))
			.toList());

		assertThat(summary).singleElement().satisfies(u -> {
			assertThat(u.officers()).isEqualTo(3);
			assertThat(u.met()).isZero();
			assertThat(u.notMet()).isEqualTo(1);
			assertThat(u.exempt()).isEqualTo(2);
			assertThat(u.notMetNames()).containsExactly("五十男");
		});
	}

	private Map<String, OfficerStandard> byNo(Period quarter) {
		return standards.forQuarter(quarter, all())
			.stream()
			.collect(Collectors.toMap(OfficerStandard::employeeNo, Function.identity()));
	}

	private static CurrentUser all() {
		return new CurrentUser(1L, "legal", "法制科", Role.LEGAL, null, null);
	}

}
