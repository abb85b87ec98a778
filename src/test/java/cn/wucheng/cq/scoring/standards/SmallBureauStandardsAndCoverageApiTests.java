package cn.wucheng.cq.scoring.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * End to end on the small example bureau (examples/README.md): after loading its CSVs, /api/v1/standards for each
 * quarter and /api/v1/coverage answer exactly what expected.json says. Its own context (property
 * below), so no other test's people or squads are in the lists.
 */
@ResourceLock(providers = SharedContextLock.class)
// the context of StandardsAndCoverageBrowserTests, which reads the same bureau (issue 15: one context, one load)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=small-bureau-standards", "CQ_LEGAL_PASSWORD=Browser-Test-Pass-1" })
@AutoConfigureMockMvc
class SmallBureauStandardsAndCoverageApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void loadTheSmallBureauOnce() {
		if (jdbc.sql("select count(*) from unit where name = '城东中队'").query(Integer.class).single() == 0) {
			SmallBureauLoader.loadSmall(jdbc);
		}
	}

	@ParameterizedTest(name = "standards of {0} are those of expected.json")
	@ValueSource(strings = { "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4" })
	void standardsOfEachQuarterAreExactlyThoseOfExpectedJson(String quarter) throws Exception {
		JsonNode answer = call("/api/v1/standards?period=" + quarter);

		// as amended: 二类中队 officers are 未纳入 before their batch (FirstReading)
		assertThat(answer).isEqualTo(cn.wucheng.cq.support.FirstReading.standardsAsAmended(expected(), quarter));
	}

	@Test
	void coverageAsOfThirtySeptemberIsExactlyThatOfExpectedJsonWithMissingAsASet() throws Exception {
		JsonNode answer = call("/api/v1/coverage?year=2024&asOf=2024-09-30");

		assertThat(withMissingSorted(answer)).isEqualTo(withMissingSorted(expected().get("coverage").get("2024@2024-09-30")));
	}

	@Test
	void coverageWithoutAsOfIsCountedUpToTheDeadlineOfThirtySeptember() throws Exception {
		assertThat(call("/api/v1/coverage?year=2024")).isEqualTo(call("/api/v1/coverage?year=2024&asOf=2024-09-30"));
	}

	private JsonNode call(String url) throws Exception {
		String body = mvc.perform(get(url).with(Users.legalSection()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return JSON.readTree(body);
	}

	private static JsonNode expected() throws Exception {
		try (InputStream in = SmallBureauStandardsAndCoverageApiTests.class
			.getResourceAsStream("/examples/small/expected.json")) {
			return JSON.readTree(in);
		}
	}

	/** `missing` compares as a set (examples/README.md). */
	private static JsonNode withMissingSorted(JsonNode coverage) {
		ArrayNode out = JSON.createArrayNode();
		for (JsonNode squad : coverage) {
			ObjectNode copy = ((ObjectNode) squad).deepCopy();
			List<String> missing = new ArrayList<>();
			squad.get("missing").forEach(m -> missing.add(m.asString()));
			missing.sort(null);
			ArrayNode sorted = copy.putArray("missing");
			missing.forEach(sorted::add);
			out.add(copy);
		}
		return out;
	}

}
