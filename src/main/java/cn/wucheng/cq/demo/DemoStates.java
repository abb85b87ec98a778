package cn.wucheng.cq.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.scoring.standards.ExemptionReason;
import cn.wucheng.cq.scoring.standards.StandardExemptions;
import cn.wucheng.cq.shared.Period;

/**
 * What the rules' second reading added, made visible in the demo bureau (issue 12): the programme starts in the demo's
 * own year, so the 二类中队 officers are 未纳入 in its first quarter; one officer is exempted for a quarter
 * (R-32 "原则上"); external training counts (R-62, through the 培训学时 import like real data); one 直属中队 has no
 * managed domains yet, so its coverage is 未配置. Demo data, so its texts are written here.
 */
@Component
class DemoStates {

	/** The 直属中队 whose managed domains the demo leaves unconfigured (R-34: 未配置). */
	static final String UNCONFIGURED_SQUAD = "直属二中队";

	private final JdbcClient jdbc;

	private final DemoImports imports;

	private final StandardExemptions exemptions;

	DemoStates(JdbcClient jdbc, DemoImports imports, StandardExemptions exemptions) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.exemptions = exemptions;
	}

	/** The units list with the managed domains of one squad left empty. */
	byte[] withoutManagedDomains(byte[] unitsCsv, String squad) {
		String text = new String(unitsCsv, StandardCharsets.UTF_8);
		StringBuilder out = new StringBuilder(text.length());
		for (String line : text.split("\n", -1)) {
			if (line.startsWith(squad + ",")) {
				int last = line.lastIndexOf(',');
				line = line.substring(0, last + 1) + (line.endsWith("\r") ? "\r" : "");
			}
			out.append(line).append('\n');
		}
		out.setLength(out.length() - 1);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** After the six lists: the rollout of the demo's year, an exemption, and the external training list. */
	ImportResult show(int year) {
		rolloutInTheDemoYear(year);
		String exempted = jdbc.sql("""
				select p.employee_no from person p join unit u on u.id = p.unit_id
				where u.type = 'CLASS1_SQUAD' and p.category = 'FORMAL' order by p.employee_no limit 1""")
			.query(String.class)
			.single();
		exemptions.grant(exempted, Period.quarter(year, 3), ExemptionReason.MATERNITY,
				"产假（" + year + "年7月至10月）", "demo");
		return imports.importFile(ImportKind.TRAINING_HOURS, "demo-training-hours.csv", externalTraining(year));
	}

	/**
	 * the batches seeded for 2024 moved to the demo's year (same days), so the programme starts in the year the
	 * demo shows — its 二类中队 start on 1 May, and their officers are 未纳入 in the first quarter.
	 */
	private void rolloutInTheDemoYear(int year) {
		jdbc.sql("""
				update rollout_batch set batch_year = :year,
				  starts_on = make_date(:year, extract(month from starts_on)::int, extract(day from starts_on)::int),
				  ends_on = make_date(:year, extract(month from ends_on)::int,
				                      least(extract(day from ends_on)::int, case when extract(month from ends_on) = 2
				                        then extract(day from (make_date(:year, 3, 1) - 1))::int else 31 end))
				where not exists (select 1 from rollout_batch b where b.batch_year = :year)""")
			.param("year", year)
			.update();
	}

	/** 培训学时: every formal officer took one to three external courses of the demo's year. */
	private byte[] externalTraining(int year) {
		List<String> officers = jdbc.sql("select employee_no from person where category = 'FORMAL' order by employee_no")
			.query(String.class)
			.list();
		String[][] courses = { { "省综合执法局执法规范化轮训", "24", "省综合行政执法局" },
				{ "浙江省执法人员网络学院在线课程", "12.5", "网络学院" }, { "行政处罚法专题讲座", "6.5", "市综合行政执法局" } };
		StringBuilder csv = new StringBuilder("工号,培训日期,培训名称,学时,主办单位,证书编号\n");
		for (int i = 0; i < officers.size(); i++) {
			int taken = 1 + Math.floorMod(officers.get(i).hashCode(), 3);
			for (int c = 0; c < taken; c++) {
				LocalDate day = LocalDate.of(year, 3 + c * 3, 10 + Math.floorMod(i, 15));
				csv.append(officers.get(i)).append(',').append(day).append(',').append(courses[c][0]).append(',')
					.append(courses[c][1]).append(',').append(courses[c][2]).append(',');
				if (c == 0) {
					csv.append("PX").append(year).append('-').append(String.format("%04d", i + 1));
				}
				csv.append('\n');
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
