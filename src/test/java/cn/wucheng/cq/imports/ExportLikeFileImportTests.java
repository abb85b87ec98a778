package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 1 (IMPORT.md "Files as the platform and other systems export them"): a list as an export gives it —
 * a merged title, an export-date line, the columns under other names (第一承办人, 结案日期, 执法门类, 处罚决定书文号…)
 * and columns of no interest (案件状态) — imports to exactly the records of the canonical file, and its problems name
 * the file's own rows and columns.
 */
class ExportLikeFileImportTests extends ImportTestSupport {

	/** The other names an export gives the canonical headers of examples/small. */
	static final Map<String, String> EXPORT_NAMES = Map.of("主办人工号", "第一承办人", "协办人工号", "承办人2", "办结日期",
			"结案日期", "执法领域", "执法门类", "决定书号", "处罚决定书文号", "所属单位", "所在单位");

	static final String TITLE = "武城县综合行政执法局 数据导出";

	static final String EXPORTED = "导出时间：2024-07-01";

	@Test
	void anExportAsGb18030CsvWithTitleRowsAndOtherNamesImportsToTheSameRecordsAsTheCanonicalFiles() throws Exception {
		for (String kind : EXAMPLE.subList(1, EXAMPLE.size())) {
			byte[] export = csv(exportRows(example(kind)), Charset.forName("GB18030"));
			assertThat(counts(kind, kind + ".csv", export)).as(kind).containsExactly(dataRows(example(kind)), 0, 0);
		}
		theCanonicalFilesFindEverythingUnchanged();
	}

	@Test
	void anExportAsXlsxWithAMergedTitleAndOtherNamesImportsToTheSameRecordsAsTheCanonicalFiles() throws Exception {
		for (String kind : EXAMPLE.subList(1, EXAMPLE.size())) {
			byte[] export = exportXlsx(exportRows(example(kind)));
			assertThat(counts(kind, kind + ".xlsx", export)).as(kind).containsExactly(dataRows(example(kind)), 0, 0);
		}
		theCanonicalFilesFindEverythingUnchanged();
	}

	@Test
	void theCasesOfAnExportAreStoredWithTheValuesOfTheirAliasedColumns() throws Exception {
		importExampleThrough("people");
		upload("cases", "cases.csv", csv(exportRows(example("cases")), Charset.forName("GB18030")))
			.andExpect(status().isOk());
		// WCZF-2024-00001 of examples/small: 发展改革, 2024-05-17, WC0007 / WC0002, 金婺综执罚决字〔2024〕第1号
		assertThat(jdbc.sql("""
				select d.name || '|' || c.concluded_on || '|' || l.employee_no || '|' || o.employee_no || '|'
				  || c.decision_no
				from case_file c join domain d on d.id = c.domain_id join person l on l.id = c.lead_id
				  join person o on o.id = c.co_id
				where c.case_no = 'WCZF-2024-00001'""").query(String.class).single())
			.isEqualTo("发展改革|2024-05-17|WC0007|WC0002|金婺综执罚决字〔2024〕第1号");
	}

