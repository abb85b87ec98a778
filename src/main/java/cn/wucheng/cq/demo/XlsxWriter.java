package cn.wucheng.cq.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Copies a generated CSV list to .xlsx the way a bureau's staff keep it in Excel/WPS: first sheet, header in row 1,
 * dates (columns whose header ends in 日期) as date cells formatted yyyy-mm-dd, everything else as text (工号 and
 * 扣分 stay exact). Streams both ways (commons-csv in, POI SXSSF out with a 500-row window), so a million cases fit
 * in little memory; temp files are compressed and removed.
 * <p>
 * Text cells go into the shared-strings table, as Excel and WPS write them, unless the CSV is larger than
 * {@value #SHARED_STRINGS_LIMIT} bytes: that table lives in memory, so a province's cases are written as inline
 * strings instead. A reader of .xlsx must accept both kinds of text cell.
 */
public final class XlsxWriter {

	private static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

	/** Above this CSV size text cells are inline strings (see the class comment). */
	public static final long SHARED_STRINGS_LIMIT = 16L * 1024 * 1024;

	private XlsxWriter() {
	}

	/**
	 * Writes {@code xlsx} from the UTF-8 {@code csv} (header row first), with shared strings up to
	 * {@value #SHARED_STRINGS_LIMIT} bytes of CSV; returns the number of data rows.
	 */
	public static long write(Path csv, Path xlsx) throws IOException {
		return write(csv, xlsx, Files.size(csv) <= SHARED_STRINGS_LIMIT);
	}

	/** As {@link #write(Path, Path)}, choosing shared strings (as Excel writes) or inline strings. */
	public static long write(Path csv, Path xlsx, boolean sharedStrings) throws IOException {
		String sheetName = fileBaseName(csv);
		try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(in);
				SXSSFWorkbook workbook = new SXSSFWorkbook(null, 500, true, sharedStrings)) {
			try {
				SXSSFSheet sheet = workbook.createSheet(sheetName);
				CellStyle dateStyle = workbook.createCellStyle();
				dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
				List<String> headers = parser.getHeaderNames();
				boolean[] isDate = new boolean[headers.size()];
				Row header = sheet.createRow(0);
				for (int c = 0; c < headers.size(); c++) {
					header.createCell(c).setCellValue(headers.get(c));
					isDate[c] = headers.get(c).endsWith("日期");
					sheet.setColumnWidth(c, 20 * 256);
				}
				long rows = 0;
				for (CSVRecord record : parser) {
					if (rows == MAX_DATA_ROWS) {
						throw new IOException(csv + " has more rows than an .xlsx sheet holds (" + MAX_DATA_ROWS + ")");
					}
					Row row = sheet.createRow((int) ++rows);
					for (int c = 0; c < record.size() && c < headers.size(); c++) {
						String value = record.get(c);
						if (value.isEmpty()) {
							continue;
						}
						if (isDate[c]) {
							try {
								LocalDate date = LocalDate.parse(value);
								var cell = row.createCell(c);
								cell.setCellValue(date);
								cell.setCellStyle(dateStyle);
								continue;
							}
							catch (DateTimeParseException notIso) {
								// not a generated date: keep the text as it is
							}
						}
						row.createCell(c).setCellValue(value);
					}
				}
				try (OutputStream out = Files.newOutputStream(xlsx)) {
					workbook.write(out);
				}
				return rows;
			}
			finally {
				workbook.dispose();
			}
		}
	}

	/** Writes an .xlsx next to each of the six CSV lists present in {@code directory}; returns the files written. */
	public static List<Path> writeAll(Path directory) throws IOException {
		List<Path> written = new ArrayList<>();
		for (ImportList list : ImportList.values()) {
			Path csv = directory.resolve(list.csvFileName());
			if (Files.exists(csv)) {
				Path xlsx = directory.resolve(list.key() + ".xlsx");
				write(csv, xlsx);
				written.add(xlsx);
			}
		}
		return written;
	}

	private static String fileBaseName(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

}
