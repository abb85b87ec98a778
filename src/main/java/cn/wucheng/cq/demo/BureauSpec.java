package cn.wucheng.cq.demo;

import java.util.List;

import cn.wucheng.cq.organisation.UnitType;

/**
 * What to generate. Sizes are per bureau; with more than one bureau every unit name, 工号, 案件编号, 决定书号 and
 * 视频编号 carries the bureau's code (B001, B002, …) so keys stay unique across the province.
 *
 * @param seed everything random derives from it: same spec, same bytes
 * @param year the year of the cases (立案日期); conclusions, returns and awards may run into the next year
 * @param bureaus number of bureaus
 * @param directSquads 直属中队 per bureau
 * @param class1Squads 一类中队 per bureau
 * @param class2Squads 二类中队 per bureau
 * @param formalPerSquad 正式执法人员 per squad on average (±3), including 中队长, 副中队长 and 法制员
 * @param auxiliariesPerSquad 辅助人员 per squad on average (±2)
 * @param organUnits the organ units (机关) of each bureau with their head counts
 * @param casesPerBureau cases filed in the year per bureau (exact)
 * @param withViolations when set, a handful of cases per bureau record an auxiliary as co-handler, which the
 * importer must flag, not reject
 */
public record BureauSpec(long seed, int year, int bureaus, int directSquads, int class1Squads, int class2Squads,
		int formalPerSquad, int auxiliariesPerSquad, List<OrganUnit> organUnits, int casesPerBureau,
		boolean withViolations) {

	/** The default seed of the demo bureau. */
	public static final long DEFAULT_SEED = 20240101L;

	/** The default year, the year of the programme. */
	public static final int DEFAULT_YEAR = 2024;

	/** An organ unit (科室 or 指挥中心) and how many formal officers it has, its head (科长) included. */
	public record OrganUnit(String name, UnitType type, int people) {

		public OrganUnit {
			if (name == null || name.isBlank() || type == null || !type.isOrgan() || people < 1) {
				throw new IllegalArgumentException("an organ unit needs a name, an organ type and at least one person");
			}
		}

	}

	public BureauSpec {
		organUnits = List.copyOf(organUnits);
		if (bureaus < 1 || year < 1990 || year > 2100) {
			throw new IllegalArgumentException("bureaus must be ≥ 1 and year between 1990 and 2100");
		}
		if (directSquads < 0 || class1Squads < 0 || class2Squads < 0
				|| directSquads + class1Squads + class2Squads < 1) {
			throw new IllegalArgumentException("a bureau needs at least one squad");
		}
		if (formalPerSquad < 8 || auxiliariesPerSquad < 0) {
			// 8 - 3 (jitter) leaves leader, deputy, legal officer and two members: two different handlers per case.
			throw new IllegalArgumentException("formalPerSquad must be ≥ 8 and auxiliariesPerSquad ≥ 0");
		}
		if (casesPerBureau < 0) {
			throw new IllegalArgumentException("casesPerBureau must be ≥ 0");
		}
	}

	/**
	 * One county bureau like 婺城: 2 直属中队, 3 一类中队, 3 二类中队, 法制科, 督查科, 指挥中心; about 250 people and 1,500
	 * cases in {@value #DEFAULT_YEAR}.
	 */
	public static BureauSpec county() {
		return new BureauSpec(DEFAULT_SEED, DEFAULT_YEAR, 1, 2, 3, 3, 22, 6, defaultOrganUnits(), 1_500, false);
	}

	/**
	 * A province for benchmarks: 100 bureaus of 2 直属中队, 4 一类中队, 4 二类中队 and three organ units; about 30,000
	 * people and 1,000,000 cases. Stream it to {@link CsvDirectorySink}.
	 */
	public static BureauSpec province() {
		return new BureauSpec(DEFAULT_SEED, DEFAULT_YEAR, 100, 2, 4, 4, 22, 6, defaultOrganUnits(), 10_000, false);
	}

	private static List<OrganUnit> defaultOrganUnits() {
		return List.of(new OrganUnit("法制科", UnitType.SECTION, 8), new OrganUnit("督查科", UnitType.SECTION, 7),
				new OrganUnit("指挥中心", UnitType.COMMAND_CENTRE, 6));
	}

	public BureauSpec withSeed(long newSeed) {
		return new BureauSpec(newSeed, year, bureaus, directSquads, class1Squads, class2Squads, formalPerSquad,
				auxiliariesPerSquad, organUnits, casesPerBureau, withViolations);
	}

	public BureauSpec withYear(int newYear) {
		return new BureauSpec(seed, newYear, bureaus, directSquads, class1Squads, class2Squads, formalPerSquad,
				auxiliariesPerSquad, organUnits, casesPerBureau, withViolations);
	}

	public BureauSpec withBureaus(int newBureaus) {
		return new BureauSpec(seed, year, newBureaus, directSquads, class1Squads, class2Squads, formalPerSquad,
				auxiliariesPerSquad, organUnits, casesPerBureau, withViolations);
	}

	public BureauSpec withCasesPerBureau(int newCases) {
		return new BureauSpec(seed, year, bureaus, directSquads, class1Squads, class2Squads, formalPerSquad,
				auxiliariesPerSquad, organUnits, newCases, withViolations);
	}

	public BureauSpec withViolations(boolean violations) {
		return new BureauSpec(seed, year, bureaus, directSquads, class1Squads, class2Squads, formalPerSquad,
				auxiliariesPerSquad, organUnits, casesPerBureau, violations);
	}

	/** Whether names and numbers carry a bureau code (more than one bureau). */
	public boolean prefixed() {
		return bureaus > 1;
	}

	/** Total cases over all bureaus. */
	public long totalCases() {
		return (long) bureaus * casesPerBureau;
	}

}
