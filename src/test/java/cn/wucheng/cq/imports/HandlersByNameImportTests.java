package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 3 (IMPORT.md "Files as the platform and other systems export them"): the platform names a case's two
 * handlers in one 承办人 column, by name or 执法证号 (the first is the lead); each resolves to one person, a shared
 * name by the case's 办案单位, and the case is stored as with their 工号 (R-10: one lead, one co-handler).
 */
class HandlersByNameImportTests extends ImportTestSupport {

	static final String CASES_HEADER = "案件编号,案件类别,执法领域,办案单位,立案日期,承办人\n";

	@Test
	void casesWhoseHandlersAreNamedByNameOrCertificateImportToTheSameRecordsAsWithTheirEmployeeNumbers()
			throws Exception {
		peopleWithCertificatesImported();
		byte[] gb18030 = ExportLikeFileImportTests.csv(casesByHandlerNames(), Charset.forName("GB18030"));
		importedAllAndTheCanonicalFileFindsThemUnchanged("cases.csv", gb18030);
	}

	@Test
	void anXlsxExportWithTitleRowsAndHandlersByNameImportsToTheSameRecordsToo() throws Exception {
		peopleWithCertificatesImported();
		List<List<String>> rows = new ArrayList<>(casesByHandlerNames());
		rows.add(0, new ArrayList<>(List.of(ExportLikeFileImportTests.EXPORTED)));
		rows.add(0, new ArrayList<>(List.of(ExportLikeFileImportTests.TITLE)));
		importedAllAndTheCanonicalFileFindsThemUnchanged("cases.xlsx", ExportLikeFileImportTests.exportXlsx(rows));
	}

	private void peopleWithCertificatesImported() throws Exception {
		importExampleThrough("units");
		upload("people", "people.csv", peopleWithCertificates()).andExpect(status().isOk());
		assertThat(jdbc.sql("select certificate_no from person where employee_no = 'WC0007'").query(String.class)
			.single()).isEqualTo("ZF-0007");
	}

