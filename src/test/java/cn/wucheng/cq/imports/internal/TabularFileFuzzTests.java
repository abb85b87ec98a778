package cn.wucheng.cq.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;

/**
 * Fuzz tests of the file reader (Jazzer): whatever bytes are uploaded, {@link TabularFile} either reads rows or refuses
 * the file with an {@link UnreadableFileException} whose message key has a Chinese text — never another exception.
 * Tag {@code fuzz}: Surefire runs them in an execution (JVM) of their own. In {@code ./mvnw verify} the saved inputs under {@code src/test/resources/cn/wucheng/cq/imports/internal/
 * TabularFileFuzzTestsInputs/<method>/} replay (seeds and every crash ever found); {@code JAZZER_FUZZ=1} fuzzes
 * (README, "Faults").
 */
@Tag("fuzz")
class TabularFileFuzzTests {

	private static final Properties MESSAGES = new Properties();

	static {
		try (InputStream in = TabularFileFuzzTests.class.getResourceAsStream("/messages-imports.properties")) {
			MESSAGES.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Any bytes at all: CSV in any encoding, .xlsx (zip) or garbage; the type is found from the content. */
	@FuzzTest(maxDuration = "3m")
	void anyUploadedBytesAreReadAsRowsOrRefusedWithAChineseMessage(byte[] data) throws IOException {
		Path file = Files.createTempFile("cq-fuzz-", ".upload");
		try {
			Files.write(file, data);
			readOrRefuse(file);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * A well-formed .xlsx whose cells are fuzzed: text of any characters, numbers of any size, dates, booleans,
	 * formulas and blanks: the workbook is read without an exception.
	 */
	@FuzzTest(maxDuration = "3m")
	void anyCellsOfAWorkbookAreReadAsText(FuzzedDataProvider data) throws IOException {
		int rows = data.consumeInt(1, 6);
		int columns = data.consumeInt(1, 6);
		List<String> written = new ArrayList<>();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet(data.consumeBoolean() ? "Sheet1" : data.consumeString(20).replaceAll("[^\\p{L}\\p{N} ]", "") + "x");
			CellStyle date = book.createCellStyle();
			date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat(data.pickValue(
					List.of("yyyy-mm-dd", "yyyy/m/d", "m/d/yy h:mm", "yyyy\"年\"m\"月\"d\"日\"", "0.00", "@", "General"))));
			for (int r = 0; r < rows; r++) {
				Row row = sheet.createRow(data.consumeBoolean() ? r : data.consumeInt(r, r + 3) * (r + 1));
				for (int c = 0; c < columns; c++) {
					Cell cell = row.createCell(data.consumeInt(0, 20));
					switch (data.consumeInt(0, 6)) {
						case 0 -> {
							String s = data.consumeString(40);
							cell.setCellValue(s);
							written.add(s);
						}
						case 1 -> cell.setCellValue(data.consumeDouble());
						case 2 -> {
							cell.setCellValue(data.consumeDouble());
							cell.setCellStyle(date);
						}
						case 3 -> {
							cell.setCellValue(LocalDate.ofEpochDay(data.consumeLong(-800_000, 2_900_000)));
							cell.setCellStyle(date);
						}
						case 4 -> cell.setCellValue(data.consumeBoolean());
						case 5 -> {
							try {
								cell.setCellFormula(data.consumeString(20));
							}
							catch (RuntimeException notAFormula) {
								cell.setBlank();
							}
						}
						default -> cell.setBlank();
					}
				}
			}
			book.write(bytes);
		}
		Path file = Files.createTempFile("cq-fuzz-", ".xlsx");
		try {
			Files.write(file, bytes.toByteArray());
			try {
				TabularFile.open(file).read((rowNumber, row) -> true);
			}
			catch (UnreadableFileException refused) {
				throw new AssertionError("a well-formed workbook is refused: " + refused.messageKey(), refused);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * A workbook whose shared-strings part ({@code xl/sharedStrings.xml}, the text of its cells) is any bytes: read, or
	 * refused with a Chinese message (corrupt, too large for its bound), never another exception nor an
	 * OutOfMemoryError (issue 11: POI's table held a 1 GB part in the heap).
	 */
	@FuzzTest(maxDuration = "3m")
	void anySharedStringsPartIsReadOrRefusedWithAChineseMessage(byte[] sharedStrings) throws IOException {
		Path file = Files.createTempFile("cq-fuzz-", ".xlsx");
		try {
			Files.write(file, SharedStringsBomb.withSharedStrings(sharedStrings));
			readOrRefuse(file);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** Reads every row; null when the file was refused (with a Chinese message). Anything else thrown fails. */
	private static List<String> readOrRefuse(Path file) {
		List<String> cells = new ArrayList<>();
		try {
			TabularFile table = TabularFile.open(file);
			assertThat(table.describe()).isNotBlank();
			table.read((rowNumber, row) -> {
				assertThat(rowNumber).isPositive();
				for (String cell : row) {
					assertThat(cell).isNotNull();
					cells.add(cell);
				}
				return true;
			});
			return cells;
		}
		catch (UnreadableFileException refused) {
			assertThat(MESSAGES.getProperty(refused.messageKey())).as(refused.messageKey())
				.isNotBlank()
				.matches(".*\\p{IsHan}.*");
			return null;
		}
	}

}