	@Test
	void aProblemInAnExportNamesTheFilesOwnRowAndColumn() throws Exception {
		importExampleThrough("people");
		List<List<String>> rows = exportRows(example("cases"));
		int concluded = rows.get(2).indexOf("结案日期");
		rows.get(5).set(concluded, "2024-13-40"); // the file's row 6: title, date line, header, three cases
		upload("cases", "cases.csv", csv(rows, StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(6))
			.andExpect(jsonPath("$.errors[0].column").value("结案日期"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("日期格式无法识别：2024-13-40（应为 2024-03-05、2024/3/5 或 2024年3月5日）"));
	}

	@Test
	void aProblemInAnXlsxExportNamesTheFilesOwnRowToo() throws Exception {
		importExampleThrough("people");
		List<List<String>> rows = exportRows(example("cases"));
		int lead = rows.get(2).indexOf("第一承办人");
		rows.get(7).set(lead, "WC9999"); // the file's row 8
		upload("cases", "cases.xlsx", exportXlsx(rows)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(8))
			.andExpect(jsonPath("$.errors[0].column").value("第一承办人"))
			.andExpect(jsonPath("$.errors[0].message").value("未知承办人：WC9999（工号、执法证号、姓名均对不上人员名单）"));
	}

	@Test
	void twoColumnsThatBothMeanTheLeadHandlerAreRefusedWithBothNamed() throws Exception {
		importExampleThrough("people");
		Map<String, Integer> before = tableCounts();
		List<List<String>> rows = exportRows(example("cases"));
		int lead = rows.get(2).indexOf("第一承办人");
		for (int r = 2; r < rows.size(); r++) {
			rows.get(r).add(r == 2 ? "主办人员" : rows.get(r).get(lead));
		}
		upload("cases", "cases.csv", csv(rows, StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("第一承办人"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("表头中“第一承办人”“主办人员”都表示主办人工号，无法确定用哪一列：请删除多余的列或改名后重新导入"));
		assertThat(tableCounts()).isEqualTo(before);
	}

	@Test
	void aHeaderBelowTheTenthRowIsNotTakenForOneAndTheMissingColumnsAreReported() throws Exception {
		importExampleThrough("people");
		List<List<String>> rows = exportRows(example("cases"));
		for (int i = 0; i < 8; i++) {
			rows.add(1, new ArrayList<>(List.of("说明第 " + i + " 行")));
		}
		upload("cases", "cases.csv", csv(rows, StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("缺少必填列：案件编号"));
	}

	private void theCanonicalFilesFindEverythingUnchanged() throws Exception {
		for (String kind : EXAMPLE.subList(1, EXAMPLE.size())) {
			assertThat(counts(kind, kind + ".csv", example(kind))).as(kind)
				.containsExactly(0, 0, dataRows(example(kind)));
		}
	}

	private int[] counts(String kind, String fileName, byte[] content) throws Exception {
		String json = upload(kind, fileName, content).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return new int[] { number(json, "created"), number(json, "updated"), number(json, "unchanged") };
	}

	private static int number(String json, String field) {
		var m = java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
		assertThat(m.find()).as(field + " in " + json).isTrue();
		return Integer.parseInt(m.group(1));
	}

	/**
	 * A canonical list as an export: a title row and an export-date line above the header, the headers under their
	 * other names, and a 案件状态 column the importer does not know, before the rest.
	 */
	static List<List<String>> exportRows(byte[] canonicalCsv) {
		List<List<String>> canonical = csvRows(canonicalCsv, StandardCharsets.UTF_8);
		List<List<String>> rows = new ArrayList<>();
		rows.add(new ArrayList<>(List.of(TITLE)));
		rows.add(new ArrayList<>(List.of(EXPORTED)));
		for (int r = 0; r < canonical.size(); r++) {
			List<String> row = new ArrayList<>();
			row.add(r == 0 ? "案件状态" : "已结案");
			for (String cell : canonical.get(r)) {
				row.add(r == 0 ? EXPORT_NAMES.getOrDefault(cell, cell) : cell);
			}
			rows.add(row);
		}
		return rows;
	}

	static byte[] csv(List<List<String>> rows, Charset charset) {
		int width = rows.stream().mapToInt(List::size).max().orElse(0);
		StringBuilder b = new StringBuilder();
		for (List<String> row : rows) {
			for (int c = 0; c < width; c++) { // a title saved from Excel: its cell, then empty ones
				if (c > 0) {
					b.append(',');
				}
				String v = c < row.size() ? row.get(c) : "";
				b.append(v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v);
			}
			b.append("\r\n");
		}
		return b.toString().getBytes(charset);
	}

	/** As an export's .xlsx: the title merged across the table, dates as date cells, the rest as text. */
	static byte[] exportXlsx(List<List<String>> rows) {
		int width = rows.stream().mapToInt(List::size).max().orElse(1);
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
			Sheet sheet = wb.createSheet("导出数据");
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
			List<String> header = rows.get(2);
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<String> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					String v = values.get(c);
					if (v.isEmpty()) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (r > 2 && header.get(c).endsWith("日期") && v.matches("\\d{4}-\\d{2}-\\d{2}")) {
						cell.setCellValue(LocalDate.parse(v));
						cell.setCellStyle(date);
					}
					else if (r > 2 && header.get(c).equals("扣分")) {
						cell.setCellValue(Double.parseDouble(v));
					}
					else {
						cell.setCellValue(v);
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
