package cn.wucheng.cq.imports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * .xlsx files built byte by byte with a raw ZipOutputStream, so that no giant file sits in git: a minimal workbook
 * (one sheet of a header and a row) whose {@code xl/sharedStrings.xml} is whatever the test gives, and a bomb whose
 * table unpacks to about 70 times the file — more than the shared-strings bound (10 times) allows, less than the zip
 * guard's 100 times, as the 20 MB upload of issue 11 that unpacked to 1 GB.
 */
public final class SharedStringsBomb {

	private SharedStringsBomb() {
	}

	/**
	 * A workbook whose shared-strings part is about {@code unpackedBytes} of XML: strings of 200 repeated characters
	 * and three random digits each, which deflate about 70 times.
	 */
	public static byte[] xlsx(long unpackedBytes) {
		// made once per size and JVM (issue 15): deflating 100 MB of XML cost about a second, and three tests asked
		return BOMBS.computeIfAbsent(unpackedBytes, SharedStringsBomb::bomb).clone();
	}

	private static final java.util.Map<Long, byte[]> BOMBS = new java.util.concurrent.ConcurrentHashMap<>();

	private static byte[] bomb(long unpackedBytes) {
		return workbook(SHEET, out -> {
			out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
				.getBytes(StandardCharsets.UTF_8));
			out.write(item("工号"));
			out.write(item("姓名"));
			Random random = new Random(11);
			byte[] filler = "案".repeat(66).getBytes(StandardCharsets.UTF_8);
			byte[] open = "<si><t>".getBytes(StandardCharsets.US_ASCII);
			byte[] close = "</t></si>".getBytes(StandardCharsets.US_ASCII);
			for (long written = 0; written < unpackedBytes; written += open.length + filler.length + 3 + close.length) {
				out.write(open);
				out.write(filler);
				out.write('0' + random.nextInt(10));
				out.write('0' + random.nextInt(10));
				out.write('0' + random.nextInt(10));
				out.write(close);
			}
			out.write("</sst>".getBytes(StandardCharsets.UTF_8));
		});
	}

	/** A workbook whose shared-strings part is exactly {@code sharedStrings}; its sheet refers to strings 0 and 1. */
	public static byte[] withSharedStrings(byte[] sharedStrings) {
		return workbook(SHEET, out -> out.write(sharedStrings));
	}

	/** A workbook of the given sheet XML and no shared strings but the two headers. */
	public static byte[] withSheet(String sheetXml) {
		return workbook(sheetXml, out -> out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
				+ "<si><t>工号</t></si><si><t>姓名</t></si></sst>").getBytes(StandardCharsets.UTF_8)));
	}

	private static final String SHEET = """
			<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
			<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
			<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>\
			</sheetData></worksheet>""";

	private static byte[] item(String text) {
		return ("<si><t>" + text + "</t></si>").getBytes(StandardCharsets.UTF_8);
	}

	@FunctionalInterface
	private interface Part {

		void write(OutputStream out) throws IOException;

	}

	private static byte[] workbook(String sheet, Part sharedStrings) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			entry(zip, "[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
					<Default Extension="xml" ContentType="application/xml"/>\
					<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
					<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
					<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
					</Types>""");
			entry(zip, "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
					</Relationships>""");
			entry(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
					xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>""");
			entry(zip, "xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
					<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
					</Relationships>""");
			entry(zip, "xl/worksheets/sheet1.xml", sheet);
			zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
			sharedStrings.write(zip);
			zip.closeEntry();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
