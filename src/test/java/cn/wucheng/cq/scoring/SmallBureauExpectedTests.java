package cn.wucheng.cq.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.support.SharedContextLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small bureau of examples/small (all defaults): loads its CSV files straight into the tables (the importer is
 * another module's job) and checks the ledger against expected.json — every score of every period, every ranking.
 */
@ResourceLock(providers = SharedContextLock.class)
// the context of the scoring and dashboard journeys, which read the same bureau (SmallBureauCsv.loadOnce)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=small-bureau", "CQ_LEGAL_PASSWORD=Browser-Test-Pass-2" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallBureauExpectedTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScoreLedger ledger;

	JsonNode expected;

	@BeforeAll
	void load() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/examples/small/expected.json")) {
			expected = JsonMapper.builder().build().readTree(in);
		}
		SmallBureauCsv.loadOnce(jdbc);
	}

	@ParameterizedTest(name = "scores {0}")
	@ValueSource(strings = { "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024" })
	void everyScoreOfEveryPeriodIsAsExpected(String period) {
		List<String> actual = ledger.scores(Period.parse(period))
			.stream()
			.map(s -> String.join("|", s.employeeNo(), s.name(), s.unitName(), s.unitType().label(),
					s.quantity().toString(), s.quality().toString(), s.excellence().toString(), s.total().toString(),
					Integer.toString(s.leadCases()), Integer.toString(s.coCases())))
			.toList();
		List<String> wanted = new ArrayList<>();
		for (JsonNode s : expected.get("scores").get(period)) {
			wanted.add(String.join("|", text(s, "employeeNo"), text(s, "name"), text(s, "unit"), text(s, "unitType"),
					text(s, "quantity"), text(s, "quality"), text(s, "excellence"), text(s, "total"),
					text(s, "leadCases"), text(s, "coCases")));
		}
		assertThat(actual).containsExactlyElementsOf(wanted);
	}

	@ParameterizedTest(name = "rankings {0}")
	@ValueSource(strings = { "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4" })
	void everyRankingOfEveryQuarterIsAsExpected(String period) {
		Ranking ranking = ledger.rankings(Period.parse(period), ScoreScope.EVERYONE);
		JsonNode categories = expected.get("rankings").get(period).get("categories");
		assertThat(ranking.categories()).hasSize(categories.size());
		for (int i = 0; i < categories.size(); i++) {
			JsonNode want = categories.get(i);
			Ranking.Category got = ranking.categories().get(i);
			assertThat(got.category().label()).isEqualTo(text(want, "category"));
			assertThat(got.pool()).as("pool").isEqualTo(want.get("pool").asInt());
			assertThat(got.places()).as("places").isEqualTo(want.get("places").asInt());
			// entries of equal rank in any order
			Set<String> wanted = new java.util.HashSet<>();
			for (JsonNode e : want.get("entries")) {
				wanted.add(String.join("|", text(e, "rank"), text(e, "employeeNo"), text(e, "name"), text(e, "unit"),
						text(e, "total"), text(e, "bestHandler")));
			}
			Set<String> actual = got.entries()
				.stream()
				.map(e -> String.join("|", Integer.toString(e.rank()), e.employeeNo(), e.name(), e.unitName(),
						e.total().toString(), Boolean.toString(e.bestHandler())))
				.collect(Collectors.toSet());
			assertThat(actual).as(got.category().label()).isEqualTo(wanted);
			assertThat(got.entries()).extracting(Ranking.Entry::rank).isSorted();
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v.isTextual() ? v.asText() : v.toString();
	}

}
