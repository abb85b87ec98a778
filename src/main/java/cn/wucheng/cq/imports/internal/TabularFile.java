package cn.wucheng.cq.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A table read row by row from an .xlsx (first sheet) or .csv file, streamed so that a file of a million rows never
 * sits in memory. The type comes from the content (magic bytes), never from the file name: a zip is an .xlsx, text is
 * a CSV, anything else is refused.
 */
public interface TabularFile {

	/** Receives each row: its number as the user sees it in Excel (first row = 1) and its cells (never null). */
	@FunctionalInterface
	interface RowConsumer {

		/** @return false to stop reading */
		boolean accept(int rowNumber, String[] cells);

	}

	/** Reads every row in order, blank ones included (the caller decides what blank means). */
	void read(RowConsumer consumer) throws UnreadableFileException;

	/** A short description for the audit log, e.g. "CSV（GB18030）" or "Excel（.xlsx）". */
	String describe();

	static TabularFile open(Path file) throws UnreadableFileException {
		return open(file, XlsxLimits.DEFAULT);
	}

	/** As {@link #open(Path)}, with the bounds an .xlsx must keep (settings {@code cq.imports.xlsx.*}). */
	static TabularFile open(Path file, XlsxLimits limits) throws UnreadableFileException {
		byte[] head = new byte[8];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		catch (IOException e) {
			throw new UnreadableFileException(e, "imports.file.unreadable");
		}
		if (n == 0) {
			throw new UnreadableFileException("imports.file.empty");
		}
		if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6)) {
			return new XlsxFile(file, limits);
		}
		if (n >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
				&& (head[3] & 0xFF) == 0xE0) {
			// OLE2: an old .xls, or an encrypted .xlsx
			throw new UnreadableFileException("imports.file.xls");
		}
		return CsvFile.open(file, head, n);
	}

}
