package cn.wucheng.cq.imports.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file in UTF-8 (with or without BOM), GB18030/GBK (what Excel and WPS write on Chinese Windows) or UTF-16 with
 * BOM. The encoding is decided by one streaming pass over the bytes: valid UTF-8 is UTF-8, anything else GB18030 (a
 * GBK text is almost never valid UTF-8). The same pass refuses binary content (control bytes never occur in text).
 */
final class CsvFile implements TabularFile {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private final Path file;

	private final Charset charset;

	private final int skip;

	private CsvFile(Path file, Charset charset, int skip) {
		this.file = file;
		this.charset = charset;
		this.skip = skip;
	}

	static CsvFile open(Path file, byte[] head, int n) throws UnreadableFileException {
		if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
			return new CsvFile(file, StandardCharsets.UTF_16LE, 2);
		}
		if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
			return new CsvFile(file, StandardCharsets.UTF_16BE, 2);
		}
		boolean bom = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
		boolean utf8 = scan(file);
		if (bom) {
			return new CsvFile(file, StandardCharsets.UTF_8, 3);
		}
		return new CsvFile(file, utf8 ? StandardCharsets.UTF_8 : GB18030, 0);
	}

	/**
	 * One pass: refuses binary files, and tells whether the bytes are valid UTF-8.
	 */
	private static boolean scan(Path file) throws UnreadableFileException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		boolean valid = true;
		ByteBuffer in = ByteBuffer.allocate(64 * 1024);
		CharBuffer out = CharBuffer.allocate(64 * 1024);
		try (InputStream stream = Files.newInputStream(file)) {
			byte[] buf = in.array();
			boolean eof = false;
			while (!eof) {
				int read = stream.read(buf, in.position(), in.remaining());
				if (read < 0) {
					eof = true;
				}
				else {
					for (int i = in.position(); i < in.position() + read; i++) {
						if (isBinary(buf[i])) {
							throw new UnreadableFileException("imports.file.notSpreadsheet");
						}
					}
					in.position(in.position() + read);
				}
				if (valid) {
					in.flip();
					CoderResult r = decoder.decode(in, out, eof);
					if (r.isError()) {
						valid = false;
					}
					out.clear();
					in.compact();
				}
				else {
					in.clear();
				}
			}
			if (valid) {
				CoderResult r = decoder.flush(out);
				valid = !r.isError();
			}
		}
		catch (IOException e) {
			throw new UnreadableFileException(e, "imports.file.unreadable");
		}
		return valid;
	}

	/** Control bytes other than tab, line breaks, form feed and DOS end-of-file never occur in a text table. */
	private static boolean isBinary(byte b) {
		int c = b & 0xFF;
		return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0B && c != 0x0C && c != 0x1A && c != 0x1B;
	}

	@Override
	public String describe() {
		return "CSV（" + (charset == GB18030 ? "GB18030/GBK" : charset.name()) + "）";
	}

	@Override
	public void read(RowConsumer consumer) throws UnreadableFileException {
		try (InputStream stream = Files.newInputStream(file)) {
			stream.skipNBytes(skip);
			BufferedReader reader = new BufferedReader(new InputStreamReader(stream, charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
			char delimiter = delimiter(reader);
			CSVFormat format = CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter)
				.setIgnoreEmptyLines(false)
				.setTrim(false)
				.get();
			long row = 0;
			try (CSVParser parser = CSVParser.parse(reader, format)) {
				Iterator<CSVRecord> it = parser.iterator();
				while (true) {
					CSVRecord record;
					try {
						if (!it.hasNext()) {
							break;
						}
						record = it.next();
					}
					catch (UncheckedIOException | IllegalStateException e) {
						throw new UnreadableFileException(e, "imports.file.badCsv", String.valueOf(row + 1));
					}
					row = record.getRecordNumber();
					String[] cells = new String[record.size()];
					for (int i = 0; i < cells.length; i++) {
						String v = record.get(i);
						cells[i] = v == null ? "" : v;
					}
					if (!consumer.accept((int) row, cells)) {
						return;
					}
				}
			}
		}
		catch (IOException e) {
			throw new UnreadableFileException(e, "imports.file.unreadable");
		}
	}

	/** Comma normally; tab for Excel's "Unicode text", semicolon for some European settings. */
	private static char delimiter(BufferedReader reader) throws IOException {
		reader.mark(16 * 1024);
		char[] buf = new char[16 * 1024];
		int n = reader.read(buf);
		reader.reset();
		if (n <= 0) {
			return ',';
		}
		String first = new String(buf, 0, n);
		int end = first.indexOf('\n');
		if (end >= 0) {
			first = first.substring(0, end);
		}
		if (first.indexOf(',') >= 0) {
			return ',';
		}
		if (first.indexOf('\t') >= 0) {
			return '\t';
		}
		if (first.indexOf(';') >= 0) {
			return ';';
		}
		return ',';
	}

	/** For tests. */
	Charset charset() {
		return charset;
	}

}
