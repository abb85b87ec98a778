package cn.wucheng.cq.acceptance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The example bureaus' import files (src/test/resources/examples/small, small-v2) in the three shapes a bureau delivers them:
 * UTF-8 CSV, GB18030 CSV (Excel/WPS on Chinese Windows) and .xlsx with real date and number cells.
 */
enum BureauFiles {

	CSV_UTF8, CSV_GB18030, XLSX;

	/** The import order of IMPORT.md: each list refers only to lists before it. */
	static final List<String> KINDS = List.of("domains", "units", "people", "cases", "deductions", "awards");

	private static final Set<String> DATE_COLUMNS = Set.of("出生日期", "立案日期", "办结日期", "退卷日期", "评选日期");

	static String utf8(String kind) {
		return utf8("small", kind);
	}

	/** A list of an example bureau ({@code small}, {@code small-v2}) as the UTF-8 text of its CSV file. */
	static String utf8(String example, String kind) {
		try (InputStream in = BureauFiles.class.getResourceAsStream("/examples/" + example + "/" + kind + ".csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	String fileName(String kind) {
		return kind + (this == XLSX ? ".xlsx" : ".csv");
	}

	byte[] content(String kind) {
		return content("small", kind);
	}

	byte[] content(String example, String kind) {
		String csv = utf8(example, kind);
		return switch (this) {
			case CSV_UTF8 -> csv.getBytes(StandardCharsets.UTF_8);
			case CSV_GB18030 -> csv.getBytes(Charset.forName("GB18030"));
			case XLSX -> xlsx(csv);
		};
	}

	private static byte[] xlsx(String csv) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); CSVParser parser = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv))) {
			Sheet sheet = wb.createSheet("Sheet1");
			CellStyle dateStyle = wb.createCellStyle();
			dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			List<String> headers = parser.getHeaderNames();
			Row head = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				head.createCell(c).setCellValue(headers.get(c));
			}
			int r = 1;
			for (CSVRecord rec : parser) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < headers.size(); c++) {
					String v = rec.get(c);
					if (v.isEmpty()) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (DATE_COLUMNS.contains(headers.get(c))) {
						cell.setCellValue(LocalDate.parse(v));
						cell.setCellStyle(dateStyle);
					}
					else if (headers.get(c).equals("扣分")) {
						cell.setCellValue(new BigDecimal(v).doubleValue());
					}
					else {
						cell.setCellValue(v);
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
