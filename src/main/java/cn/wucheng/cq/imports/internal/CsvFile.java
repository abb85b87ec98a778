package cn.wucheng.cq.imports.internal;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
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
 * BOM. Valid UTF-8 is UTF-8, anything else GB18030 (a GBK text is almost never valid UTF-8); binary content (control
 * bytes never occur in text) is refused. Decided in the one pass that parses the file: the first {@value #HEAD} bytes
 * are checked when the file is opened (a GBK header is found there), the rest while it is parsed — strictly as UTF-8;
 * should a malformed byte come later, the file is read again from the start as GB18030 (and the rows already handed
 * over are given up: {@link NotUtf8}). Whatever the reader stops early for, it still reads the rest of the bytes, so
 * the answer is the one a check of the whole file before parsing would give.
 */
final class CsvFile implements TabularFile {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final String MIXED = "imports.file.mixedEncoding";

	/** Bytes checked when the file is opened. */
	static final int HEAD = 64 * 1024;

	private final Path file;

	private final Charset charset;

	private final int skip;

	/** UTF-8 without BOM so far: decoded strictly, GB18030 at the first malformed byte. */
	private final boolean tentative;

	private CsvFile(Path file, Charset charset, int skip, boolean tentative) {
		this.file = file;
		this.charset = charset;
		this.skip = skip;
		this.tentative = tentative;
	}

	static CsvFile open(Path file, byte[] head, int n) throws UnreadableFileException {
		if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
			return new CsvFile(file, StandardCharsets.UTF_16LE, 2, false);
		}
		if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
			return new CsvFile(file, StandardCharsets.UTF_16BE, 2, false);
		}
		boolean bom = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
		boolean utf8 = scanHead(file);
		if (bom) {
			return new CsvFile(file, StandardCharsets.UTF_8, 3, false);
		}
		if (!utf8) {
			refuseIfUtf8ThenNot(file);
		}
		return utf8 ? new CsvFile(file, StandardCharsets.UTF_8, 0, true) : new CsvFile(file, GB18030, 0, false);
	}

	/** The first {@value #HEAD} bytes: refuses binary content, and tells whether they may be UTF-8. */
	private static boolean scanHead(Path file) throws UnreadableFileException {
		byte[] buf;
		boolean whole;
		try (InputStream stream = Files.newInputStream(file)) {
			buf = stream.readNBytes(HEAD);
			whole = stream.read() < 0;
		}
		catch (IOException e) {
			throw new UnreadableFileException(e, "imports.file.unreadable");
		}
		for (byte b : buf) {
			if (isBinary(b)) {
				throw new UnreadableFileException("imports.file.notSpreadsheet");
			}
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(buf);
		CharBuffer out = CharBuffer.allocate(buf.length + 1);
		// a character cut at the end of the head is no error unless the file ends there
		if (decoder.decode(in, out, whole).isError()) {
			return false;
		}
		return !whole || !decoder.flush(out).isError();
	}

	/**
	 * A file that starts as UTF-8 — at least one whole line, with Chinese in it — and then has a byte that is not: the
	 * user pasted rows from a GBK/GB18030 file into a UTF-8 one (or the reverse, see {@link Utf8Lines}). Read as either
	 * encoding, one part comes out garbled and the import would blame the header or the values; say what it is, and
	 * from which line. A GB18030 file fails as UTF-8 within its first few Chinese characters, so it never gets here.
	 */
	private static void refuseIfUtf8ThenNot(Path file) throws UnreadableFileException {
		try (InputStream stream = new java.io.BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
			int line = 1;
			int chinese = 0; // what GBK bytes misread as UTF-8 do not give (see Utf8Lines)
			int pending = 0;
			int codePoint = 0;
			int b;
			while ((b = stream.read()) >= 0) {
				if (pending > 0) {
					if ((b & 0xC0) != 0x80) {
						break;
					}
					codePoint = (codePoint << 6) | (b & 0x3F);
					if (--pending == 0 && Utf8Lines.isCjk(codePoint)) {
						chinese++;
					}
					continue;
				}
				if (b < 0x80) {
					if (b == '\n') {
						line++;
					}
					continue;
				}
				pending = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
				if (pending < 0) {
					break;
				}
				codePoint = b & (pending == 1 ? 0x1F : pending == 2 ? 0x0F : 0x07);
			}
			if (b >= 0 && line > 1 && chinese >= 2) {
				throw new UnreadableFileException(MIXED, String.valueOf(line));
			}
		}
		catch (IOException e) {
			throw new UnreadableFileException(e, "imports.file.unreadable");
		}
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
		if (!tentative) {
			parse(consumer, false);
			return;
		}
		int[] delivered = { 0 };
		boolean utf8 = parse((row, cells) -> {
			delivered[0]++;
			return consumer.accept(row, cells);
		}, true);
		if (utf8) {
			return;
		}
		refuseIfUtf8ThenNot(file);
		CsvFile gb = new CsvFile(file, GB18030, 0, false);
		if (delivered[0] > 0) {
			throw new NotUtf8(gb);
		}
		gb.read(consumer);
	}

	/**
	 * Parses the file with this charset; strictly: answers false at the first malformed byte (nothing else happens
	 * after it). Binary content is refused wherever it is.
	 */
	private boolean parse(RowConsumer consumer, boolean strict) throws UnreadableFileException {
		CodingErrorAction onError = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
		boolean text = charset != StandardCharsets.UTF_16LE && charset != StandardCharsets.UTF_16BE;
		try (InputStream stream = Files.newInputStream(file)) {
			stream.skipNBytes(skip);
			TextBytes bytes = new TextBytes(stream, text, charset == GB18030 ? new Utf8Lines() : null);
			Decoded decoded = new Decoded(new InputStreamReader(bytes,
					charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError)));
			BufferedReader reader = new BufferedReader(decoded, 64 * 1024);
			try {
				boolean done = parse(reader, consumer);
				if (bytes.utf8Lines != null && bytes.utf8Lines.firstLine() > 0) {
					throw new UnreadableFileException(MIXED, String.valueOf(bytes.utf8Lines.firstLine()));
				}
				return done;
			}
			catch (IOException | UncheckedIOException | UnreadableFileException e) {
				if (bytes.binary) {
					throw new UnreadableFileException(e, "imports.file.notSpreadsheet");
				}
				if (decoded.malformed) {
					return false;
				}
				if (e instanceof UnreadableFileException u) {
					throw u;
				}
				throw e;
			}
		}
		catch (IOException | UncheckedIOException e) {
			throw new UnreadableFileException(e, "imports.file.unreadable");
		}
	}

	private static boolean parse(BufferedReader reader, RowConsumer consumer) throws IOException,
			UnreadableFileException {
		char delimiter = delimiter(reader);
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(false)
			.setTrim(false)
			.get();
		long row = 0;
		CSVParser parser = CSVParser.parse(reader, format);
		Iterator<CSVRecord> it = parser.iterator();
		while (true) {
			CSVRecord record;
			try {
				if (!it.hasNext()) {
					return true;
				}
				record = it.next();
			}
			catch (UncheckedIOException | IllegalStateException e) {
				drain(reader); // binary or not UTF-8 further on: that is the answer, not the CSV error
				throw new UnreadableFileException(e, "imports.file.badCsv", String.valueOf(row + 1));
			}
			row = record.getRecordNumber();
			String[] cells = record.values();
			for (int i = 0; i < cells.length; i++) {
				if (cells[i] == null) {
					cells[i] = "";
				}
			}
			if (!consumer.accept((int) row, cells)) {
				drain(reader);
				return true;
			}
		}
	}

	/** Reads the rest, so that binary content or a malformed byte there still decides. */
	private static void drain(Reader reader) throws IOException {
		char[] buf = new char[16 * 1024];
		while (reader.read(buf) >= 0) {
			// only the checks of TextBytes and Decoded matter
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

	/**
	 * The file is not UTF-8 after all (a malformed byte after rows were handed over): read it again, from the start,
	 * as {@link #table()}. The caller gives up what it did with the rows (the import's transaction is rolled back).
	 */
	static final class NotUtf8 extends RuntimeException {

		private final transient CsvFile table;

		NotUtf8(CsvFile table) {
			super("not UTF-8: read again as GB18030", null, false, false);
			this.table = table;
		}

		CsvFile table() {
			return table;
		}

	}

	/** The raw bytes, refusing (once and for all) a control byte that never occurs in text. */
	private static final class TextBytes extends FilterInputStream {

		private final boolean check;

		/** For a GB18030 file: finds lines that are UTF-8 instead. */
		final Utf8Lines utf8Lines;

		boolean binary;

		TextBytes(InputStream in, boolean check, Utf8Lines utf8Lines) {
			super(in);
			this.check = check;
			this.utf8Lines = utf8Lines;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = in.read(b, off, len);
			if (utf8Lines != null) {
				if (n < 0) {
					utf8Lines.endOfFile();
				}
				for (int i = off; i < off + n; i++) {
					utf8Lines.accept(b[i] & 0xFF);
				}
			}
			if (check) {
				for (int i = off; i < off + n; i++) {
					if (isBinary(b[i])) {
						binary = true;
						throw new IOException("binary content");
					}
				}
			}
			return n;
		}

	}

	/**
	 * In a file read as GB18030, the first line that is UTF-8 instead (rows from a UTF-8 file pasted into a GBK one): a
	 * line that is valid UTF-8 and holds at least two multi-byte characters, all of them CJK (U+2E80–U+9FFF,
	 * U+F900–U+FFEF). GBK text almost never passes: where its bytes happen to form UTF-8 they are mostly two-byte
	 * sequences, which decode to Latin, Greek or Cyrillic letters, not to Chinese.
	 */
	static final class Utf8Lines {

		private int line = 1;

		private int found;

		private int pending;

		private int codePoint;

		private int cjk;

		private boolean valid = true;

		void accept(int b) {
			if (found > 0) {
				return;
			}
			if (b == '\n') {
				endOfLine();
				line++;
				return;
			}
			if (!valid) {
				return;
			}
			if (pending > 0) {
				if ((b & 0xC0) != 0x80) {
					valid = false;
					return;
				}
				codePoint = (codePoint << 6) | (b & 0x3F);
				if (--pending == 0) {
					if (isCjk(codePoint)) {
						cjk++;
					}
					else {
						valid = false;
					}
				}
				return;
			}
			if (b < 0x80) {
				return;
			}
			if (b >= 0xC2 && b <= 0xDF) {
				pending = 1;
				codePoint = b & 0x1F;
			}
			else if (b >= 0xE0 && b <= 0xEF) {
				pending = 2;
				codePoint = b & 0x0F;
			}
			else {
				valid = false; // four-byte characters are no Chinese of these lists; anything else is not UTF-8
			}
		}

		void endOfFile() {
			if (found == 0) {
				endOfLine();
			}
		}

		private void endOfLine() {
			if (valid && pending == 0 && cjk >= 2) {
				found = line;
			}
			valid = true;
			pending = 0;
			cjk = 0;
		}

		static boolean isCjk(int codePoint) {
			return codePoint >= 0x2E80 && codePoint <= 0x9FFF || codePoint >= 0xF900 && codePoint <= 0xFFEF;
		}

		/** The first UTF-8 line (1 = the header), or 0. */
		int firstLine() {
			return found;
		}

	}

	/** The decoded text, remembering a malformed byte (strict decoding). */
	private static final class Decoded extends FilterReader {

		boolean malformed;

		Decoded(Reader in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			try {
				return super.read();
			}
			catch (CharacterCodingException e) {
				malformed = true;
				throw e;
			}
		}

		@Override
		public int read(char[] cbuf, int off, int len) throws IOException {
			try {
				return super.read(cbuf, off, len);
			}
			catch (CharacterCodingException e) {
				malformed = true;
				throw e;
			}
		}

	}

}
