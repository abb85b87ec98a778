package cn.wucheng.cq.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.organisation.Post;
import cn.wucheng.cq.organisation.Sex;
import cn.wucheng.cq.organisation.StaffCategory;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.reviews.AwardLevel;
import cn.wucheng.cq.shared.Period;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small bureau of examples/small (all defaults): loads its CSV files straight into the tables (the importer is
 * another module's job) and checks the ledger against expected.json — every score of every period, every ranking.
 */
@SpringBootTest(properties = "cq.test.context=small-bureau")
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
		csv("units.csv", r -> jdbc.sql("insert into unit (name, type) values (?, ?)")
			.params(r.get("单位名称"), UnitType.fromLabel(r.get("单位类型")).orElseThrow().name())
			.update());
		csv("people.csv", r -> {
			jdbc.sql("""
					insert into person (employee_no, name, sex, birth_date, category, unit_id, post)
					select ?, ?, ?, ?, ?, id, ? from unit where name = ?""")
				.params(r.get("工号"), r.get("姓名"), Sex.fromLabel(r.get("性别")).orElseThrow().name(),
						LocalDate.parse(r.get("出生日期")), StaffCategory.fromLabel(r.get("人员类别")).orElseThrow().name(),
						Post.fromLabel(r.get("职务")).orElseThrow().name(), r.get("所属单位"))
				.update();
			jdbc.sql("""
					insert into person_unit_history (person_id, unit_id, valid_from)
					select id, unit_id, ? from person where employee_no = ?""")
				.params(LocalDate.of(1900, 1, 1), r.get("工号"))
				.update();
		});
		csv("cases.csv", r -> {
			String concluded = r.get("办结日期");
			jdbc.sql("""
					insert into case_file (case_no, category, domain_id, unit_id, filed_on, concluded_on, lead_id, co_id)
					values (?, ?, (select id from domain where name = ?), (select id from unit where name = ?), ?, ?,
					  (select id from person where employee_no = ?), (select id from person where employee_no = ?))""")
				.params(r.get("案件编号"), CaseCategory.fromLabel(r.get("案件类别")).orElseThrow().name(), r.get("执法领域"),
						r.get("办案单位"), LocalDate.parse(r.get("立案日期")),
						concluded.isBlank() ? null : LocalDate.parse(concluded), r.get("主办人工号"), r.get("协办人工号"))
				.update();
		});
		csv("deductions.csv", r -> {
			jdbc.sql("""
					insert into deduction_item (code, item_text, points)
					select ?, ?, ? where not exists (select 1 from deduction_item where code = ?)""")
				.params(r.get("扣分项编码"), r.get("扣分项"), new BigDecimal(r.get("扣分")), r.get("扣分项编码"))
				.update();
			jdbc.sql("""
					insert into case_return (case_id, returned_on, item_id, points)
					values ((select id from case_file where case_no = ?), ?, (select id from deduction_item where code = ?), ?)""")
				.params(r.get("案件编号"), LocalDate.parse(r.get("退卷日期")), r.get("扣分项编码"), new BigDecimal(r.get("扣分")))
				.update();
		});
		csv("awards.csv", r -> jdbc.sql("""
				insert into excellent_award (case_id, award_level, rated_on)
				values ((select id from case_file where case_no = ?), ?, ?)""")
			.params(r.get("案件编号"), AwardLevel.fromLabel(r.get("评选级别")).orElseThrow().name(),
					LocalDate.parse(r.get("评选日期")))
			.update());
	}

	private void csv(String file, Consumer<CSVRecord> row) throws IOException {
		try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/examples/small/" + file),
				StandardCharsets.UTF_8)) {
			for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				row.accept(r);
			}
		}
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
