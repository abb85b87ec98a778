package cn.wucheng.cq.scoring.standards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wucheng.cq.organisation.UnitType;

/**
 * Per unit and quarter: how many officers were assessed and how many reached the standard, did not (未达标 and
 * 减半未达标, with their names: they feed the squad's assessment, R-32) or were exempt.
 */
public record UnitStandardSummary(long unitId, String unitName, UnitType unitType, int officers, int met, int notMet,
		int exempt, List<String> notMetNames) {

	/** Summarises a list per unit: squads by category first, then organ units; in each type by unit id. */
	public static List<UnitStandardSummary> of(List<OfficerStandard> standards) {
		Map<Long, List<OfficerStandard>> byUnit = new LinkedHashMap<>();
		for (OfficerStandard s : standards) {
			byUnit.computeIfAbsent(s.unitId(), k -> new ArrayList<>()).add(s);
		}
		List<UnitStandardSummary> out = new ArrayList<>();
		for (List<OfficerStandard> unit : byUnit.values()) {
			OfficerStandard first = unit.get(0);
			int met = (int) unit.stream().filter(s -> s.status().isMet()).count();
			// not assessed: 免考核 and 未纳入, neither met nor not met
			int exempt = (int) unit.stream().filter(s -> !s.status().isAssessed()).count();
			List<String> notMet = unit.stream().filter(s -> s.status().isNotMet()).map(OfficerStandard::name).toList();
			out.add(new UnitStandardSummary(first.unitId(), first.unitName(), first.unitType(), unit.size(), met,
					notMet.size(), exempt, notMet));
		}
		out.sort(Comparator.comparing((UnitStandardSummary u) -> u.unitType().ordinal())
			.thenComparing(UnitStandardSummary::unitId));
		return out;
	}

}
