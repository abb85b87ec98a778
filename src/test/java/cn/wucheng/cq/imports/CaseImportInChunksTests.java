package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.support.Bureau;

/**
 * The case import over several chunks of 1,000 rows: new cases go in with COPY, left streaming while the next chunk
 * is read (province-scale issue): the counts created/updated/unchanged, every row stored as
 * written (tabs, backslashes, quotes and line breaks included), the R-11 flags of auxiliary handlers in the first and
 * the last chunk, the audit of an update in a later chunk, all or nothing when an error sits in the last chunk, and
 * the same Chinese row/column errors.
 */
class CaseImportInChunksTests extends ImportTestSupport {

	static final String HEADER = "案件编号,决定书号,案件名称,案件类别,执法领域,办案单位,案件来源,立案日期,办结日期,主办人工号,协办人工号,视频编号\n";

	static final int ROWS = 2500;

	@BeforeEach
	void aSquadWithTwoOfficersAndAnAuxiliary() {
		Bureau bureau = new Bureau(jdbc);
		long squad = bureau.unit("分块中队", "直属中队");
		bureau.officer("CH-1", "甲", squad);
		bureau.officer("CH-2", "乙", squad);
		bureau.auxiliary("CH-X", "丙", squad);
	}

	private static String row(int i, String title, String concluded, String co) {
		return "CH-%05d,决字%d号,%s,普通程序,市容环境卫生,分块中队,投诉举报,2024-01-02,%s,CH-1,%s,\n".formatted(i, i, title,
				concluded, co);
	}

	/** 2,500 cases: the first and the last handled with the auxiliary, one title with every COPY escape. */
	private static String file(String concludedOfRow2000, String lastLine) {
		StringBuilder b = new StringBuilder(HEADER);
		for (int i = 1; i <= ROWS; i++) {
			String title = i == 7 ? "\"含\t制表符\\反斜杠\"\"引号\"\"\n换行\"" : "案件" + i;
			String co = i == 1 || i == ROWS ? "CH-X" : "CH-2";
			b.append(row(i, title, i == 2000 ? concludedOfRow2000 : "2024-02-10", co));
		}
		return b.append(lastLine).toString();
	}

	@Test
	void aFileOfSeveralChunksIsStoredRowForRowWithTheFlagsOfItsAuxiliaryHandlers() throws Exception {
		upload("cases", "cases.csv", utf8(file("2024-02-10", "")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(ROWS))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(0))
			.andExpect(jsonPath("$.warnings", hasSize(2)))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[1].row").value(ROWS + 1));

		assertThat(jdbc.sql("select count(*) from case_file where case_no like 'CH-%'").query(Integer.class).single())
			.isEqualTo(ROWS);
		Map<String, Object> seventh = jdbc.sql("""
				select c.title, c.decision_no, c.category, c.filed_on, c.concluded_on, c.video_no, c.source, l.employee_no lead,
				  o.employee_no co
				from case_file c join person l on l.id = c.lead_id join person o on o.id = c.co_id
				where c.case_no = 'CH-00007'""").query().singleRow();
		assertThat(seventh.get("title")).isEqualTo("含\t制表符\\反斜杠\"引号\"\n换行");
		assertThat(seventh.get("decision_no")).isEqualTo("决字7号");
		assertThat(seventh.get("category")).isEqualTo("ORDINARY");
		assertThat(seventh.get("filed_on").toString()).isEqualTo("2024-01-02");
		assertThat(seventh.get("concluded_on").toString()).isEqualTo("2024-02-10");
		assertThat(seventh.get("video_no")).isNull();
		assertThat(seventh.get("source")).isEqualTo("投诉举报");
		assertThat(seventh.get("lead")).isEqualTo("CH-1");
		assertThat(seventh.get("co")).isEqualTo("CH-2");
		assertThat(jdbc.sql("""
				select c.case_no from case_import_flag f join case_file c on c.id = f.case_id
				where f.rule_id = 'R-11' order by c.case_no""").query(String.class).list())
			.containsExactly("CH-00001", "CH-02500");
		// issue 16: a bulk import leaves the planner statistics of what it wrote (the application may not ANALYZE)
		assertThat(jdbc.sql("select reltuples from pg_class where relname = 'case_file'").query(Double.class).single())
			.as("case_file's row estimate right after the import").isGreaterThanOrEqualTo(ROWS);
	}

	@Test
	void reImportingCountsUnchangedAndUpdatedRowsAndAuditsTheChangeInALaterChunk() throws Exception {
		upload("cases", "cases.csv", utf8(file("2024-02-10", ""))).andExpect(status().isOk());

		upload("cases", "cases.csv", utf8(file("2024-05-20", "CH-09999,,新案件,普通程序,市容环境卫生,分块中队,,2024-01-02,,CH-2,CH-1,\n")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.unchanged").value(ROWS - 1));

		assertThat(jdbc.sql("select concluded_on from case_file where case_no = 'CH-02000'").query(java.time.LocalDate.class)
			.single()).isEqualTo(java.time.LocalDate.of(2024, 5, 20));
		assertThat(jdbc.sql("select count(*) from case_file where case_no = 'CH-09999' and concluded_on is null")
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'IMPORT_UPDATE' and entity_key = 'CH-02000'")
			.query(Integer.class).single()).isEqualTo(1);
		// the flags stay: one per case and rule, however often the file comes
		assertThat(jdbc.sql("select count(*) from case_import_flag where rule_id = 'R-11'").query(Integer.class).single())
			.isEqualTo(2);
	}

	@Test
	void anErrorInTheLastChunkLeavesNothingOfTheEarlierChunksAndNamesItsRowAndColumn() throws Exception {
		upload("cases", "cases.csv", utf8(file("2024-02-10", "CH-09998,,坏行,普通程序,市容环境卫生,分块中队,,2024-01-02,2024-01-01,CH-1,CH-2,\n")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(ROWS + 2))
			.andExpect(jsonPath("$.errors[0].column").value("办结日期"))
			.andExpect(jsonPath("$.errors[0].message", containsString("2024-01-01")));

		assertThat(jdbc.sql("select count(*) from case_file where case_no like 'CH-%'").query(Integer.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from case_import_flag").query(Integer.class).single()).isZero();
	}

	@Test
	void theSameRowsTwiceInOneFileAreRejectedAcrossChunks() throws Exception {
		upload("cases", "cases.csv", utf8(file("2024-02-10", row(3, "重复", "2024-02-10", "CH-2"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(ROWS + 2))
			.andExpect(jsonPath("$.errors[0].column").value("案件编号"));
		assertThat(jdbc.sql("select count(*) from case_file").query(Integer.class).single()).isZero();
	}

}
