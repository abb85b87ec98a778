package cn.wucheng.cq.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The acceptance check of issue 2: import the example bureau of examples/README.md through the HTTP API, exactly as a
 * script would (HTTP Basic, multipart), and compare every answer of the API with expected.json: scores per period,
 * rankings and standards per quarter, coverage. Decimals compare as strings, {@code missing} as a set, entries of
 * equal rank in any order. Subclasses deliver the files as UTF-8 CSV, GB18030 CSV and .xlsx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExampleBureauAcceptance {

	static final String PASSWORD = "Legal-Test-2024";

	@LocalServerPort
	int port;

	ApiClient api;

	JsonNode expected;

	abstract BureauFiles files();

	/** The example of examples/README.md: {@code small} (first reading) or {@code small-v2} (second reading). */
	String example() {
		return "small";
	}

	/**
	 * examples/README.md: small compares decimals as strings; small-v2 as exact numbers with at least two places.
	 */
	boolean decimalsAsNumbers() {
		return false;
	}

	@BeforeAll
	void importTheExampleBureau() throws IOException {
		api = new ApiClient(port, "legal", PASSWORD);
		try (InputStream in = getClass().getResourceAsStream("/examples/" + example() + "/expected.json")) {
			expected = new ObjectMapper().readTree(in);
		}
		for (String kind : BureauFiles.KINDS) {
			ApiClient.Response r = api.upload(kind, files().fileName(kind), files().content(example(), kind));
			assertThat(r.status()).as("import of %s: %s", kind, r.body()).isEqualTo(200);
			assertThat(r.body().get("kind").asString()).isEqualTo(kind);
		}
	}

	@Test
	void importingTheSameFilesAgainChangesNothing() {
		for (String kind : BureauFiles.KINDS) {
			ApiClient.Response r = api.upload(kind, files().fileName(kind), files().content(example(), kind));
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.body().get("created").asInt()).as(kind).isZero();
			assertThat(r.body().get("updated").asInt()).as(kind).isZero();
			assertThat(r.body().get("unchanged").asInt()).as(kind).isPositive();
		}
	}

	@Test
	void scoresOfEveryPeriodAreAsExpected() {
		for (String period : List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024")) {
			ApiClient.Response r = api.get("/api/v1/scores?period=" + period);
			assertThat(r.status()).isEqualTo(200);
			assertThat(byKey(r.body(), "employeeNo")).as("scores %s", period)
				.isEqualTo(byKey(expected.get("scores").get(period), "employeeNo"));
		}
	}

	@Test
	void eachOfficersBreakdownAddsUpToHisScore() {
		for (JsonNode score : expected.get("scores").get("2024")) {
			String no = score.get("employeeNo").asString();
			ApiClient.Response r = api.get("/api/v1/scores/" + no + "?period=2024");
			assertThat(r.status()).as(no).isEqualTo(200);
			assertThat(r.body().get("total").asString()).as(no).isEqualTo(score.get("total").asString());
			java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
			for (JsonNode item : r.body().get("items")) {
				sum = sum.add(new java.math.BigDecimal(item.get("total").asString()));
			}
			assertThat(sum).as("R-25: items of %s add up to the total", no)
				.isEqualByComparingTo(new java.math.BigDecimal(score.get("total").asString()));
		}
	}

	@Test
	void rankingsOfEveryQuarterAreAsExpected() {
		for (String period : List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4")) {
			ApiClient.Response r = api.get("/api/v1/rankings?period=" + period);
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.body().get("period").asString()).isEqualTo(period);
			JsonNode want = expected.get("rankings").get(period).get("categories");
			JsonNode got = r.body().get("categories");
			assertThat(got.size()).isEqualTo(want.size());
			for (int i = 0; i < want.size(); i++) {
				JsonNode w = want.get(i);
				JsonNode g = got.get(i);
				String what = period + " " + w.get("category").asString();
				assertThat(g.get("category").asString()).as(what).isEqualTo(w.get("category").asString());
				assertThat(g.get("pool").asInt()).as(what).isEqualTo(w.get("pool").asInt());
				assertThat(g.get("places").asInt()).as(what).isEqualTo(w.get("places").asInt());
				assertThat(byKey(g.get("entries"), "employeeNo")).as(what)
					.isEqualTo(byKey(w.get("entries"), "employeeNo"));
				assertThat(ranks(g.get("entries"))).as("%s: ordered by rank", what).isSorted();
			}
		}
	}

	@Test
	void standardsOfEveryQuarterAreAsExpected() {
		for (String period : List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4")) {
			ApiClient.Response r = api.get("/api/v1/standards?period=" + period);
			assertThat(r.status()).isEqualTo(200);
			// small/expected.json predates R-32's 未纳入: that one amendment is applied to it explicitly
			JsonNode want = example().equals("small") ? cn.wucheng.cq.support.FirstReading.standardsAsAmended(expected, period)
					: expected.get("standards").get(period);
			assertThat(byKey(r.body(), "employeeNo")).as("standards %s", period).isEqualTo(byKey(want, "employeeNo"));
		}
	}

	@Test
	void coverageIsAsExpected() {
		ApiClient.Response r = api.get("/api/v1/coverage?year=2024&asOf=2024-09-30");
		assertThat(r.status()).isEqualTo(200);
		assertThat(coverage(r.body())).isEqualTo(coverage(expected.get("coverage").get("2024@2024-09-30")));
	}

	/** A decimal string of the API: digits, a point and decimals. */
	private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?\\d+\\.(\\d+)");

	private static List<Integer> ranks(JsonNode entries) {
		List<Integer> ranks = new ArrayList<>();
		entries.forEach(e -> ranks.add(e.get("rank").asInt()));
		return ranks;
	}

	/** Objects keyed by a field, as plain maps: the order of equal ranks and of fields does not matter. */
	private Map<String, Object> byKey(JsonNode array, String key) {
		Map<String, Object> map = new HashMap<>();
		array.forEach(node -> {
			Object previous = map.put(node.get(key).asString(), plain(node));
			assertThat(previous).as("duplicate %s %s", key, node.get(key)).isNull();
		});
		return map;
	}

	private Map<String, Object> coverage(JsonNode array) {
		Map<String, Object> map = new HashMap<>();
		array.forEach(node -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> unit = (Map<String, Object>) plain(node);
			Set<Object> missing = new HashSet<>((List<?>) unit.get("missing"));
			unit.put("missing", missing);
			map.put(node.get("unit").asString(), unit);
		});
		return map;
	}

	private Object plain(JsonNode node) {
		if (node.isObject()) {
			Map<String, Object> m = new HashMap<>();
			node.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
			return m;
		}
		if (node.isArray()) {
			List<Object> l = new ArrayList<>();
			node.forEach(n -> l.add(plain(n)));
			return l;
		}
		// Decimals are strings in the API; numbers here are counts. Compare their text exactly — or, for an example
		// whose README says so, decimals as exact numbers shown with at least two places.
		if (node.isString() && decimalsAsNumbers()) {
			java.util.regex.Matcher m = DECIMAL.matcher(node.asString());
			if (m.matches()) {
				assertThat(m.group(1).length()).as("R-24: %s has at least two places", node.asString())
					.isGreaterThanOrEqualTo(2);
				return new java.math.BigDecimal(node.asString()).stripTrailingZeros().toPlainString();
			}
		}
		return node.isNumber() ? node.asString() : node.isBoolean() ? node.asBoolean() : node.asString();
	}

}
