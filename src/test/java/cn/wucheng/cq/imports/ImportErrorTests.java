package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files with problems: each problem is reported with its row (header = 1), column and a Chinese message, all of
 * them at once, and nothing at all is written. Well-formed history that breaks R-11 is imported and flagged.
 */
class ImportErrorTests extends ImportTestSupport {

	static final String CASES_HEADER = "案件编号,决定书号,案件类别,执法领域,办案单位,案件来源,立案日期,办结日期,主办人工号,协办人工号,视频编号\n";

	static final String GOOD_CASE = "WCZF-2025-00001,,普通程序,园林绿化,直属一中队,投诉举报,2025-01-06,2025-01-20,WC0004,WC0005,\n";

	static final String PEOPLE_HEADER = "工号,姓名,性别,出生日期,人员类别,所属单位,职务\n";

	private Map<String, Integer> before;

	@BeforeEach
	void theExampleBureauUpToItsDeductions() {
		importExampleThrough("deductions");
		before = tableCounts();
	}

	private void nothingWasWritten() {
		assertThat(tableCounts()).isEqualTo(before);
	}

	@Test
	void anUnreadableDateIsRejectedWithItsRowColumnAndTheFormsExpected() throws Exception {
		upload("cases", "cases.csv", utf8(CASES_HEADER + GOOD_CASE.replace("2025-01-06", "2024-13-05")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.kind").value("cases"))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("立案日期"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("日期格式无法识别：2024-13-05（应为 2024-03-05、2024/3/5 或 2024年3月5日）"));
		nothingWasWritten();
	}

	@Test
	void anUnknownUnitIsRejected() throws Exception {
		upload("cases", "cases.csv", utf8(CASES_HEADER + GOOD_CASE.replace("直属一中队", "城中中队")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("办案单位"))
			.andExpect(jsonPath("$.errors[0].message").value("未知单位：城中中队"));
		nothingWasWritten();
	}

	@Test
	void anUnknownPersonIsRejected() throws Exception {
		upload("cases", "cases.csv", utf8(CASES_HEADER + GOOD_CASE.replace("WC0004", "WC9999")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("主办人工号"))
			.andExpect(jsonPath("$.errors[0].message").value("未知承办人：WC9999（工号、执法证号、姓名均对不上人员名单）"));
		nothingWasWritten();
	}

	@Test
	void theSamePersonAsLeadAndCoHandlerIsRejected() throws Exception {
		upload("cases", "cases.csv", utf8(CASES_HEADER + GOOD_CASE.replace("WC0005", "WC0004")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("协办人工号"))
			.andExpect(jsonPath("$.errors[0].message").value("主办人与协办人不能是同一人"));
		nothingWasWritten();
	}

	@Test
	void aConclusionBeforeTheFilingIsRejected() throws Exception {
		upload("cases", "cases.csv", utf8(CASES_HEADER + GOOD_CASE.replace("2025-01-20", "2025-01-02")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("办结日期"))
			.andExpect(jsonPath("$.errors[0].message", startsWith("办结日期不能早于立案日期")));
		nothingWasWritten();
	}

	@Test
	void aKeyTwiceInOneFileIsRejectedNamingTheRowWhereItFirstAppeared() throws Exception {
		String other = GOOD_CASE.replace("WCZF-2025-00001", "WCZF-2025-00002");
		upload("cases", "cases.csv", utf8(CASES_HEADER + GOOD_CASE + other + other + GOOD_CASE))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].row").value(4))
			.andExpect(jsonPath("$.errors[0].column").value("案件编号"))
			.andExpect(jsonPath("$.errors[0].message").value("重复的案件编号：WCZF-2025-00002（第 3 行已出现）"))
			.andExpect(jsonPath("$.errors[1].row").value(5))
			.andExpect(jsonPath("$.errors[1].message").value("重复的案件编号：WCZF-2025-00001（第 2 行已出现）"));
		nothingWasWritten();
	}

	@Test
	void aMissingRequiredColumnRejectsTheFileNamingTheColumn() throws Exception {
		String header = CASES_HEADER.replace(",主办人工号", "");
		String row = GOOD_CASE.replace(",WC0004", "");
		upload("cases", "cases.csv", utf8(header + row))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(1))
			.andExpect(jsonPath("$.errors[0].column").value("主办人工号"))
			.andExpect(jsonPath("$.errors[0].message").value("缺少必填列：主办人工号"));
		nothingWasWritten();
	}

	@Test
	void aMissingRequiredValueIsRejected() throws Exception {
		upload("cases", "cases.csv", utf8(CASES_HEADER + GOOD_CASE.replace(",WC0005,", ",,")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("协办人工号"))
			.andExpect(jsonPath("$.errors[0].message", startsWith("缺少必填项")));
		nothingWasWritten();
	}

	@Test
	void everyProblemOfTheFileIsReportedAtOnceInRowOrderAndValidRowsAreNotWrittenEither() throws Exception {
		String file = CASES_HEADER + GOOD_CASE.replace("WCZF-2025-00001", "WCZF-2025-00010")
				+ GOOD_CASE.replace("WCZF-2025-00001", "WCZF-2025-00011").replace("园林绿化", "航天")
				+ GOOD_CASE.replace("WCZF-2025-00001", "WCZF-2025-00012")
					.replace("普通程序", "一般程序")
					.replace("2025-01-06", "2025/1/32");
		upload("cases", "cases.csv", utf8(file))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(3)))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].message").value("未知执法领域：航天"))
			.andExpect(jsonPath("$.errors[1].row").value(4))
			.andExpect(jsonPath("$.errors[1].column").value("案件类别"))
			.andExpect(jsonPath("$.errors[1].message").value("无法识别的案件类别：一般程序（可选：简易程序、普通程序、重大疑难）"))
			.andExpect(jsonPath("$.errors[2].row").value(4))
			.andExpect(jsonPath("$.errors[2].column").value("立案日期"));
		nothingWasWritten();
	}

	@Test
	void aGbkFileWithAProblemIsReadCorrectlyAndItsMessageNamesTheChineseValue() throws Exception {
		upload("cases", "cases.csv", gb18030(utf8(CASES_HEADER + GOOD_CASE.replace("直属一中队", "城中中队"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("办案单位"))
			.andExpect(jsonPath("$.errors[0].message").value("未知单位：城中中队"));
		nothingWasWritten();
	}

	@Test
	void aUtf8FileWithAGbkRowAfterItsFirst64KbIsRefusedAsMixingEncodingsAndWhatItsFirstReadingStoredIsGone()
			throws Exception {
		// the file is read once; the stray byte comes after rows were checked and stored as UTF-8: they are rolled
		// back, and the answer names the mix and its row (it used to blame the header, garbled when read as GB18030)
		StringBuilder b = new StringBuilder(CASES_HEADER);
		for (int i = 1; i <= 1_100; i++) { // more than one chunk
			b.append(GOOD_CASE.replace("WCZF-2025-00001", "WCZF-LATE-%05d".formatted(i)));
		}
		byte[] utf8 = utf8(b.toString());
		byte[] gbkRow = GOOD_CASE.replace("WCZF-2025-00001", "WCZF-LATE-GBK").getBytes(java.nio.charset.Charset.forName("GBK"));
		byte[] file = java.util.Arrays.copyOf(utf8, utf8.length + gbkRow.length);
		System.arraycopy(gbkRow, 0, file, utf8.length, gbkRow.length);
		upload("cases", "cases.csv", file).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value("文件混用了 UTF-8 和 GBK/GB18030 两种编码（第 1102 行起），请统一另存为 UTF-8 或 GB18030 后重新导入"));
		nothingWasWritten();
	}

	@Test
	void aGbkFileWithAUtf8RowIsRefusedAsMixingEncodingsFromThatRow() throws Exception {
		java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
		byte[] head = (CASES_HEADER + GOOD_CASE).getBytes(gbk);
		byte[] utf8Row = utf8(GOOD_CASE.replace("WCZF-2025-00001", "WCZF-2025-00002"));
		byte[] file = java.util.Arrays.copyOf(head, head.length + utf8Row.length);
		System.arraycopy(utf8Row, 0, file, head.length, utf8Row.length);
		upload("cases", "cases.csv", file).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString("混用了 UTF-8 和 GBK/GB18030")))
			.andExpect(jsonPath("$.errors[0].message", containsString("第 3 行起")));
		nothingWasWritten();
	}

	@Test
	void aPureGbkFileStillImports() throws Exception {
		upload("cases", "cases.csv", (CASES_HEADER + GOOD_CASE).getBytes(java.nio.charset.Charset.forName("GBK")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1));
	}

	@Test
	void aCorruptXlsxIsAnUnreadableFile() throws Exception {
		byte[] good = xlsx(example("units"));
		byte[] broken = java.util.Arrays.copyOf(good, good.length / 2);
		upload("units", "units.xlsx", broken).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString(".xlsx")))
			.andExpect(jsonPath("$.errors[0].row").doesNotExist());
		nothingWasWritten();
	}

