package cn.wucheng.cq.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.imports.Imports;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * Issue 16 item 2, "the same scoping in the queries": an import finds the stored rows it compares with by the
 * bureau's own key (bureau + 案件编号, bureau + 工号, bureau + 单位名称), not by the number alone. Here the application
 * connects as the owner, whom row-level security does not bind (an external PostgreSQL configured with one account):
 * two bureaus with the same unit name, 工号 and 案件编号 still keep their own rows. Before the lookups named the bureau,
 * bureau A's case list "updated" bureau B's case; and a lookup by 案件编号 alone could not use the index (bureau,
 * 案件编号), so a 200,000-case import scanned the whole table a thousand rows at a time (3 s a chunk, bench/run.sh).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = { "cq.test.context=imports-owner-scope", "cq.test.database-role=owner" })
class ImportLookupsKeepToTheBureauTests {

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	private ImportResult load(ImportKind kind, String csv) {
		ImportResult result = imports.importFile(kind, kind.path() + ".csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(result.imported()).as(result.toString()).isTrue();
		return result;
	}

	/** The same organisation and the same case number in a bureau, the case named after the bureau. */
	private List<ImportResult> organisationAndCase(String caseTitle) {
		load(ImportKind.DOMAINS, "领域名称\n范围领域\n");
		ImportResult units = load(ImportKind.UNITS, "单位名称,单位类型,管理领域\n范围中队,直属中队,范围领域\n");
		ImportResult people = load(ImportKind.PEOPLE, """
				工号,姓名,性别,出生日期,人员类别,所属单位,职务
				SCP-1,范围甲,男,1984-01-01,正式执法人员,范围中队,队员
				SCP-2,范围乙,女,1985-02-01,正式执法人员,范围中队,队员
				""");
		ImportResult cases = load(ImportKind.CASES, """
				案件编号,案件名称,案件类别,执法领域,办案单位,立案日期,办结日期,主办人工号,协办人工号
				SCP-CASE-1,%s,简易程序,范围领域,范围中队,2024-03-01,2024-03-02,SCP-1,SCP-2
				""".formatted(caseTitle));
		return List.of(units, people, cases);
	}

	@Test
	void asTheOwnerThatRowLevelSecurityDoesNotBindACaseListOfOneBureauLeavesAnothersCaseOfTheSameNumberAlone() {
		long a = jdbc.sql("select id from bureau where code = 'main'").query(Long.class).single();
		jdbc.sql("insert into bureau (code, name) values ('scope-b', '乙县查询范围执法局')").update();
		long b = jdbc.sql("select id from bureau where code = 'scope-b'").query(Long.class).single();
		assertThat(jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single()).as("the owner: the policies do not bind this connection").isTrue();

		List<ImportResult> inB = Bureaus.runAs(b, () -> organisationAndCase("乙局的案件"));
		List<ImportResult> inA = Bureaus.runAs(a, () -> organisationAndCase("甲局的案件"));

		assertThat(inB).extracting(ImportResult::created).containsExactly(1, 2, 1);
		assertThat(inA).as("bureau A's rows are its own, created beside bureau B's, not B's rows updated")
			.extracting(ImportResult::created)
			.containsExactly(1, 2, 1);
		assertThat(inA).extracting(ImportResult::updated).containsOnly(0);
		assertThat(jdbc.sql("""
				select b.code || ' ' || c.title || ' ' || u.name || ' ' || p.employee_no from case_file c
				join bureau b on b.id = c.bureau_id join unit u on u.id = c.unit_id join person p on p.id = c.lead_id
				where c.case_no = 'SCP-CASE-1' order by b.code""").query(String.class).list())
			.as("each bureau's case points at its own unit and person")
			.containsExactly("main 甲局的案件 范围中队 SCP-1", "scope-b 乙局的案件 范围中队 SCP-1");
		assertThat(jdbc.sql("""
				select count(*) from case_file c join unit u on u.id = c.unit_id join person p on p.id = c.lead_id
				where c.case_no = 'SCP-CASE-1' and (u.bureau_id <> c.bureau_id or p.bureau_id <> c.bureau_id)""")
			.query(Integer.class)
			.single()).isZero();
	}

}
