package cn.wucheng.cq.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The demo bureau generator: deterministic, sized as asked, and valid and realistic per IMPORT.md and RULES.md. */
@Tag("nodb")
class DemoBureauTests {

	private static final int YEAR = 2024;

	private static final Set<String> ORGAN_TYPES = Set.of("科室", "指挥中心");

	private static final Map<String, BigDecimal> CATALOGUE = Map.of("PC01", new BigDecimal("0.5"), "PC02",
			BigDecimal.ONE, "PC03", new BigDecimal("1.5"), "PC04", new BigDecimal("0.5"), "PC05", BigDecimal.ONE, "PC06",
			BigDecimal.ONE);

	private static Map<String, byte[]> countyFiles;

	private static Lists county;

	@BeforeAll
	static void generateTheCountyOnce() {
		countyFiles = DemoBureau.inMemory(BureauSpec.county());
		county = Lists.parse(countyFiles);
	}

	@Test
	void sameSpecAndSeedGiveByteIdenticalFilesAndAnotherSeedDiffers() {
		Map<String, byte[]> again = DemoBureau.inMemory(BureauSpec.county());
		assertThat(again.keySet()).containsExactly("domains", "units", "people", "cases", "deductions", "awards");
		for (String key : again.keySet()) {
			assertThat(again.get(key)).as(key).isEqualTo(countyFiles.get(key));
		}
		Map<String, byte[]> other = DemoBureau.inMemory(BureauSpec.county().withSeed(7));
		assertThat(other.get("people")).isNotEqualTo(countyFiles.get("people"));
		assertThat(other.get("cases")).isNotEqualTo(countyFiles.get("cases"));
		assertThat(other.get("domains")).isEqualTo(countyFiles.get("domains")); // the catalogue is fixed
	}