	@Test
	void aFileThatIsNoSpreadsheetIsRefused() throws Exception {
		byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Length 4 >>\nstream\n\u0000\u0001\u0002\u0003\nendstream"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		upload("units", "units.csv", pdf).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("文件不是表格：请上传 .xlsx 或 .csv 文件"));
		nothingWasWritten();
	}

	@Test
	void anUnknownListKindIsNotFound() throws Exception {
		upload("vehicles", "v.csv", utf8("a\n1\n")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].message", startsWith("未知的名单类型：vehicles")));
	}

	@Test
	void deductionPointsThatDifferFromTheCatalogueAreRejected() throws Exception {
		upload("deductions", "d.csv", utf8("案件编号,退卷日期,扣分项编码,扣分项,扣分\n"
				+ "WCZF-2024-00004,2024-09-01,PC03,法律适用错误,2\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("扣分"))
			.andExpect(jsonPath("$.errors[0].message").value("扣分与评查标准不一致：扣分项 PC03 为 1.5 分，文件中为 2 分"));
		nothingWasWritten();
	}

	@Test
	void aDeductionCodeNotInTheCatalogueIsAddedWithItsTextAndPointsAndLaterRowsUseIt() throws Exception {
		upload("deductions", "d.csv", utf8("案件编号,退卷日期,扣分项编码,扣分项,扣分\n"
				+ "WCZF-2024-00004,2024-09-01,PC99,送达程序错误,0.75\n"
				+ "WCZF-2024-00001,2024-09-02,PC99,,0.75\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2));
		assertThat(jdbc.sql("select item_text || '=' || points from deduction_item where code = 'PC99'")
			.query(String.class)
			.single()).isEqualTo("送达程序错误=0.75");
	}

	@Test
	void aNewDeductionCodeWithoutItsTextIsRejected() throws Exception {
		upload("deductions", "d.csv", utf8("案件编号,退卷日期,扣分项编码,扣分项,扣分\n"
				+ "WCZF-2024-00004,2024-09-01,PC98,,1\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("扣分项"))
			.andExpect(jsonPath("$.errors[0].message", startsWith("扣分项编码 PC98 不在评查标准中")));
		nothingWasWritten();
	}

	@Test
	void aDeductionOfAnUnknownCaseIsRejected() throws Exception {
		upload("deductions", "d.csv", utf8("案件编号,退卷日期,扣分项编码,扣分\nWCZF-1999-00001,2024-09-01,PC03,1.5\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("案件编号"))
			.andExpect(jsonPath("$.errors[0].message").value("未知案件编号：WCZF-1999-00001"));
		nothingWasWritten();
	}

	@Test
	void thePostOfCaseClerkIsRefusedBecauseR13AbolishedIt() throws Exception {
		upload("people", "people.csv", utf8(PEOPLE_HEADER + "WC0500,王小明,男,1990-01-01,正式执法人员,城东中队,办案内勤\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("职务"))
			.andExpect(jsonPath("$.errors[0].message", containsString("该职务已取消")))
			.andExpect(jsonPath("$.errors[0].message", containsString("全面取消办案内勤")));
		nothingWasWritten();
	}

	@Test
	void anUnknownChoiceListsTheAllowedValues() throws Exception {
		upload("people", "people.csv", utf8(PEOPLE_HEADER + "WC0500,王小明,未知,1990-01-01,正式执法人员,城东中队,队员\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("性别"))
			.andExpect(jsonPath("$.errors[0].message").value("无法识别的性别：未知（可选：男、女）"));
		nothingWasWritten();
	}

	@Test
	void anAuxiliaryAsHandlerIsImportedButFlaggedAndReportedAsAWarning() throws Exception {
		upload("cases", "cases.csv", utf8(CASES_HEADER + GOOD_CASE.replace("WC0005", "WC0012")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.warnings", hasSize(1)))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].column").value("协办人工号"))
			.andExpect(jsonPath("$.warnings[0].message", containsString("不得作为案件承办人（实施方案 四（二））")));
		assertThat(jdbc.sql("""
				select f.rule_id from case_import_flag f join case_file c on c.id = f.case_id
				where c.case_no = 'WCZF-2025-00001'""").query(String.class).list()).containsExactly("R-11");
	}

	@Test
	void aChangedRowIsUpdatedAndAuditedWithItsValuesBeforeAndAfter() throws Exception {
		byte[] cases = example("cases");
		String text = new String(cases, java.nio.charset.StandardCharsets.UTF_8);
		String changed = text.replace("WCZF-2024-00001,金婺综执罚决字〔2024〕第1号,普通程序,发展改革,直属一中队,投诉举报,2024-04-09,2024-05-17",
				"WCZF-2024-00001,金婺综执罚决字〔2024〕第1号,普通程序,发展改革,直属一中队,投诉举报,2024-04-09,2024-05-20");
		assertThat(changed).isNotEqualTo(text);
		upload("cases", "cases.csv", utf8(changed)).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.unchanged").value(dataRows(cases) - 1));
		assertThat(jdbc.sql("select concluded_on from case_file where case_no = 'WCZF-2024-00001'")
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2024, 5, 20));
		var audit = jdbc.sql("""
				select action, username, before_data, after_data from audit_log
				where entity = 'case_file' and entity_key = 'WCZF-2024-00001'""").query().listOfRows();
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0)).containsEntry("action", "IMPORT_UPDATE")
			.containsEntry("username", "legal")
			.containsEntry("before_data", "办结日期=2024-05-17")
			.containsEntry("after_data", "办结日期=2024-05-20");
		assertThat(jdbc.sql("select detail from audit_log where action = 'IMPORT' and entity_key = 'cases'")
			.query(String.class)
			.list()).anySatisfy(d -> assertThat(d).contains("cases.csv").contains("更新 1"));
	}

	@Test
	void aChangedUnitTransfersThePersonFromTodayAndKeepsTheEarlierUnitBefore() throws Exception {
		String people = new String(example("people"), java.nio.charset.StandardCharsets.UTF_8)
			.replace("WC0004,邓红宇,女,1990-01-17,正式执法人员,直属一中队,队员", "WC0004,邓红宇,女,1990-01-17,正式执法人员,城东中队,队员");
		upload("people", "people.csv", utf8(people)).andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));
		var history = jdbc.sql("""
				select u.name from person_unit_history h join person p on p.id = h.person_id join unit u on u.id = h.unit_id
				where p.employee_no = 'WC0004' order by h.valid_from""").query(String.class).list();
		assertThat(history).containsExactly("直属一中队", "城东中队");
		assertThat(jdbc.sql("select valid_from from person_unit_history h join person p on p.id = h.person_id "
				+ "where p.employee_no = 'WC0004' order by valid_from desc")
			.query(LocalDate.class)
			.list()
			.get(0)).isEqualTo(LocalDate.now());
		assertThat(jdbc.sql("select u.name from person p join unit u on u.id = p.unit_id where p.employee_no = 'WC0004'")
			.query(String.class)
			.single()).isEqualTo("城东中队");
	}

	@Test
	void managedDomainsAcceptEverySeparatorAndAnEmptyCellMeansTheDefault() throws Exception {
		upload("units", "units.csv", utf8("单位名称,单位类型,管理领域\n直属一中队,直属中队,民政;经济信息化，人力社保\n城东中队,一类中队,\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.unchanged").value(1));
		assertThat(jdbc.sql("""
				select d.name from unit_domain ud join unit u on u.id = ud.unit_id join domain d on d.id = ud.domain_id
				where u.name = '直属一中队' order by d.sort_order""").query(String.class).list())
			.containsExactly("民政", "人力社保", "经济信息化");
	}

	@Test
	void theJavaApiAnswersProblemsInTheResultAndThrowsNothing() {
		ImportResult result = imports.importFile(ImportKind.CASES, "bad.csv",
				new java.io.ByteArrayInputStream(utf8(CASES_HEADER + GOOD_CASE.replace("WC0004", "WC9999"))));
		assertThat(result.status()).isEqualTo(ImportResult.Status.REJECTED);
		assertThat(result.errors()).containsExactly(new ImportProblem(2, "主办人工号", "未知承办人：WC9999（工号、执法证号、姓名均对不上人员名单）"));
		nothingWasWritten();
	}

}
