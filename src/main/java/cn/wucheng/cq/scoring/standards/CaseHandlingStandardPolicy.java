package cn.wucheng.cq.scoring.standards;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import cn.wucheng.cq.organisation.Sex;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Refusal;

/**
 * R-32 全员办案: each formal officer of a squad handles (as lead or co-handler) at least the year's minimum of cases
 * concluded in the quarter, by category. Age is 周岁 on the first day of the quarter: under 50 the full standard; men
 * 50–54 each minimum halved, rounded up; men 55+ and women 50+ are exempt (免考核).
 */
public final class CaseHandlingStandardPolicy implements cn.wucheng.cq.scoring.policy.ScoringPolicy {

	public static final String RULE_ID = "R-32";

	/** From this age (周岁) men get the halved standard and women are exempt. */
	static final int HALVED_FROM_AGE = 50;

	/** From this age (周岁) men are exempt. */
	static final int MEN_EXEMPT_FROM_AGE = 55;

	/** Which form of the standard applies to a person. */
	public enum Band {
		/** Under 50: the year's standard. */
		FULL,
		/** Men 50–54: each minimum halved, rounded up. */
		HALVED,
		/** Men 55+ and women 50+: not assessed. */
		EXEMPT
	}

	private final CaseCounts yearlyMinimum;

	/** @param yearlyMinimum the standard of the year (RuleSettings.standard(year)), default simple 0, ordinary 2 */
	public CaseHandlingStandardPolicy(CaseCounts yearlyMinimum) {
		this.yearlyMinimum = Objects.requireNonNull(yearlyMinimum, "yearlyMinimum");
	}

	@Override
	public String ruleId() {
		return RULE_ID;
	}

	public CaseCounts yearlyMinimum() {
		return yearlyMinimum;
	}

	/** 周岁: completed years on a day (someone born 1974-04-01 is 50 on 2024-04-01). */
	public static int ageOn(LocalDate birthDate, LocalDate day) {
		return (int) ChronoUnit.YEARS.between(birthDate, day);
	}

	public static Band bandOf(Sex sex, int age) {
		if (sex == Sex.FEMALE) {
			return age >= HALVED_FROM_AGE ? Band.EXEMPT : Band.FULL;
		}
		if (age >= MEN_EXEMPT_FROM_AGE) {
			return Band.EXEMPT;
		}
		return age >= HALVED_FROM_AGE ? Band.HALVED : Band.FULL;
	}

	/** The standard one person must reach in a quarter; {0, 0} when exempt. */
	public CaseCounts requiredOf(Band band) {
		return switch (band) {
			case FULL -> yearlyMinimum;
			case HALVED -> yearlyMinimum.halvedRoundingUp();
			case EXEMPT -> CaseCounts.NONE;
		};
	}

	/**
	 * Assesses one squad officer for a quarter.
	 * @param done cases concluded in the quarter in which the person is lead or co-handler
	 */
	public StandardOutcome assess(Sex sex, LocalDate birthDate, Period quarter, CaseCounts done) {
		if (!quarter.isQuarter()) {
			throw Refusal.of("standards.quarterOnly", quarter);
		}
		Band band = bandOf(sex, ageOn(birthDate, quarter.start()));
		CaseCounts required = requiredOf(band);
		boolean met = done.reach(required);
		StandardStatus status = switch (band) {
			case FULL -> met ? StandardStatus.MET : StandardStatus.NOT_MET;
			case HALVED -> met ? StandardStatus.HALVED_MET : StandardStatus.HALVED_NOT_MET;
			case EXEMPT -> StandardStatus.EXEMPT;
		};
		return new StandardOutcome(StandardRule.ALL_HANDLE_CASES, required, done, status);
	}

}
