package cn.wucheng.cq.imports;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestDatabaseInitializer;
import cn.wucheng.cq.support.Users;

/**
 * One Spring context (and database) shared by the import tests: a real server for HTTP Basic, MockMvc for the rest.
 * Each test starts from the state right after the migrations: no units, people or cases, the 30 default domains.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "CQ_LEGAL_PASSWORD=" + ImportTestSupport.LEGAL_PASSWORD, "cq.imports.queue.max-wait=5s" })
@AutoConfigureMockMvc
abstract class ImportTestSupport {

	static final String LEGAL_PASSWORD = "Legal-Import-Test-1";

	/** The small example bureau, in the order it must be imported. */
	static final List<String> EXAMPLE = List.of("domains", "units", "people", "cases", "deductions", "awards");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Imports imports;

	@LocalServerPort
	int port;

	@Autowired
	javax.sql.DataSource dataSource;

	@BeforeEach
	void startFromAnEmptyBureau() {
		// A trigger refuses deleting audit entries younger than the retention (issue 5); the test, as the tables'
		// owner, switches it off for its own clean-up only, as AuditChainTests does for its tampering. (The
		// application's own role, issue 16, could not: the clean-up connects as the owner.)
		JdbcClient owner = TestDatabaseInitializer.asOwner(dataSource);
		owner.sql("alter table audit_log disable trigger audit_log_retention_row").update();
		for (String table : List.of("external_training", "case_import_flag", "excellent_award", "case_return", "deduction_item",
				"case_file", "person_unit_history", "person", "unit_domain", "unit", "domain", "audit_log")) {
			owner.sql("delete from " + table).update();
		}
		owner.sql("alter table audit_log enable trigger audit_log_retention_row").update();
		List<List<String>> domains = csvRows(example("domains"), StandardCharsets.UTF_8);
		for (int i = 1; i < domains.size(); i++) {
			jdbc.sql("insert into domain (code, name, sort_order) values (?, ?, ?)")
				.params(domains.get(i).get(0), domains.get(i).get(1), i)
				.update();
		}
	}

	ResultActions upload(String kind, String fileName, byte[] content) throws Exception {
		return upload(kind, fileName, content, Users.legalSection());
	}

	ResultActions upload(String kind, String fileName, byte[] content, RequestPostProcessor user) throws Exception {
		return mvc.perform(multipart("/api/v1/imports/" + kind)
			.file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
			.with(user)
			.with(csrf()));
	}

	/** A file of the small example bureau (UTF-8 CSV). */
	static byte[] example(String kind) {
		try (InputStream in = ImportTestSupport.class.getResourceAsStream("/examples/small/" + kind + ".csv")) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Data rows of a CSV (the header not counted). */
	static int dataRows(byte[] csv) {
		return csvRows(csv, StandardCharsets.UTF_8).size() - 1;
	}

	static List<List<String>> csvRows(byte[] csv, Charset charset) {
		try (CSVParser parser = CSVParser.parse(new InputStreamReader(new java.io.ByteArrayInputStream(csv), charset),
				CSVFormat.DEFAULT)) {
			return parser.getRecords().stream().map(CSVRecord::toList).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static byte[] gb18030(byte[] utf8Csv) {
		return new String(utf8Csv, StandardCharsets.UTF_8).getBytes(Charset.forName("GB18030"));
	}

	static byte[] utf8(String csv) {
		return csv.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The same table as an .xlsx as Excel users make it: dates as date cells, 扣分 as numbers, the rest as text.
	 */
	static byte[] xlsx(byte[] utf8Csv) {
		List<List<String>> rows = csvRows(utf8Csv, StandardCharsets.UTF_8);
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
			Sheet sheet = wb.createSheet("导入");
			List<String> header = rows.get(0);
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<String> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					String v = values.get(c);
					if (v.isEmpty()) {
						continue;
					}
					Cell cell = row.createCell(c);
					String column = header.get(c);
					if (r > 0 && column.endsWith("日期") && v.matches("\\d{4}-\\d{2}-\\d{2}")) {
						cell.setCellValue(LocalDate.parse(v));
						cell.setCellStyle(date);
					}
					else if (r > 0 && column.equals("扣分")) {
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

	/** Row counts of every table an import writes: to prove that a refused file wrote nothing at all. */
	Map<String, Integer> tableCounts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String table : List.of("domain", "unit", "unit_domain", "person", "person_unit_history", "case_file",
				"case_import_flag", "deduction_item", "case_return", "excellent_award", "audit_log")) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Integer.class).single());
		}
		return counts;
	}

	/** Imports the example lists up to and including the given one, through the Java API. */
	void importExampleThrough(String lastKind) {
		for (String kind : EXAMPLE) {
			ImportResult result = imports.importFile(ImportKind.fromPath(kind).orElseThrow(), kind + ".csv",
					new java.io.ByteArrayInputStream(example(kind)));
			if (!result.imported()) {
				throw new IllegalStateException(kind + ": " + result.errors());
			}
			if (kind.equals(lastKind)) {
				return;
			}
		}
	}

}
