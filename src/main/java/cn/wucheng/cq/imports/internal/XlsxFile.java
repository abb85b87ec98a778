package cn.wucheng.cq.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an .xlsx, streamed with POI's event API (XSSFReader + SAX): memory stays flat however many rows
 * the sheet has. Excel date cells become ISO dates, numbers plain text without ".0" (1001, 1.5, 13800138000).
 * POI's secure XML parser (no external entities) reads every part, and ZipSecureFile refuses zip bombs. What a part
 * may still make us hold is bounded: the shared-strings table by {@link XlsxLimits} (a bomb inside the zip guard's
 * limits once filled the heap, issue 11), a cell's text by Excel's own limit of {@value #MAX_CELL_CHARS} characters.
 */
final class XlsxFile implements TabularFile {

	static {
		// Zip-bomb guards: a part may not expand more than 100x nor beyond 1 GB (a million-row sheet is ~600 MB).
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(1L << 30);
	}

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final MathContext EXCEL_PRECISION = new MathContext(15);

	/** The most characters Excel and WPS put in one cell. */
	static final int MAX_CELL_CHARS = 32_767;

	private final Path file;

	private final XlsxLimits limits;

	XlsxFile(Path file, XlsxLimits limits) {
		this.file = file;
		this.limits = limits;
	}

	@Override
	public String describe() {
		return "Excel（.xlsx）";
	}

	@Override
	public void read(RowConsumer consumer) throws UnreadableFileException {
		OPCPackage pkg;
		try {
			pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
		}
		catch (Exception | LinkageError e) {
			throw corrupt(e);
		}
		try {
			XSSFReader reader = new XSSFReader(pkg);
			BoundedSharedStrings strings = sharedStrings(pkg);
			StylesTable styles = reader.getStylesTable();
			boolean date1904 = isDate1904(reader);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new UnreadableFileException("imports.file.corruptXlsx");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(new SheetHandler(strings, styles, date1904, consumer));
				xml.parse(new InputSource(sheet));
			}
		}
		catch (StopReading stop) {
			// the consumer has seen enough
		}
		catch (CellTooLong tooLong) {
			throw new UnreadableFileException(tooLong, "imports.file.cellTooLong", String.valueOf(tooLong.row),
					String.valueOf(MAX_CELL_CHARS));
		}
		catch (ConsumerFailure failure) {
			// not the file's fault (e.g. the database): let it through unchanged
			throw failure.getCause();
		}
		catch (UnreadableFileException e) {
			throw e;
		}
		catch (Exception | LinkageError e) {
			throw corrupt(e);
		}
		finally {
			pkg.revert();
		}
	}

	/**
	 * The shared-strings part within its bound, or an {@link UnreadableFileException} naming the bound. The bound is
	 * checked on the XML actually inflated, not on the size the zip entry declares.
	 */
	private BoundedSharedStrings sharedStrings(OPCPackage pkg) throws Exception {
		List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		if (parts.isEmpty()) {
			return BoundedSharedStrings.EMPTY; // inline strings only, as SXSSF writes large sheets
		}
		long limit = limits.sharedStringsBytes(Files.size(file));
		try (InputStream in = parts.get(0).getInputStream()) {
			return BoundedSharedStrings.read(in, limit);
		}
		catch (IOException | SAXException e) {
			for (Throwable t = e; t != null; t = t.getCause()) {
				if (t instanceof BoundedSharedStrings.TooLarge) {
					throw new UnreadableFileException(e, "imports.file.sharedStringsTooLarge",
							XlsxLimits.megabytes(limit), String.valueOf(limits.ratio()), XlsxLimits.megabytes(limits.maxBytes()));
				}
			}
			throw e;
		}
	}

	private static UnreadableFileException corrupt(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			String m = t.getMessage();
			if (m != null && (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("max size"))) {
				return new UnreadableFileException(e, "imports.file.zipBomb");
			}
		}
		return new UnreadableFileException(e, "imports.file.corruptXlsx");
	}

	private static boolean isDate1904(XSSFReader reader) throws Exception {
		boolean[] result = new boolean[1];
		try (InputStream workbook = reader.getWorkbookData()) {
			XMLReader xml = XMLHelper.newXMLReader();
			xml.setContentHandler(new DefaultHandler() {
				@Override
				public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
					if ("workbookPr".equals(localName)) {
						String v = atts.getValue("date1904");
						result[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
					}
					else if ("sheets".equals(localName)) {
						throw new StopReading();
					}
				}
			});
			try {
				xml.parse(new InputSource(workbook));
			}
			catch (StopReading done) {
				// workbookPr comes before sheets
			}
		}
		return result[0];
	}

	/** Ends a SAX parse early without an error. */
	static final class StopReading extends SAXException {

		StopReading() {
			super("stop");
		}

	}

	/** A cell longer than Excel allows: no spreadsheet program wrote it, and holding it has no bound. */
	static final class CellTooLong extends SAXException {

		private final int row;

		CellTooLong(int row) {
			super("cell too long in row " + row);
			this.row = row;
		}

	}

	/** Carries an exception of the row consumer through the SAX parser. */
	static final class ConsumerFailure extends SAXException {

		private final RuntimeException cause;

		ConsumerFailure(RuntimeException cause) {
			super(cause);
			this.cause = cause;
		}

		@Override
		public synchronized RuntimeException getCause() {
			return cause;
		}

	}

	/** Number as Excel shows it in a General cell: 15 significant digits, no trailing zeros, no exponent. */
	static String plainNumber(String raw) {
		try {
			BigDecimal d = new BigDecimal(raw.trim()).round(EXCEL_PRECISION).stripTrailingZeros();
			return d.signum() == 0 ? "0" : d.toPlainString();
		}
		catch (NumberFormatException e) {
			return raw;
		}
	}

	/** The text of one sheet's rows, cell by cell; sparse rows and cells are placed by their references. */
	private static final class SheetHandler extends DefaultHandler {

		private final BoundedSharedStrings strings;

		private final StylesTable styles;

		private final boolean date1904;

		private final RowConsumer consumer;

		private final Map<Integer, Boolean> dateStyles = new HashMap<>();

		private final Map<String, String> dates = new HashMap<>();

		private final StringBuilder text = new StringBuilder();

		private List<String> cells = new ArrayList<>();

		private int rowNumber;

		private int column;

		private String type;

		private String style;

		private boolean inValue;

		private boolean inInline;

		private boolean inText;

		private boolean inPhonetic;

		SheetHandler(BoundedSharedStrings strings, StylesTable styles, boolean date1904, RowConsumer consumer) {
			this.strings = strings;
			this.styles = styles;
			this.date1904 = date1904;
			this.consumer = consumer;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes atts) {
			switch (localName) {
				case "row" -> {
					String r = atts.getValue("r");
					rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
					cells = new ArrayList<>();
					column = -1;
				}
				case "c" -> {
					String ref = atts.getValue("r");
					column = ref != null ? columnIndex(ref) : column + 1;
					type = atts.getValue("t");
					style = atts.getValue("s");
					text.setLength(0);
				}
				case "v" -> inValue = true;
				case "is" -> inInline = true;
				case "t" -> inText = inInline && !inPhonetic;
				case "rPh" -> inPhonetic = true;
				default -> {
					// other elements (formulas, formats) carry nothing we read
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			if (inValue || inText) {
				if (text.length() + length > MAX_CELL_CHARS) {
					throw new CellTooLong(rowNumber);
				}
				text.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			switch (localName) {
				case "v" -> inValue = false;
				case "t" -> inText = false;
				case "rPh" -> inPhonetic = false;
				case "is" -> inInline = false;
				case "c" -> {
					while (cells.size() <= column) {
						cells.add("");
					}
					cells.set(column, cellText());
				}
				case "row" -> {
					boolean more;
					try {
						more = consumer.accept(rowNumber, cells.toArray(String[]::new));
					}
					catch (RuntimeException e) {
						throw new ConsumerFailure(e);
					}
					if (!more) {
						throw new StopReading();
					}
				}
				default -> {
					// nothing to do
				}
			}
		}

		private String cellText() {
			String raw = text.toString();
			if (type == null || "n".equals(type)) {
				if (raw.isBlank()) {
					return "";
				}
				if (isDateStyle()) {
					return dateText(raw);
				}
				return plainNumber(raw);
			}
			return switch (type) {
				case "s" -> {
					String shared;
					try {
						shared = strings.get(Integer.parseInt(raw.trim()));
					}
					catch (NumberFormatException e) {
						shared = null;
					}
					yield shared == null ? "" : shared;
				}
				case "b" -> "1".equals(raw.trim()) ? "TRUE" : "FALSE";
				case "d" -> raw.endsWith("T00:00:00") || raw.endsWith("T00:00:00Z") ? raw.substring(0, 10) : raw;
				default -> raw; // inlineStr, str (formula result), e (error text such as #N/A)
			};
		}

		/** A date cell as text; the few hundred distinct days of a sheet are converted once each. */
		private String dateText(String raw) {
			String known = dates.get(raw);
			if (known != null) {
				return known;
			}
			String t;
			try {
				LocalDateTime d = DateUtil.getLocalDateTime(Double.parseDouble(raw), date1904);
				t = d.toLocalTime().toSecondOfDay() == 0 ? d.toLocalDate().toString() : d.format(DATE_TIME);
			}
			catch (RuntimeException e) {
				t = plainNumber(raw);
			}
			if (dates.size() < 10_000) {
				dates.put(raw, t);
			}
			return t;
		}

		private boolean isDateStyle() {
			if (style == null || styles == null) {
				return false;
			}
			int index;
			try {
				index = Integer.parseInt(style);
			}
			catch (NumberFormatException e) {
				return false;
			}
			return dateStyles.computeIfAbsent(index, i -> {
				try {
					XSSFCellStyle s = styles.getStyleAt(i);
					if (s == null) {
						return false;
					}
					int id = s.getDataFormat();
					return DateUtil.isADateFormat(id, s.getDataFormatString()) || isEastAsianDateFormat(id);
				}
				catch (RuntimeException e) {
					return false;
				}
			});
		}

		/** Built-in date formats of Chinese-locale Excel/WPS (27–31, 36, 50–58) that POI does not know by id. */
		private static boolean isEastAsianDateFormat(int id) {
			return id >= 27 && id <= 31 || id == 36 || id >= 50 && id <= 58;
		}

		private static int columnIndex(String ref) {
			int col = 0;
			for (int i = 0; i < ref.length(); i++) {
				char c = ref.charAt(i);
				if (c >= 'A' && c <= 'Z') {
					col = col * 26 + (c - 'A' + 1);
				}
				else if (c >= 'a' && c <= 'z') {
					col = col * 26 + (c - 'a' + 1);
				}
				else {
					break;
				}
			}
			return col - 1;
		}

	}

}