	private void importedAllAndTheCanonicalFileFindsThemUnchanged(String fileName, byte[] content) throws Exception {
		upload("cases", fileName, content).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(dataRows(example("cases"))));
		upload("cases", "cases.csv", example("cases")).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(dataRows(example("cases"))));
		assertThat(handlers("WCZF-2024-00001")).isEqualTo("WC0007/WC0002");
	}

	/**
	 * The example's cases with one 承办人 column instead of 主办人工号 and 协办人工号: each handler by name or by
	 * 执法证号, and every separator the platform uses between them.
	 */
	private static List<List<String>> casesByHandlerNames() {
		Map<String, String> names = new HashMap<>();
		csvRows(example("people"), StandardCharsets.UTF_8).forEach(r -> names.put(r.get(0), r.get(1)));
		List<List<String>> rows = csvRows(example("cases"), StandardCharsets.UTF_8);
		List<String> header = rows.get(0);
		int lead = header.indexOf("主办人工号");
		int co = header.indexOf("协办人工号");
		String[] separators = { "、", ",", " ", "，", "　" };
		List<List<String>> result = new ArrayList<>();
		for (int r = 0; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			List<String> out = new ArrayList<>();
			if (r == 0) {
				out.add("承办人");
			}
			else {
				String leadNo = row.get(lead);
				String coNo = row.get(co);
				String first = r % 3 == 1 ? "ZF-" + leadNo.substring(2) : names.get(leadNo);
				String second = r % 3 == 2 ? "ZF-" + coNo.substring(2) : names.get(coNo);
				out.add(first + separators[r % separators.length] + second);
			}
			for (int c = 0; c < row.size(); c++) {
				if (c != lead && c != co) {
					out.add(row.get(c));
				}
			}
			result.add(out);
		}
		return result;
	}

	@Test
	void aNameTwoPeopleShareIsTheOneInTheCasesUnit() throws Exception {
		importExampleThrough("people");
		secondPerson("WC0900", "叶海", "城东中队"); // WC0007 叶海 is in 直属一中队
		upload("cases", "cases.csv", utf8(CASES_HEADER + "WCZF-2025-00001,普通程序,园林绿化,城东中队,2025-01-06,叶海、邓红宇\n"
				+ "WCZF-2025-00002,普通程序,园林绿化,直属一中队,2025-01-06,邓红宇、叶海\n"))
			.andExpect(status().isOk());
		assertThat(handlers("WCZF-2025-00001")).isEqualTo("WC0900/WC0004");
		assertThat(handlers("WCZF-2025-00002")).isEqualTo("WC0004/WC0007");
	}

	@Test
	void aNameTwoPeopleShareOutsideTheCasesUnitIsAnErrorNamingBothEmployeeNumbers() throws Exception {
		importExampleThrough("people");
		secondPerson("WC0900", "叶海", "城东中队");
		Map<String, Integer> before = tableCounts();
		upload("cases", "cases.csv", utf8(CASES_HEADER + "WCZF-2025-00001,普通程序,园林绿化,城西中队,2025-01-06,叶海、邓红宇\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("承办人"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("姓名“叶海”对应多人（工号 WC0007、WC0900），办案单位也无法区分：请改填工号或执法证号"));
		assertThat(tableCounts()).isEqualTo(before);
	}

	@Test
	void aSharedNameIsTheOneWhoBelongedToTheCasesUnitOnItsFilingDateThoughHeHasMovedSince() throws Exception {
		importExampleThrough("people");
		secondPerson("WC0900", "叶海", "城东中队"); // WC0007 叶海 is in 直属一中队
		movedOn("WC0900", "城西中队", LocalDate.of(2025, 3, 1)); // the unit on the case's date counts
		upload("cases", "cases.csv", utf8(CASES_HEADER + "WCZF-2025-00001,普通程序,园林绿化,城东中队,2025-01-06,叶海、邓红宇\n"
				+ "WCZF-2025-00002,普通程序,园林绿化,城西中队,2025-03-10,邓红宇、叶海\n"))
			.andExpect(status().isOk());
		assertThat(handlers("WCZF-2025-00001")).as("in 城东中队 when the case was filed, though in 城西中队 now")
			.isEqualTo("WC0900/WC0004");
		assertThat(handlers("WCZF-2025-00002")).isEqualTo("WC0004/WC0900");
		upload("cases", "cases.csv", utf8(CASES_HEADER + "WCZF-2025-00003,普通程序,园林绿化,城东中队,2025-03-10,叶海、邓红宇\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message")
				.value("姓名“叶海”对应多人（工号 WC0007、WC0900），办案单位也无法区分：请改填工号或执法证号"));
	}

	@Test
	void aHandlerColumnWithOneNameOnlyIsRefused() throws Exception {
		importExampleThrough("people");
		upload("cases", "cases.csv", utf8(CASES_HEADER + "WCZF-2025-00001,普通程序,园林绿化,直属一中队,2025-01-06,叶海\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("承办人"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("承办人应为两人，主办人在前，用顿号、逗号或空格分开（如“张三、李四”）：叶海"));
	}

	@Test
	void oneCertificateNumberForTwoPeopleInTheListIsRefused() throws Exception {
		importExampleThrough("units");
		String people = "工号,姓名,性别,出生日期,人员类别,所属单位,职务,执法证号\n"
				+ "WC0001,沈斌,女,1968-08-01,正式执法人员,直属一中队,中队长,ZF-1\n"
				+ "WC0002,严雷强,女,1990-08-09,正式执法人员,直属一中队,副中队长,ZF-1\n";
		upload("people", "people.csv", utf8(people)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("执法证号"))
			.andExpect(jsonPath("$.errors[0].message").value("执法证号 ZF-1 已在第 2 行填给工号 WC0001：一个执法证号只属于一人"));
	}

	private String handlers(String caseNo) {
		return jdbc.sql("""
				select l.employee_no || '/' || o.employee_no from case_file c join person l on l.id = c.lead_id
				  join person o on o.id = c.co_id where c.case_no = ?""").param(caseNo).query(String.class).single();
	}

	private void secondPerson(String employeeNo, String name, String unit) throws Exception {
		upload("people", "people.csv", utf8("工号,姓名,性别,出生日期,人员类别,所属单位,职务\n" + employeeNo + "," + name
				+ ",男,1980-01-01,正式执法人员," + unit + ",队员\n"))
			.andExpect(status().isOk());
	}

	/** Moves a person to another unit from a day on, as a dated transfer on the person form does. */
	private void movedOn(String employeeNo, String unit, LocalDate from) {
		jdbc.sql("""
				insert into person_unit_history (person_id, unit_id, valid_from)
				select p.id, u.id, ? from person p, unit u where p.employee_no = ? and u.name = ?""")
			.params(from, employeeNo, unit)
			.update();
		jdbc.sql("update person set unit_id = (select id from unit where name = ?) where employee_no = ?")
			.params(unit, employeeNo)
			.update();
	}

	/** The example's people with a 执法证号 column: ZF- and the digits of the 工号. */
	private static byte[] peopleWithCertificates() {
		List<List<String>> rows = csvRows(example("people"), StandardCharsets.UTF_8);
		StringBuilder b = new StringBuilder();
		for (int r = 0; r < rows.size(); r++) {
			List<String> row = new ArrayList<>(rows.get(r));
			row.add(r == 0 ? "执法证号" : "ZF-" + row.get(0).substring(2));
			b.append(String.join(",", row)).append('\n');
		}
		return b.toString().getBytes(StandardCharsets.UTF_8);
	}

}
