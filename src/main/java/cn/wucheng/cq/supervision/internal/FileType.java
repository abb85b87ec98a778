package cn.wucheng.cq.supervision.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.wucheng.cq.shared.BundledText;

/**
 * The evidence files accepted: photos, PDF, Word and Excel documents — recognised by their content (magic
 * bytes), not by their name. A .docx/.xlsx is a ZIP whose entries include {@code word/document.xml} /
 * {@code xl/workbook.xml}; a ZIP without them (or any other content: HTML, scripts, executables) is none of these.
 */
public enum FileType {

	JPEG("image/jpeg", "jpg", "jpeg"),
	PNG("image/png", "png"),
	PDF("application/pdf", "pdf"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 0x03, 0x04 };

	/** Entries read at most to tell a .docx from an .xlsx (a document lists its main part among the first few). */
	private static final int MAX_ENTRIES = 2000;

	private final String mediaType;

	private final List<String> extensions;

	FileType(String mediaType, String... extensions) {
		this.mediaType = mediaType;
		this.extensions = List.of(extensions);
	}

	/** The kind of file as users read it (messages-supervision.properties, supervision.fileType.*). */
	public String label() {
		return BundledText.of("messages-supervision", "supervision.fileType." + name());
	}

	public String mediaType() {
		return mediaType;
	}

	List<String> extensions() {
		return extensions;
	}

	public boolean isPhoto() {
		return this == JPEG || this == PNG;
	}

	/** The type the content is, whatever the file is called; empty when it is none of the accepted types. */
	static Optional<FileType> detect(byte[] content) {
		if (startsWith(content, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(content, PDF_MAGIC)) {
			return Optional.of(PDF);
		}
		if (startsWith(content, ZIP_MAGIC)) {
			return office(content);
		}
		return Optional.empty();
	}

	/** The type a file name's extension claims, if any. */
	static Optional<FileType> ofName(String name) {
		if (name == null) {
			return Optional.empty();
		}
		int dot = name.lastIndexOf('.');
		String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
		return Arrays.stream(values()).filter(t -> t.extensions.contains(ext)).findFirst();
	}

	private static Optional<FileType> office(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry e;
			int n = 0;
			while ((e = zip.getNextEntry()) != null && n++ < MAX_ENTRIES) {
				if (e.getName().equals("word/document.xml")) {
					return Optional.of(DOCX);
				}
				if (e.getName().equals("xl/workbook.xml")) {
					return Optional.of(XLSX);
				}
			}
		}
		catch (IOException | IllegalArgumentException e) {
			// not a readable ZIP: none of ours
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
