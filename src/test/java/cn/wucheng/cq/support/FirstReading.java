package cn.wucheng.cq.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import cn.wucheng.cq.shared.Period;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * examples/small/expected.json was written for the first reading of RULES.md, before R-32 said that a squad's officers
 * are 未纳入 in quarters before their rollout batch starts. Under the amended default every other answer of the
 * small bureau is unchanged; this applies that one amendment to its standards, explicitly, so the example still checks
 * everything else exactly: officers of a 二类中队 (default 2024 batch from 1 May) are 未纳入 in 2024-Q1 with
 * {@code required} {0, 0}.
 */
public final class FirstReading {

	/** The default start of the 二类中队 batch (R-71, migration 4.00). */
	public static final LocalDate CLASS2_BATCH_START = LocalDate.of(2024, 5, 1);

	private FirstReading() {
	}

	/** The standards of a quarter of small/expected.json with R-32's 未纳入 applied. */
	public static JsonNode standardsAsAmended(JsonNode expected, String quarter) {
		JsonNode standards = expected.get("standards").get(quarter).deepCopy();
		if (!Period.parse(quarter).end().isBefore(CLASS2_BATCH_START)) {
			return standards;
		}
		Map<String, String> unitTypes = new HashMap<>();
		expected.get("scores").get(quarter).forEach(s -> unitTypes.put(s.get("employeeNo").asString(),
				s.get("unitType").asString()));
		standards.forEach(s -> {
			if ("二类中队".equals(unitTypes.get(s.get("employeeNo").asString()))) {
				ObjectNode o = (ObjectNode) s;
				ObjectNode required = o.putObject("required");
				required.put("simple", 0);
				required.put("ordinary", 0);
				o.put("status", "未纳入");
			}
		});
		return standards;
	}

}