	@Test
	void everyListHasExactlyTheColumnsOfTheExampleBureau() throws IOException {
		for (ImportList list : ImportList.values()) {
			try (InputStream in = getClass().getResourceAsStream("/examples/small/" + list.csvFileName())) {
				String example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				assertThat(county.get(list).headers()).as(list.key())
					.isEqualTo(Lists.table(example).headers())
					.isEqualTo(list.headers());
			}
			byte[] bytes = countyFiles.get(list.key());
			assertThat(Arrays.copyOf(bytes, 3)).as("no BOM, like the examples")
				.isNotEqualTo(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		}
	}

	@Test
	void countyHasEightSquadsThreeOrganUnitsAQuarterThousandPeopleAndAYearOfCases() {
		Map<String, Long> unitsByType = county.rows(ImportList.UNITS)
			.stream()
			.collect(Collectors.groupingBy(u -> u.get("单位类型"), TreeMap::new, Collectors.counting()));
		assertThat(unitsByType).containsEntry("直属中队", 2L)
			.containsEntry("一类中队", 3L)
			.containsEntry("二类中队", 3L)
			.containsEntry("科室", 2L)
			.containsEntry("指挥中心", 1L);
		assertThat(county.rows(ImportList.UNITS)).extracting(u -> u.get("单位名称"))
			.contains("直属一中队", "直属二中队", "城东中队", "法制科", "督查科", "指挥中心");
		assertThat(county.rows(ImportList.PEOPLE)).hasSizeBetween(200, 300);
		assertThat(county.rows(ImportList.PEOPLE)).extracting(p -> p.get("人员类别")).contains("辅助人员");
		assertThat(county.rows(ImportList.PEOPLE)).extracting(p -> p.get("职务"))
			.contains("中队长", "副中队长", "法制员", "队员", "辅助队员", "科长", "科员")
			.doesNotContain("办案内勤");
		assertThat(county.rows(ImportList.CASES)).hasSizeBetween(1_000, 2_000);
		assertThat(county.rows(ImportList.CASES)).extracting(c -> c.get("案件编号"))
			.startsWith("WCZF-2024-00001")
			.doesNotHaveDuplicates();
		assertThat(county.rows(ImportList.PEOPLE)).extracting(p -> p.get("工号")).startsWith("WC0001");
		assertThat(county.rows(ImportList.DEDUCTIONS)).isNotEmpty();
		assertThat(county.rows(ImportList.AWARDS)).isNotEmpty();
	}

	@Test
	void everyCaseHasTwoDifferentFormalOfficersMostlyOfItsOwnSquad_R11() {
		Map<String, Map<String, String>> people = county.get(ImportList.PEOPLE).byKey("工号");
		Map<String, Map<String, String>> units = county.get(ImportList.UNITS).byKey("单位名称");
		int outsideSquad = 0;
		Set<String> organHandlersOfOrdinaryCases = new HashSet<>();
		for (Map<String, String> c : county.rows(ImportList.CASES)) {
			String lead = c.get("主办人工号");
			String co = c.get("协办人工号");
			assertThat(lead).as(c.get("案件编号")).isNotEqualTo(co);
			for (String handler : List.of(lead, co)) {
				Map<String, String> p = people.get(handler);
				assertThat(p).as(handler + " in people.csv").isNotNull();
				assertThat(p.get("人员类别")).as(c.get("案件编号")).isEqualTo("正式执法人员");
				if (!p.get("所属单位").equals(c.get("办案单位"))) {
					outsideSquad++;
					assertThat(units.get(p.get("所属单位")).get("单位类型")).isIn(ORGAN_TYPES);
					assertThat(c.get("案件类别")).isNotEqualTo("简易程序");
					organHandlersOfOrdinaryCases.add(handler);
				}
			}
			assertThat(units.get(c.get("办案单位")).get("单位类型")).isNotIn(ORGAN_TYPES);
		}
		assertThat(outsideSquad).as("a handful of organ co-handlers (R-33)")
			.isBetween(10, county.rows(ImportList.CASES).size() / 20);
		assertThat(organHandlersOfOrdinaryCases).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void datesAreValidAndFiledInTheYearSimpleCasesConcludeTheSameDay_R14() {
		int nextYear = 0;
		int open = 0;
		for (Map<String, String> c : county.rows(ImportList.CASES)) {
			LocalDate filed = Lists.date(c.get("立案日期"));
			LocalDate concluded = Lists.date(c.get("办结日期"));
			assertThat(filed.getYear()).isEqualTo(YEAR);
			assertThat(c.get("案件编号")).startsWith("WCZF-" + YEAR + "-");
			assertThat(c.get("决定书号")).matches("金婺综执罚决字〔2024〕第\\d+号");
			if (c.get("案件类别").equals("简易程序")) {
				assertThat(concluded).as(c.get("案件编号")).isEqualTo(filed);
			}
			if (concluded == null) {
				open++;
				continue;
			}
			assertThat(concluded).as(c.get("案件编号")).isAfterOrEqualTo(filed);
			if (concluded.getYear() > YEAR) {
				nextYear++;
			}
			// simple and on-road cases have their full-process recording.
			boolean needsVideo = c.get("案件类别").equals("简易程序") || c.get("案件来源").equals("路面查处");
			assertThat(c.get("视频编号").isEmpty()).as(c.get("案件编号")).isEqualTo(!needsVideo);
		}
		assertThat(nextYear).as("late filings conclude next year").isPositive();
		assertThat(open).as("a few cases are still open").isPositive();
		assertThat(county.rows(ImportList.CASES)).extracting(c -> c.get("案件来源"))
			.contains("路面查处", "投诉举报", "巡查发现", "部门移送");
		assertThat(county.rows(ImportList.CASES)).extracting(c -> c.get("案件类别"))
			.contains("简易程序", "普通程序", "重大疑难");
	}

	@Test
	void peopleOfEveryAgeGroupAndSexGiveAllFiveStandardStatuses_R32() {
		Map<String, Map<String, String>> units = county.get(ImportList.UNITS).byKey("单位名称");
		List<Map<String, String>> squadOfficers = county.rows(ImportList.PEOPLE)
			.stream()
			.filter(p -> p.get("人员类别").equals("正式执法人员"))
			.filter(p -> !ORGAN_TYPES.contains(units.get(p.get("所属单位")).get("单位类型")))
			.toList();
		for (Map<String, String> p : county.rows(ImportList.PEOPLE)) {
			int age = Period.between(Lists.date(p.get("出生日期")), LocalDate.of(YEAR, 1, 1)).getYears();
			assertThat(age).as(p.get("工号")).isBetween(25, 60);
		}
		Set<String> statuses = new HashSet<>();
		for (int q = 0; q < 4; q++) {
			LocalDate from = LocalDate.of(YEAR, 1 + 3 * q, 1);
			LocalDate to = from.plusMonths(3).minusDays(1);
			Map<String, Integer> ordinary = new HashMap<>();
			for (Map<String, String> c : county.rows(ImportList.CASES)) {
				LocalDate concluded = Lists.date(c.get("办结日期"));
				if (concluded != null && !concluded.isBefore(from) && !concluded.isAfter(to)
						&& !c.get("案件类别").equals("简易程序")) {
					ordinary.merge(c.get("主办人工号"), 1, Integer::sum);
					ordinary.merge(c.get("协办人工号"), 1, Integer::sum);
				}
			}
			for (Map<String, String> p : squadOfficers) {
				int age = Period.between(Lists.date(p.get("出生日期")), from).getYears();
				boolean man = p.get("性别").equals("男");
				int cases = ordinary.getOrDefault(p.get("工号"), 0);
				if (man && age >= 55 || !man && age >= 50) {
					statuses.add("免考核");
				}
				else if (man && age >= 50) {
					statuses.add(cases >= 1 ? "减半达标" : "减半未达标");
				}
				else {
					statuses.add(cases >= 2 ? "达标" : "未达标");
				}
			}
		}
		assertThat(statuses).containsExactlyInAnyOrder("达标", "未达标", "减半达标", "减半未达标", "免考核");
		assertThat(squadOfficers).extracting(p -> p.get("性别")).contains("男", "女");
	}

	@Test
	void directSquadsWorkMostlyInTheirManagedDomainsAndOtherSquadsInMany_R03_R34() {
		Set<String> catalogue = county.rows(ImportList.DOMAINS)
			.stream()
			.map(d -> d.get("领域名称"))
			.collect(Collectors.toSet());
		assertThat(catalogue).hasSize(30);
		for (Map<String, String> unit : county.rows(ImportList.UNITS)) {
			String name = unit.get("单位名称");
			List<Map<String, String>> cases = county.rows(ImportList.CASES)
				.stream()
				.filter(c -> c.get("办案单位").equals(name))
				.toList();
			Set<String> domains = cases.stream().map(c -> c.get("执法领域")).collect(Collectors.toSet());
			assertThat(catalogue).containsAll(domains);
			switch (unit.get("单位类型")) {
				case "直属中队" -> {
					List<String> managed = List.of(unit.get("管理领域").split("、"));
					assertThat(catalogue).containsAll(managed);
					assertThat(managed).hasSizeBetween(4, 6);
					long inManaged = cases.stream().filter(c -> managed.contains(c.get("执法领域"))).count();
					assertThat(inManaged).as(name).isGreaterThan(cases.size() * 85L / 100);
				}
				case "一类中队", "二类中队" -> {
					assertThat(unit.get("管理领域")).isEmpty(); // R-03 default: all domains
					assertThat(domains).as(name).hasSizeGreaterThanOrEqualTo(5);
				}
				default -> assertThat(cases).as(name + " is an organ unit").isEmpty();
			}
		}
	}

	@Test
	void deductionsAreForConcludedCasesInTheFileWithCatalogueItemsAndPoints_R21() {
		Map<String, Map<String, String>> cases = county.get(ImportList.CASES).byKey("案件编号");
		Set<String> keys = new HashSet<>();
		Set<String> returnedCases = new HashSet<>();
		for (Map<String, String> d : county.rows(ImportList.DEDUCTIONS)) {
			Map<String, String> c = cases.get(d.get("案件编号"));
			assertThat(c).as(d.get("案件编号")).isNotNull();
			assertThat(Lists.date(d.get("退卷日期"))).isAfterOrEqualTo(Lists.date(c.get("立案日期")));
			assertThat(new BigDecimal(d.get("扣分"))).isEqualByComparingTo(CATALOGUE.get(d.get("扣分项编码")));
			assertThat(d.get("扣分项")).isNotBlank();
			assertThat(keys.add(d.get("案件编号") + d.get("扣分项编码") + d.get("退卷日期"))).isTrue();
			returnedCases.add(d.get("案件编号"));
		}
		assertThat(county.rows(ImportList.DEDUCTIONS)).extracting(d -> d.get("扣分项编码") + " " + d.get("扣分项"))
			.contains("PC01 立案审批手续不全", "PC02 证据链不完整", "PC03 法律适用错误", "PC04 文书制作不规范", "PC05 程序超期",
					"PC06 全过程记录缺失");
		assertThat(returnedCases.size()).as("about one case in ten is returned")
			.isBetween(cases.size() / 25, cases.size() / 5);
	}

	@Test
	void awardsAreOnConcludedCasesOncePerLevelAndSomeAreRatedHigherOrLowerLater_R22() {
		Map<String, Map<String, String>> cases = county.get(ImportList.CASES).byKey("案件编号");
		List<String> highToLow = List.of("省级", "市级", "区级", "局级");
		Map<String, List<String>> levelsByCase = new TreeMap<>();
		for (Map<String, String> a : county.rows(ImportList.AWARDS)) {
			Map<String, String> c = cases.get(a.get("案件编号"));
			assertThat(c).as(a.get("案件编号")).isNotNull();
			assertThat(c.get("办结日期")).as("awarded cases are concluded").isNotEmpty();
			assertThat(Lists.date(a.get("评选日期"))).isAfter(Lists.date(c.get("办结日期")));
			assertThat(highToLow).contains(a.get("评选级别"));
			levelsByCase.computeIfAbsent(a.get("案件编号"), k -> new ArrayList<>()).add(a.get("评选级别"));
		}
		boolean laterHigher = false;
		boolean laterLower = false;
		for (List<String> levels : levelsByCase.values()) {
			assertThat(levels).doesNotHaveDuplicates();
			for (int i = 1; i < levels.size(); i++) {
				int rank = highToLow.indexOf(levels.get(i));
				int before = highToLow.indexOf(levels.get(i - 1));
				laterHigher |= rank < before;
				laterLower |= rank > before;
			}
		}
		assertThat(laterHigher).isTrue();
		assertThat(laterLower).isTrue();
		assertThat(levelsByCase).hasSizeBetween(5, 60);
	}

	@Test
	void withViolationsAHandfulOfAuxiliariesAreRecordedAsCoHandlersOfOnRoadCases_R11() {
		Lists flawed = Lists.parse(DemoBureau.inMemory(BureauSpec.county().withViolations(true)));
		Map<String, Map<String, String>> people = flawed.get(ImportList.PEOPLE).byKey("工号");
		List<Map<String, String>> violations = flawed.rows(ImportList.CASES)
			.stream()
			.filter(c -> people.get(c.get("协办人工号")).get("人员类别").equals("辅助人员"))
			.toList();
		assertThat(violations).hasSize(5).allSatisfy(c -> {
			assertThat(c.get("案件来源")).isEqualTo("路面查处");
			assertThat(people.get(c.get("协办人工号")).get("所属单位")).isEqualTo(c.get("办案单位"));
		});
		assertThat(flawed.rows(ImportList.CASES)).allSatisfy(
				c -> assertThat(people.get(c.get("主办人工号")).get("人员类别")).isEqualTo("正式执法人员"));
		// Without the flag no auxiliary handles a case (checked for every case above); people are the same.
		assertThat(flawed.get(ImportList.PEOPLE)).isEqualTo(county.get(ImportList.PEOPLE));
	}

	@Test
	void aScaledDownProvinceKeepsEveryKeyUniqueAcrossBureaus() {
		BureauSpec spec = BureauSpec.province().withBureaus(3).withCasesPerBureau(2_000);
		Lists province = Lists.parse(DemoBureau.inMemory(spec));
		assertThat(province.rows(ImportList.UNITS)).extracting(u -> u.get("单位名称"))
			.doesNotHaveDuplicates()
			.contains("B001直属一中队", "B002法制科", "B003指挥中心");
		assertThat(province.rows(ImportList.PEOPLE)).extracting(p -> p.get("工号"))
			.doesNotHaveDuplicates()
			.contains("B001-0001", "B003-0001");
		assertThat(province.rows(ImportList.PEOPLE)).hasSizeBetween(3 * 250, 3 * 350);
		assertThat(province.rows(ImportList.CASES)).hasSize(6_000);
		for (String column : List.of("案件编号", "决定书号")) {
			assertThat(province.rows(ImportList.CASES)).extracting(c -> c.get(column)).doesNotHaveDuplicates();
		}
		assertThat(province.rows(ImportList.CASES)).extracting(c -> c.get("视频编号"))
			.filteredOn(v -> !v.isEmpty())
			.doesNotHaveDuplicates();
		Map<String, Map<String, String>> people = province.get(ImportList.PEOPLE).byKey("工号");
		for (Map<String, String> c : province.rows(ImportList.CASES)) {
			String bureau = c.get("案件编号").substring(0, 4);
			assertThat(c.get("案件编号")).matches("B00[1-3]-WCZF-2024-\\d{5}");
			assertThat(c.get("办案单位")).startsWith(bureau);
			assertThat(people.get(c.get("主办人工号")).get("所属单位")).startsWith(bureau);
			assertThat(people.get(c.get("协办人工号")).get("所属单位")).startsWith(bureau);
		}
		Set<String> deductionKeys = new HashSet<>();
		for (Map<String, String> d : province.rows(ImportList.DEDUCTIONS)) {
			assertThat(deductionKeys.add(d.get("案件编号") + d.get("扣分项编码") + d.get("退卷日期"))).isTrue();
		}
		Set<String> awardKeys = new HashSet<>();
		for (Map<String, String> a : province.rows(ImportList.AWARDS)) {
			assertThat(awardKeys.add(a.get("案件编号") + a.get("评选级别"))).isTrue();
		}
	}

	@Test
	void aBureauIsTheSameWhicheverNumberOfBureausIsGenerated() {
		BureauSpec spec = BureauSpec.province().withCasesPerBureau(300);
		Lists two = Lists.parse(DemoBureau.inMemory(spec.withBureaus(2)));
		Lists three = Lists.parse(DemoBureau.inMemory(spec.withBureaus(3)));
		assertThat(three.rows(ImportList.PEOPLE)).startsWith(two.rows(ImportList.PEOPLE).toArray(Map[]::new));
		assertThat(three.rows(ImportList.CASES)).startsWith(two.rows(ImportList.CASES).toArray(Map[]::new));
	}

	@Test
	void memoryRefusesAProvinceAndTheSpecRefusesNonsense() {
		assertThatThrownBy(() -> DemoBureau.inMemory(BureauSpec.province()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("CsvDirectorySink");
		assertThatThrownBy(() -> BureauSpec.county().withBureaus(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BureauSpec.county().withCasesPerBureau(-1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anotherYearMovesEveryDateAndNumber() {
		Lists later = Lists.parse(DemoBureau.inMemory(BureauSpec.county().withYear(2025).withCasesPerBureau(200)));
		assertThat(later.rows(ImportList.CASES)).hasSize(200).allSatisfy(c -> {
			assertThat(Lists.date(c.get("立案日期")).getYear()).isEqualTo(2025);
			assertThat(c.get("案件编号")).startsWith("WCZF-2025-");
		});
	}

}
