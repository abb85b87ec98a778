package cn.wucheng.cq.scoring.standards;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.organisation.Post;
import cn.wucheng.cq.organisation.Sex;
import cn.wucheng.cq.organisation.StaffCategory;
import cn.wucheng.cq.organisation.UnitType;

/**
 * Loads the example bureau of {@code src/test/resources/examples/<name>/} (domains, units, people, cases) with plain
 * SQL inserts, so the standards and coverage can be compared with expected.json without the importer. Only
 * well-formed UTF-8 CSV in the documented columns: this is a test fixture, not the importer of IMPORT.md.
 */
public final class SmallBureauLoader {

	private final JdbcClient jdbc;

	private final Map<String, Long> units = new HashMap<>();

	private final Map<String, Long> people = new HashMap<>();

	private final Map<String, Long> domains = new HashMap<>();

	public SmallBureauLoader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static SmallBureauLoader loadSmall(JdbcClient jdbc) {
		SmallBureauLoader loader = new SmallBureauLoader(jdbc);
		loader.load("small");
		return loader;
	}

	public void load(String example) {
		each(example, "domains.csv", r -> {
			String name = r.get("领域名称").trim();
			jdbc.sql("""
					insert into domain (code, name, sort_order)
					select ?, ?, (select coalesce(max(sort_order), 0) + 1 from domain)
					where not exists (select 1 from domain where name = ?)""").params(r.get("领域编码"), name, name).update();
		});
		jdbc.sql("select id, name from domain").query((rs, n) -> domains.put(rs.getString(2), rs.getLong(1))).list();
		each(example, "units.csv", r -> {
			String name = r.get("单位名称").trim();
			UnitType type = UnitType.fromLabel(r.get("单位类型")).orElseThrow();
			jdbc.sql("insert into unit (name, type) values (?, ?)").params(name, type.name()).update();
			long id = jdbc.sql("select id from unit where name = ?").param(name).query(Long.class).single();
			units.put(name, id);
			for (String d : r.get("管理领域").split("[、;,；，]")) {
				if (!d.isBlank()) {
					jdbc.sql("insert into unit_domain (unit_id, domain_id) values (?, ?)").params(id, domain(d)).update();
				}
			}
		});
		each(example, "people.csv", r -> {
			String no = r.get("工号").trim();
			long unit = units.get(r.get("所属单位").trim());
			jdbc.sql("""
					insert into person (employee_no, name, sex, birth_date, category, unit_id, post)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(no, r.get("姓名").trim(), Sex.fromLabel(r.get("性别")).orElseThrow().name(),
						LocalDate.parse(r.get("出生日期").trim()),
						StaffCategory.fromLabel(r.get("人员类别")).orElseThrow().name(), unit,
						Post.fromLabel(r.get("职务")).map(Post::name).orElse("MEMBER"))
				.update();
			long id = jdbc.sql("select id from person where employee_no = ?").param(no).query(Long.class).single();
			people.put(no, id);
			jdbc.sql("insert into person_unit_history (person_id, unit_id, valid_from) values (?, ?, ?)")
				.params(id, unit, LocalDate.of(1900, 1, 1))
				.update();
		});
		each(example, "cases.csv", r -> {
			String concluded = r.get("办结日期").trim();
			jdbc.sql("""
					insert into case_file (case_no, decision_no, category, domain_id, unit_id, source, filed_on,
					  concluded_on, lead_id, co_id, video_no)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(r.get("案件编号").trim(), r.get("决定书号"),
						CaseCategory.fromLabel(r.get("案件类别")).orElseThrow().name(), domain(r.get("执法领域")),
						units.get(r.get("办案单位").trim()), r.get("案件来源"), LocalDate.parse(r.get("立案日期").trim()),
						concluded.isEmpty() ? null : LocalDate.parse(concluded), people.get(r.get("主办人工号").trim()),
						people.get(r.get("协办人工号").trim()), r.get("视频编号"))
				.update();
		});
	}

	public long unit(String name) {
		return units.get(name);
	}

	public long person(String employeeNo) {
		return people.get(employeeNo);
	}

	private long domain(String name) {
		Long id = domains.get(name.trim());
		if (id == null) {
			throw new IllegalArgumentException("unknown domain " + name);
		}
		return id;
	}

	private static void each(String example, String file, Consumer<CSVRecord> row) {
		String path = "/examples/" + example + "/" + file;
		try (Reader in = new InputStreamReader(SmallBureauLoader.class.getResourceAsStream(path),
				StandardCharsets.UTF_8)) {
			List<CSVRecord> records = CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreSurroundingSpaces(true)
				.get()
				.parse(in)
				.getRecords();
			records.forEach(row);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
