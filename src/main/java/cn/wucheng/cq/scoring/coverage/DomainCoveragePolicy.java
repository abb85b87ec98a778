package cn.wucheng.cq.scoring.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.wucheng.cq.organisation.UnitType;

/**
 * R-34 领域覆盖率: for a squad, the managed domains in which it has at least one case filed from 1 January up to
 * a date, against a target: 直属中队 a percentage of its managed domains (rounded up to whole domains), 一类中队 and
 * 二类中队 a fixed number of domains.
 */
public final class DomainCoveragePolicy implements cn.wucheng.cq.scoring.policy.ScoringPolicy {

	public static final String RULE_ID = "R-34";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final CoverageTargets targets;

	public DomainCoveragePolicy(CoverageTargets targets) {
		this.targets = Objects.requireNonNull(targets, "targets");
	}

	@Override
	public String ruleId() {
		return RULE_ID;
	}

	public CoverageTargets targets() {
		return targets;
	}

	/** The target in domains for a squad of a type managing this many domains. */
	public int target(UnitType squadType, int managed) {
		return switch (squadType) {
			// 100% of 6 managed = 6; a percentage that does not divide evenly needs the next whole domain.
			case DIRECT_SQUAD -> BigDecimal.valueOf(managed)
				.multiply(targets.directPercent())
				.divide(HUNDRED, 0, RoundingMode.CEILING)
				.intValueExact();
			case CLASS1_SQUAD -> targets.class1Domains();
			case CLASS2_SQUAD -> targets.class2Domains();
			case SECTION, COMMAND_CENTRE -> throw new IllegalArgumentException("领域覆盖率只考核中队，收到: " + squadType.label());
		};
	}

	/** covered / managed × 100, two decimals, half up; 0.00 when nothing is managed. */
	public static BigDecimal rate(int covered, int managed) {
		if (managed == 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		return BigDecimal.valueOf(covered).multiply(HUNDRED).divide(BigDecimal.valueOf(managed), 2, RoundingMode.HALF_UP);
	}

	/**
	 * @param managedDomains the squad's managed domains, in the order the missing ones should be listed
	 * @param domainsWithCases domains in which the squad has a case filed in the window; others are ignored
	 */
	public CoverageOutcome assess(UnitType squadType, List<String> managedDomains, Set<String> domainsWithCases) {
		List<String> missing = managedDomains.stream().filter(d -> !domainsWithCases.contains(d)).toList();
		int managed = managedDomains.size();
		int covered = managed - missing.size();
		int target = target(squadType, managed);
		return new CoverageOutcome(managed, covered, rate(covered, managed), target, covered >= target, missing);
	}

}
