package cn.wucheng.cq.imports.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared-strings table of an .xlsx ({@code xl/sharedStrings.xml}), read with SAX and held compactly, within a
 * limit. POI's ReadOnlySharedStringsTable keeps every string as a String (about 50 bytes of overhead each) with no
 * bound, and presizes its list from the file's own {@code uniqueCount}: a 20 MB upload that unpacks to 1 GB filled a
 * 2 GB heap (issue 11). Here the text is kept as UTF-8 in blocks of {@value #BLOCK} bytes with one int per string, the
 * part is refused as soon as either the XML read or the text held passes the limit, and the declared counts are ignored.
 * <p>
 * A string is the text of its {@code <t>} elements, runs included and phonetic guides ({@code <rPh>}) left out, as
 * Excel shows the cell (the sheet reader does the same for inline strings).
 */
final class BoundedSharedStrings {

	static final BoundedSharedStrings EMPTY = new BoundedSharedStrings();

	private static final int BLOCK = 1 << 20;

	private static final int ENDS_BLOCK = 1 << 16;

	private final List<byte[]> blocks = new ArrayList<>();

	private final List<int[]> ends = new ArrayList<>();

	private int count;

	private int position;

	private BoundedSharedStrings() {
	}

	/** The part is larger than the limit (in its XML, or in the text it holds). */
	static final class TooLarge extends SAXException {

		TooLarge() {
			super("shared strings over the limit");
		}

	}

	/**
	 * Reads the part; throws {@link TooLarge} (possibly wrapped by the parser in an IOException or SAXException)
	 * once more than {@code limit} bytes of XML are read or of text would be held.
	 */
	static BoundedSharedStrings read(InputStream xml, long limit) throws IOException, SAXException {
		BoundedSharedStrings table = new BoundedSharedStrings();
		XMLReader reader;
		try {
			reader = XMLHelper.newXMLReader();
		}
		catch (ParserConfigurationException e) {
			throw new SAXException(e);
		}
		reader.setContentHandler(table.new Handler(limit));
		reader.parse(new InputSource(new Counting(xml, limit)));
		return table;
	}

	int size() {
		return count;
	}

	/** The string at {@code index}, or null when the table has no such string. */
	String get(int index) {
		if (index < 0 || index >= count) {
			return null;
		}
		int start = index == 0 ? 0 : end(index - 1);
		int length = end(index) - start;
		if (length == 0) {
			return "";
		}
		int offset = start % BLOCK;
		if (offset + length <= BLOCK) {
			return new String(blocks.get(start / BLOCK), offset, length, StandardCharsets.UTF_8);
		}
		// a string across blocks: rare (at most once per megabyte of text)
		byte[] bytes = new byte[length];
		for (int copied = 0; copied < length;) {
			int at = start + copied;
			int n = Math.min(length - copied, BLOCK - at % BLOCK);
			System.arraycopy(blocks.get(at / BLOCK), at % BLOCK, bytes, copied, n);
			copied += n;
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** The text held, in bytes: UTF-8 of the strings and one int per string. */
	long heldBytes() {
		return (long) position + 4L * count;
	}

	private int end(int index) {
		return ends.get(index / ENDS_BLOCK)[index % ENDS_BLOCK];
	}

	private void add(byte[] utf8) {
		for (int copied = 0; copied < utf8.length;) {
			int offset = position % BLOCK;
			if (offset == 0 && position / BLOCK == blocks.size()) {
				blocks.add(new byte[BLOCK]);
			}
			int n = Math.min(utf8.length - copied, BLOCK - offset);
			System.arraycopy(utf8, copied, blocks.get(position / BLOCK), offset, n);
			copied += n;
			position += n;
		}
		if (count % ENDS_BLOCK == 0) {
			ends.add(new int[ENDS_BLOCK]);
		}
		ends.get(count / ENDS_BLOCK)[count % ENDS_BLOCK] = position;
		count++;
	}

	private final class Handler extends DefaultHandler {

		private final long limit;

		private final StringBuilder text = new StringBuilder();

		private boolean inItem;

		private boolean inText;

		private boolean inPhonetic;

		Handler(long limit) {
			this.limit = limit;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes atts) {
			switch (localName) {
				case "si" -> {
					inItem = true;
					text.setLength(0);
				}
				case "t" -> inText = inItem && !inPhonetic;
				case "rPh" -> inPhonetic = true;
				default -> {
					// run properties, phonetic settings: nothing we keep
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			if (inText) {
				// each char is at least one byte of UTF-8: the string being read counts against the limit too
				if (heldBytes() + text.length() + length > limit) {
					throw new TooLarge();
				}
				text.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			switch (localName) {
				case "t" -> inText = false;
				case "rPh" -> inPhonetic = false;
				case "si" -> {
					inItem = false;
					byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
					if (heldBytes() + utf8.length + 4 > limit) {
						throw new TooLarge();
					}
					add(utf8);
				}
				default -> {
					// nothing to do
				}
			}
		}

	}

	/** Counts the XML read and stops at the limit, whatever the zip entry claims its size is. */
	private static final class Counting extends FilterInputStream {

		private final long limit;

		private long read;

		Counting(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			read += n;
			if (read > limit) {
				throw new IOException(new TooLarge());
			}
		}

	}

}
