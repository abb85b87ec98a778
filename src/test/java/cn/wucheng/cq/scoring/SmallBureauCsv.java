package cn.wucheng.cq.scoring;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.organisation.Post;
import cn.wucheng.cq.organisation.Sex;
import cn.wucheng.cq.organisation.StaffCategory;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.reviews.AwardLevel;

/**
 * The small bureau of examples/small, written straight into the tables (the importer is another module's job): for
 * the expected.json check and the browser journey.
 */
public final class SmallBureauCsv {

	private SmallBureauCsv() {
	}

	/**
	 * Loads the small bureau unless it is there: the classes of the shared {@code small-bureau} context (the ledger's
	 * expected.json check, the scoring and dashboard journeys) only read it, so the first of them loads it for all
	 * (issue 15: one context and one load instead of three).
	 */
	public static void loadOnce(JdbcClient jdbc) throws IOException {
		if (jdbc.sql("select count(*) from case_file where case_no = ?")
			.param(FIRST_CASE)
			.query(Long.class)
			.single() == 0) {
			load(jdbc);
		}
	}

	/** The first case of examples/small/cases.csv: there once the bureau is loaded. */
	private static final String FIRST_CASE = firstCase();

	private static String firstCase() {
		String[] first = new String[1];
		try {
			csv("cases.csv", r -> {
				if (first[0] == null) {
					first[0] = r.get("案件编号");
				}
			});
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return first[0];
	}

	/** Inserts units, people, cases, deductions and awards of examples/small. */
	public static void load(JdbcClient jdbc) throws IOException {
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

	private static void csv(String file, Consumer<CSVRecord> row) throws IOException {
		try (Reader in = new InputStreamReader(SmallBureauCsv.class.getResourceAsStream("/examples/small/" + file),
				StandardCharsets.UTF_8)) {
			for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				row.accept(r);
			}
		}
	}

}
