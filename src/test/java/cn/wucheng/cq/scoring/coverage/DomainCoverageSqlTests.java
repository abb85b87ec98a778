package cn.wucheng.cq.scoring.coverage;

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

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * The one-pass SQL of the domain coverage on PostgreSQL. Squads named 覆盖* are
 * unique to this class.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=standards")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainCoverageSqlTests {

	private static final LocalDate SEPT_30 = LocalDate.of(2024, 9, 30);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DomainCoverage coverage;

	long direct;

	long directWithout;

	long class1;

	long class2;

	@BeforeAll
	void aBureau() {
		Bureau bureau = new Bureau(jdbc);
		direct = bureau.unit("覆盖直属中队", "直属中队");
		directWithout = bureau.unit("覆盖直属空中队", "直属中队");
		class1 = bureau.unit("覆盖一类中队", "一类中队");
		class2 = bureau.unit("覆盖二类中队", "二类中队");
		long section = bureau.unit("覆盖法制科", "科室");
		bureau.manages(direct, "民政", "园林绿化", "应急管理");
		bureau.manages(class2, "民政", "统计");
		long a = bureau.officer("COV-01", "甲", direct);
		long b = bureau.officer("COV-02", "乙", direct);

		// direct: 民政 filed on 1 January, 园林绿化 on the date itself; 应急管理 only after it; 统计 is not managed.
		bureau.caseIn("COV-C1", "简易程序", "民政", direct, a, b, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1));
		bureau.caseIn("COV-C2", "普通程序", "园林绿化", direct, a, b, SEPT_30, null);
		bureau.caseIn("COV-C3", "普通程序", "应急管理", direct, a, b, LocalDate.of(2024, 10, 1), null);
		bureau.caseIn("COV-C4", "普通程序", "统计", direct, a, b, LocalDate.of(2024, 3, 1), null);
		// class1 (no rows: all domains): 水利 last year does not count, 林业 and 商务 this year do, a second 林业 adds nothing.
		bureau.caseIn("COV-C5", "普通程序", "水利", class1, a, b, LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 5));
		bureau.caseIn("COV-C6", "普通程序", "林业", class1, a, b, LocalDate.of(2024, 2, 1), null);
		bureau.caseIn("COV-C7", "普通程序", "林业", class1, a, b, LocalDate.of(2024, 2, 2), null);
		bureau.caseIn("COV-C8", "简易程序", "商务", class1, a, b, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 1));
		// A case of another unit (办案单位) does not cover 统计 for class2.
		bureau.caseIn("COV-C9", "普通程序", "统计", section, a, b, LocalDate.of(2024, 4, 1), null);
		bureau.caseIn("COV-C10", "普通程序", "民政", class2, a, b, LocalDate.of(2024, 4, 1), null);
	}

	@Test
	void r34_aDirectSquadCountsOnlyItsManagedDomainsFiledFromFirstJanuaryUpToTheDate() {
		CoverageOutcome o = mine().get("覆盖直属中队").outcome();

		assertThat(o.managed()).isEqualTo(3);
		assertThat(o.covered()).isEqualTo(2);
		assertThat(o.rate().toPlainString()).isEqualTo("66.67");
		assertThat(o.target()).isEqualTo(3);
		assertThat(o.met()).isFalse();
		assertThat(o.missing()).containsExactly("应急管理");
	}

	@Test
	void r34_aLaterDateCountsTheCasesFiledUpToIt() {
		CoverageOutcome o = coverage.coverage(2024, LocalDate.of(2024, 12, 31), legal())
			.stream()
			.filter(s -> s.unitId() == direct)
			.findFirst()
			.orElseThrow()
			.outcome();

		assertThat(o.covered()).isEqualTo(3);
		assertThat(o.met()).isTrue();
		assertThat(o.missing()).isEmpty();
	}

	@Test
	void r03_aClassOneSquadWithoutConfiguredDomainsManagesTheWholeCatalogue() {
		CoverageOutcome o = mine().get("覆盖一类中队").outcome();
		int catalogue = jdbc.sql("select count(*) from domain").query(Integer.class).single();

		assertThat(o.managed()).isEqualTo(catalogue).isEqualTo(coverage.catalogueSize());
		assertThat(o.covered()).isEqualTo(2);
		assertThat(o.target()).isEqualTo(15);
		assertThat(o.missing()).hasSize(catalogue - 2).doesNotContain("林业", "商务").contains("水利");
	}

	@Test
	void r03_aClassTwoSquadWithConfiguredDomainsManagesOnlyThoseAndOnlyItsOwnCasesCount() {
		CoverageOutcome o = mine().get("覆盖二类中队").outcome();

		assertThat(o.managed()).isEqualTo(2);
		assertThat(o.covered()).isEqualTo(1);
		assertThat(o.rate().toPlainString()).isEqualTo("50.00");
		// 2 managed × 27% = 0.54, rounded half up, at least 1
		assertThat(o.target()).isEqualTo(1);
		assertThat(o.met()).isTrue();
		assertThat(o.missing()).containsExactly("统计");
	}

	@Test
	void r03_aDirectSquadWithoutConfiguredDomainsManagesNothing() {
		CoverageOutcome o = mine().get("覆盖直属空中队").outcome();

		assertThat(o.nothingManaged()).isTrue();
		assertThat(o.rate().toPlainString()).isEqualTo("0.00");
		assertThat(o.met()).as("R-34: 未配置 is never met").isFalse();
		assertThat(o.missing()).isEmpty();
	}

	@Test
	void r34_onlySquadsAreListedDirectFirstThenClassOneThenClassTwo() {
		List<String> names = coverage.coverage(2024, SEPT_30, legal())
			.stream()
			.map(SquadCoverage::unitName)
			.filter(n -> n.startsWith("覆盖"))
			.toList();

		assertThat(names).containsExactly("覆盖直属中队", "覆盖直属空中队", "覆盖一类中队", "覆盖二类中队");
	}

	@Test
	void aSquadLeaderSeesOnlyHisSquadAndAnOrganUnitNone() {
		CurrentUser leader = new CurrentUser(1L, "l", "l", Role.SQUAD_LEADER, class2, null);
		CurrentUser officer = new CurrentUser(1L, "o", "o", Role.OFFICER, class2, 1L);

		assertThat(coverage.coverage(2024, SEPT_30, leader)).extracting(SquadCoverage::unitName)
			.containsExactly("覆盖二类中队");
		assertThat(coverage.coverage(2024, SEPT_30, officer)).isEmpty();
	}

	private Map<String, SquadCoverage> mine() {
		return coverage.coverage(2024, SEPT_30, legal())
			.stream()
			.collect(Collectors.toMap(SquadCoverage::unitName, Function.identity()));
	}

	private static CurrentUser legal() {
		return new CurrentUser(1L, "legal", "法制科", Role.LEGAL, null, null);
	}

}
