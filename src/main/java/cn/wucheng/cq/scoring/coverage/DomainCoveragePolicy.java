package cn.wucheng.cq.scoring.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.wucheng.cq.organisation.UnitType;

/**
 * R-34 领域覆盖率: for a squad, the managed domains in which it has at least one case filed from 1 January up to
 * a date, against a target in domains: managed × the category's rate (直属 100%, 一类 50%, 二类 27%) rounded half up, at
 * least 1 — 15 and 8 of the default 30 domains. A squad managing no domain (a 直属中队 not yet configured) is 未配置:
 * target 0 and never met.
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

	/** The category's target rate in percent of managed domains. */
	public BigDecimal percent(UnitType squadType) {
		return switch (squadType) {
			case DIRECT_SQUAD -> targets.directPercent();
			case CLASS1_SQUAD -> targets.class1Percent();
			case CLASS2_SQUAD -> targets.class2Percent();
			case SECTION, COMMAND_CENTRE -> throw new IllegalArgumentException("coverage is assessed for squads only: "
					+ squadType);
		};
	}

	/**
	 * the target in domains for a squad of a type managing this many domains: managed × rate rounded half up, at
	 * least 1 (30 × 50% = 15, 30 × 27% = 8.1 → 8, 13 × 50% = 6.5 → 7); 0 when it manages nothing (未配置).
	 */
	public int target(UnitType squadType, int managed) {
		if (managed <= 0) {
			return 0;
		}
		int share = BigDecimal.valueOf(managed)
			.multiply(percent(squadType))
			.divide(HUNDRED, 0, RoundingMode.HALF_UP)
			.intValueExact();
		return Math.max(1, share);
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
		// 未配置 (nothing managed) is never met
		return new CoverageOutcome(managed, covered, rate(covered, managed), target, managed > 0 && covered >= target,
				missing);
	}

}
