package cn.wucheng.cq.imports.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The top of a file as the mapping step shows it (issue 14 item 2): its header row (found as the import finds it,
 * below title rows), the file's own headers, the first data rows, and which of the list's columns the headers
 * already name (by header or alias) and which they lack.
 *
 * @param headerRow the header's row number as the user sees it in the file
 * @param headers the file's non-blank headers in file order, as written (spaces at the ends removed), each once
 * @param preview up to {@link #PREVIEW_ROWS} data rows, one cell per header of {@code headers}
 * @param matched column (header of IMPORT.md) → file header, for the columns found without a mapping
 * @param missing required columns the headers do not name
 * @param ambiguous columns two or more headers claim
 */
public record FileHeaders(int headerRow, List<String> headers, List<List<String>> preview,
		Map<String, String> matched, List<Column> missing, List<Column> ambiguous) {

	static final int PREVIEW_ROWS = 5;

	/** Whether the file imports without a mapping: every required column found, none twice. */
	public boolean complete() {
		return missing.isEmpty() && ambiguous.isEmpty();
	}

	/** The headers' set, normalised, sorted, one per line: a saved mapping is offered for files with the same. */
	public String key() {
		return key(headers);
	}

	static String key(List<String> headers) {
		TreeSet<String> set = new TreeSet<>();
		for (String h : headers) {
			String n = Header.normalize(h);
			if (!n.isEmpty()) {
				set.add(n);
			}
		}
		return String.join("\n", set);
	}

	/** Reads the header and the first data rows; the rest of the file is not read. */
	static FileHeaders read(TabularFile table, List<Column> columns, Function<Header, List<Column>> missingOf)
			throws UnreadableFileException {
		Scan scan = new Scan(columns, missingOf);
		table.read(scan);
		if (scan.header == null) {
			scan.settleOnBest();
		}
		if (scan.header == null) {
			throw new UnreadableFileException("imports.file.noHeader");
		}
		Header header = scan.header;
		List<Integer> positions = new ArrayList<>();
		LinkedHashSet<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < scan.cells.length; i++) {
			String h = scan.cells[i] == null ? "" : scan.cells[i].strip();
			if (!h.isEmpty() && seen.add(h)) {
				positions.add(i);
			}
		}
		List<List<String>> preview = new ArrayList<>();
		for (String[] row : scan.rows) {
			List<String> cells = new ArrayList<>();
			for (int p : positions) {
				cells.add(p < row.length && row[p] != null ? Text.clean(row[p]) : "");
			}
			preview.add(cells);
		}
		Map<String, String> matched = new LinkedHashMap<>();
		for (Column c : columns) {
			if (header.has(c)) {
				matched.put(c.header(), scan.cells[header.position(c)].strip());
			}
		}
		return new FileHeaders(header.row(), List.copyOf(seen), List.copyOf(preview), matched,
				missingOf.apply(header), List.copyOf(header.ambiguous().keySet()));
	}

	/** The import's own way to find the header, then up to {@link #PREVIEW_ROWS} rows below it. */
	private static final class Scan implements TabularFile.RowConsumer {

		private final List<Column> columns;

		private final Function<Header, List<Column>> missingOf;

		Header header;

		String[] cells;

		Header best;

		String[] bestCells;

		private int bestFilled;

		private final List<Looked> looked = new ArrayList<>();

		private record Looked(int row, String[] cells) {
		}

		final List<String[]> rows = new ArrayList<>();

		Scan(List<Column> columns, Function<Header, List<Column>> missingOf) {
			this.columns = columns;
			this.missingOf = missingOf;
		}

		@Override
		public boolean accept(int rowNumber, String[] row) {
			if (Text.isBlank(row)) {
				return true;
			}
			if (header != null) {
				rows.add(row.clone());
				return rows.size() < PREVIEW_ROWS;
			}
			Header candidate = Header.of(rowNumber, row, columns);
			if (missingOf.apply(candidate).isEmpty()) {
				header = candidate;
				cells = row.clone();
				return true;
			}
			// the row naming the most required columns; among equals the fullest (a header, not a merged title)
			int filled = filled(row);
			if (best == null || missingOf.apply(candidate).size() < missingOf.apply(best).size()
					|| missingOf.apply(candidate).size() == missingOf.apply(best).size() && filled > bestFilled) {
				best = candidate;
				bestCells = row.clone();
				bestFilled = filled;
			}
			looked.add(new Looked(rowNumber, row.clone()));
			if (looked.size() < Header.SEARCH_ROWS) {
				return true;
			}
			settleOnBest();
			return rows.size() < PREVIEW_ROWS;
		}

		/** No row named every required column: the best one is the header, the rows looked at below it data. */
		void settleOnBest() {
			header = best;
			cells = bestCells;
			if (best == null) {
				return;
			}
			for (Looked l : looked) {
				if (l.row > best.row() && rows.size() < PREVIEW_ROWS) {
					rows.add(l.cells);
				}
			}
		}

		private static int filled(String[] row) {
			int n = 0;
			for (String c : row) {
				if (c != null && !c.isBlank()) {
					n++;
				}
			}
			return n;
		}

	}

}
