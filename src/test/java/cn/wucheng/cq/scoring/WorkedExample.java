package cn.wucheng.cq.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.cases.QualityPoints;
import cn.wucheng.cq.reviews.AwardLevel;
import cn.wucheng.cq.scoring.policy.CoHandlerHalf;
import cn.wucheng.cq.scoring.policy.ExcellencePoints;
import cn.wucheng.cq.scoring.policy.ExcellencePoints.Award;
import cn.wucheng.cq.scoring.policy.HandlerRole;
import cn.wucheng.cq.scoring.policy.QuantityPoints;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Points;
import cn.wucheng.cq.support.Bureau;

/**
 * The worked example of examples/README.md: 张三, 李四, 王五 of one squad; deduction items PC02 = 1,
 * PC03 = 1.5; cases A (简易, 2024-02-01, 张三/李四), B (普通, 2024-03-10, 张三/王五, PC02 + PC03), C (重大疑难, 2024-05-20,
 * 王五/张三, 局级 2024-06-15, 市级 2024-08-01, 区级 2024-10-01). Scores it in plain Java with the policies, and inserts
 * it into a database with the Bureau fixture, so the ledger's SQL can be compared with the policies.
 */
final class WorkedExample {

	record Case(String no, CaseCategory category, LocalDate concluded, String lead, String co,
			List<BigDecimal> deductions, List<Award> awards) {
	}

	static final List<Case> CASES = List.of(
			new Case("WE-A", CaseCategory.SIMPLE, LocalDate.of(2024, 2, 1), "张三", "李四", List.of(), List.of()),
			new Case("WE-B", CaseCategory.ORDINARY, LocalDate.of(2024, 3, 10), "张三", "王五",
					List.of(new BigDecimal("1"), new BigDecimal("1.5")), List.of()),
			new Case("WE-C", CaseCategory.MAJOR, LocalDate.of(2024, 5, 20), "王五", "张三", List.of(),
					List.of(new Award(AwardLevel.BUREAU, LocalDate.of(2024, 6, 15)),
							new Award(AwardLevel.CITY, LocalDate.of(2024, 8, 1)),
							new Award(AwardLevel.DISTRICT, LocalDate.of(2024, 10, 1)))));

	static final List<String> PEOPLE = List.of("张三", "李四", "王五");

	static final Map<String, String> EMPLOYEE_NO = Map.of("张三", "WE01", "李四", "WE02", "王五", "WE03");

	private WorkedExample() {
	}

	/** Each person's total in a period, computed with the policies only (no SQL). */
	static Map<String, Points> totalsByPolicies(Period period, ExcellencePoints excellence) {
		QuantityPoints quantity = new QuantityPoints();
		CoHandlerHalf half = new CoHandlerHalf();
		Map<String, Points> totals = new LinkedHashMap<>();
		PEOPLE.forEach(p -> totals.put(p, Points.ZERO));
		for (Case c : CASES) {
			if (period.contains(c.concluded())) {
				BigDecimal full = quantity.of(c.category()).add(QualityPoints.of(c.deductions()).exact());
				totals.merge(c.lead(), Points.of(half.share(full, HandlerRole.LEAD)), Points::plus);
				totals.merge(c.co(), Points.of(half.share(full, HandlerRole.CO)), Points::plus);
			}
			for (Award a : c.awards()) {
				if (period.contains(a.ratedOn())) {
					BigDecimal credit = excellence.credit(a, c.awards());
					totals.merge(c.lead(), Points.of(half.share(credit, HandlerRole.LEAD)), Points::plus);
					totals.merge(c.co(), Points.of(half.share(credit, HandlerRole.CO)), Points::plus);
				}
			}
		}
		return totals;
	}

	/**
	 * Inserts the example into a squad: the three officers belong to {@code squad} during 2024 only (an organ unit
	 * before and after), so the example does not fill other years' ranking pools. Returns person ids by name.
	 */
	static Map<String, Long> insert(Bureau bureau, long squad, long organUnit) {
		Map<String, Long> ids = new LinkedHashMap<>();
		for (String p : PEOPLE) {
			long id = bureau.officer(EMPLOYEE_NO.get(p), p, organUnit);
			bureau.transfer(id, squad, LocalDate.of(2024, 1, 1));
			bureau.transfer(id, organUnit, LocalDate.of(2025, 1, 1));
			ids.put(p, id);
		}
		bureau.deductionItem("PC02", "证据不充分", "1");
		bureau.deductionItem("PC03", "法律适用错误", "1.5");
		for (Case c : CASES) {
			String label = c.category().label();
			long caseId = bureau.concludedCase(c.no(), label, squad, ids.get(c.lead()), ids.get(c.co()), c.concluded());
			if (c.no().equals("WE-B")) {
				bureau.returned(caseId, "PC02", LocalDate.of(2024, 3, 20));
				bureau.returned(caseId, "PC03", LocalDate.of(2024, 3, 20));
			}
			for (Award a : c.awards()) {
				bureau.award(caseId, a.level().label(), a.ratedOn());
			}
		}
		return ids;
	}

}
