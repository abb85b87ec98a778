package cn.wucheng.cq.imports.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One bureau's rows of a province's file (issue 16 item 3), on disk while the file is split by its 所属执法局 column:
 * one line per row, the row's number in the original file first, then its cells, tab-separated with backslash escapes
 * (as PostgreSQL's COPY text). Read back it is a {@link TabularFile} whose row numbers are the original file's, so every
 * problem the list import reports points at the row the user sees in his own file.
 */
final class SpoolFile implements TabularFile {

	private final Path path;

	private final String description;

	SpoolFile(Path path, String description) {
		this.path = path;
		this.description = description;
	}

	Path path() {
		return path;
	}

	@Override
	public void read(RowConsumer consumer) throws UnreadableFileException {
		try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			String line;
			List<String> cells = new ArrayList<>();
			while ((line = in.readLine()) != null) {
				cells.clear();
				split(line, cells);
				int row = Integer.parseInt(cells.get(0));
				if (!consumer.accept(row, cells.subList(1, cells.size()).toArray(String[]::new))) {
					return;
				}
			}
		}
		catch (IOException e) {
			throw new UnreadableFileException(e, "imports.file.unreadable");
		}
	}

	/** The original file's description ("CSV（UTF-8）"), for the audit line. */
	@Override
	public String describe() {
		return description;
	}

	private static void split(String line, List<String> cells) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\t') {
				cells.add(b.toString());
				b.setLength(0);
			}
			else if (c == '\\' && i + 1 < line.length()) {
				char n = line.charAt(++i);
				b.append(switch (n) {
					case 't' -> '\t';
					case 'n' -> '\n';
					case 'r' -> '\r';
					default -> n;
				});
			}
			else {
				b.append(c);
			}
		}
		cells.add(b.toString());
	}

	/** Writes one bureau's rows; the header row first. */
	static final class Writer implements Closeable {

		private final BufferedWriter out;

		private int rows;

		Writer(Path path) throws IOException {
			this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
		}

		void row(int rowNumber, String[] cells) throws IOException {
			out.write(Integer.toString(rowNumber));
			for (String cell : cells) {
				out.write('\t');
				escape(cell == null ? "" : cell);
			}
			out.write('\n');
			rows++;
		}

		/** Rows written, the header included. */
		int rows() {
			return rows;
		}

		private void escape(String s) throws IOException {
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				switch (c) {
					case '\\' -> out.write("\\\\");
					case '\t' -> out.write("\\t");
					case '\n' -> out.write("\\n");
					case '\r' -> out.write("\\r");
					default -> out.write(c);
				}
			}
		}

		@Override
		public void close() throws IOException {
			out.close();
		}

	}

}
