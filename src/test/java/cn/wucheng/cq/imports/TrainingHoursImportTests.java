package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * the seventh list of IMPORT.md, 培训学时 (external and bureau-level training), keyed by 工号 + 培训日期 + 培训名称,
 * through {@code POST /api/v1/imports/training-hours}: all or nothing, every problem with its row and column,
 * idempotent, hours as exact decimals. People of the small example bureau (WC0004, WC0005).
 */
class TrainingHoursImportTests extends ImportTestSupport {

	static final String HEADER = "工号,培训日期,培训名称,学时,主办单位,证书编号\n";

	static final String GOOD = HEADER
			+ "WC0004,2024-03-05,省局执法规范化培训,1.25,省综合执法局,\n"
			+ "WC0004,2024/6/1,网络学院行政执法课程,0.75,网络学院,WLXY-2024-001\n"
			+ "WC0005,2024年7月1日,网络学院行政执法课程,2,网络学院,\n";

	@BeforeEach
	void theExampleBureausPeople() {
		importExampleThrough("people");
	}

	@Test
	void r62_aGoodListImportsEveryRowWithExactHoursAndImportingItAgainChangesNothing() throws Exception {
		upload("training-hours", "培训学时.csv", utf8(GOOD)).andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("training-hours"))
			.andExpect(jsonPath("$.created").value(3))
			.andExpect(jsonPath("$.updated").value(0));
		assertThat(hoursOf("WC0004")).isEqualTo(new BigDecimal("2.00"));
		assertThat(hoursOf("WC0005")).isEqualTo(new BigDecimal("2.00"));
		assertThat(jdbc.sql("select certificate_no from external_training where certificate_no is not null")
			.query(String.class).list()).containsExactly("WLXY-2024-001");

		upload("training-hours", "培训学时.csv", utf8(GOOD)).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(3));
		// the same list as .xlsx (dates as date cells, 学时 as text) is the same records
		upload("training-hours", "培训学时.xlsx", xlsx(utf8(GOOD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.unchanged").value(3));
		assertThat(jdbc.sql("select count(*) from external_training").query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void r62_aChangedRowUpdatesItsRecordAndTheChangeIsAudited() throws Exception {
		upload("training-hours", "培训学时.csv", utf8(GOOD)).andExpect(status().isOk());
		upload("training-hours", "培训学时.csv", utf8(GOOD.replace("省局执法规范化培训,1.25", "省局执法规范化培训,1.5")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.unchanged").value(2));
		assertThat(hoursOf("WC0004")).isEqualByComparingTo("2.25");
		assertThat(jdbc.sql("""
				select before_data || ' → ' || after_data from audit_log
				where action = 'IMPORT_UPDATE' and entity = 'external_training'""").query(String.class).single())
			.isEqualTo("学时=1.25 → 学时=1.5");
	}

	@Test
	void r62_badRowsRejectTheWholeFileNamingRowAndColumnInChinese() throws Exception {
		String bad = GOOD + "WC0005,2024-08-01,三位小数,1.255,,\n" + "WC9999,2024-08-02,未知人员,2,,\n"
				+ "WC0005,2024-08-03,,2,,\n";
		upload("training-hours", "培训学时.csv", utf8(bad)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(3)))
			.andExpect(jsonPath("$.errors[0].row").value(5))
			.andExpect(jsonPath("$.errors[0].column").value("学时"))
			.andExpect(jsonPath("$.errors[0].message").value("学时须为大于 0、不超过 200、最多两位小数的数值：1.255"))
			.andExpect(jsonPath("$.errors[1].row").value(6))
			.andExpect(jsonPath("$.errors[1].column").value("工号"))
			.andExpect(jsonPath("$.errors[1].message").value("未知人员工号：WC9999"))
			.andExpect(jsonPath("$.errors[2].row").value(7))
			.andExpect(jsonPath("$.errors[2].column").value("培训名称"))
			.andExpect(jsonPath("$.errors[2].message").value("缺少必填项：培训名称"));
		assertThat(jdbc.sql("select count(*) from external_training").query(Long.class).single()).isZero();
	}

	@Test
	void aFileWithoutTheHoursColumnIsRefusedNamingIt() throws Exception {
		upload("training-hours", "培训学时.csv", utf8("工号,培训日期,培训名称\nWC0004,2024-03-05,某培训\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("缺少必填列：学时"));
	}

	private BigDecimal hoursOf(String employeeNo) {
		return jdbc.sql("""
				select sum(e.hours) from external_training e join person p on p.id = e.person_id
				where p.employee_no = ?""").param(employeeNo).query(BigDecimal.class).single();
	}

}
