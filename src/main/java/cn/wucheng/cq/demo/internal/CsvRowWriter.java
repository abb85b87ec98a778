package cn.wucheng.cq.demo.internal;

import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import cn.wucheng.cq.demo.ImportFileSink.RowWriter;
import cn.wucheng.cq.demo.ImportList;

/**
 * One list as CSV: RFC 4180 quoting, LF line ends and no BOM, like the example files; UTF-8 is the caller's writer.
 */
public class CsvRowWriter implements RowWriter {

	/** LF, not the CRLF of CSVFormat.DEFAULT, so the files diff cleanly against the examples. */
	public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

	private final CSVPrinter printer;

	private final int columns;

	public CsvRowWriter(Writer out, ImportList list) throws IOException {
		this(out, list.headers());
	}

	/** A list with these headers (its own and, for a province split by bureau, 所属执法局 last). */
	public CsvRowWriter(Writer out, java.util.List<String> headers) throws IOException {
		this.printer = new CSVPrinter(out, FORMAT);
		this.columns = headers.size();
		printer.printRecord(headers);
	}

	@Override
	public void row(String... cells) throws IOException {
		if (cells.length != columns) {
			throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
		}
		printer.printRecord((Object[]) cells);
	}

	@Override
	public void close() throws IOException {
		printer.close(true);
	}

}
