package cn.wucheng.cq.imports.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wucheng.cq.imports.ImportKind;

/**
 * Imports one list of IMPORT.md. The engine hands it the file's rows one by one ({@link #parse}: check the row on its
 * own and against lookups loaded once in {@link #prepare}) and then in chunks ({@link #flush}: resolve what needs
 * the database per chunk, compare with what is stored, write with set-based batches while the file has no error).
 *
 * @param <R> a valid row, typed
 */
abstract class ListImporter<R extends ListImporter.Parsed> {

	/** A row that passed {@link #parse}. */
	interface Parsed {

		int row();

	}

	protected final ImportRun run;

	protected Header header;

	ListImporter(ImportRun run) {
		this.run = run;
	}

	abstract ImportKind kind();

	/** All columns, required first, in the order of the template. */
	abstract List<Column> columns();

	/** The columns of the template's data sheet: all but those standing in for others, which would compete. */
	List<Column> templateColumns() {
		return columns();
	}

	/** The columns that identify a record (IMPORT.md: key). */
	abstract List<Column> keyColumns();

	/** The required columns a header lacks; a list may accept other columns for some (issue 14: 承办人). */
	List<Column> missing(Header h) {
		return columns().stream().filter(c -> c.required() && !h.has(c)).toList();
	}

	/** Loads the lookups every row needs, once. */
	void prepare() {
	}

	void onHeader(Header header) {
		this.header = header;
	}

	/** Checks one row; records every problem of it and answers null if there was any. */
	abstract R parse(RowView row);

	/** Resolves, compares and (while {@link ImportRun#writing()}) writes a chunk of valid rows. */
	abstract void flush(List<R> chunk);

	/**
	 * Completes what {@link #flush} left under way (a COPY still streaming), so that the connection may run another
	 * statement; the next {@link #flush} goes on as usual.
	 */
	void settle() {
	}

	/** After the last chunk: completes what {@link #flush} left under way (a COPY still streaming). */
	void finish() {
	}

	/** Always, after the file was read, also when reading failed: releases what {@link #flush} left open. */
	void close() {
	}

	/** The identity of the row for duplicate detection, or null while a key cell is blank (reported by parse). */
	String key(RowView row) {
		StringBuilder b = new StringBuilder();
		for (Column c : keyColumns()) {
			String v = keyPart(row, c);
			if (v.isEmpty()) {
				return null;
			}
			b.append(v).append('\u0001');
		}
		return b.toString();
	}

	/** The key as the user reads it: "WCZF-2024-00001" or "WCZF-2024-00001 / PC03 / 2024-08-11". */
	String keyText(RowView row) {
		return keyColumns().stream().map(c -> keyPart(row, c)).collect(Collectors.joining(" / "));
	}

	/** One part of the key, normalised so that 2024/8/11 and 2024-08-11 are the same date. */
	protected String keyPart(RowView row, Column c) {
		return row.text(c);
	}

	protected boolean has(Column c) {
		return header != null && header.has(c);
	}

	// --- cell parsing: each records its problem and answers null ------------------------------------------------

	protected String required(RowView r, Column c) {
		String v = r.text(c);
		if (v.isEmpty()) {
			run.error(r.row(), c, "imports.error.required", c.header());
			return null;
		}
		return checkLength(r, c, v);
	}

	protected String optional(RowView r, Column c) {
		String v = r.text(c);
		return v.isEmpty() ? null : checkLength(r, c, v);
	}

	private String checkLength(RowView r, Column c, String v) {
		int length = v.codePointCount(0, v.length());
		if (c.maxLength() > 0 && length > c.maxLength()) {
			run.error(r.row(), c, "imports.error.tooLong", c.maxLength(), length);
			return null;
		}
		return v;
	}

	/** A date of a required or optional column (an empty optional date is null without error). */
	protected LocalDate date(RowView r, Column c) {
		String v = r.text(c);
		if (v.isEmpty()) {
			if (c.required()) {
				run.error(r.row(), c, "imports.error.required", c.header());
			}
			return null;
		}
		Optional<LocalDate> d = DateText.parse(v);
		if (d.isEmpty()) {
			run.error(r.row(), c, "imports.error.date", v);
			return null;
		}
		return d.get();
	}

	/** One of the allowed values of the column (its Chinese label). */
	protected <E> E choice(RowView r, Column c, Function<String, Optional<E>> parse) {
		String v = r.text(c);
		if (v.isEmpty()) {
			run.error(r.row(), c, "imports.error.required", c.header());
			return null;
		}
		Optional<E> e = parse.apply(v);
		if (e.isEmpty()) {
			run.error(r.row(), c, "imports.error.choice", c.header(), v, String.join("、", c.choices()));
			return null;
		}
		return e.get();
	}

	/** Points of a deduction: greater than 0, at most two decimals (R-21, R-24: exact decimals). */
	protected BigDecimal points(RowView r, Column c) {
		String v = r.text(c);
		if (v.isEmpty()) {
			run.error(r.row(), c, "imports.error.required", c.header());
			return null;
		}
		try {
			BigDecimal d = new BigDecimal(v.replace('。', '.').replace('．', '.'));
			if (d.signum() <= 0 || d.stripTrailingZeros().scale() > 2 || d.compareTo(new BigDecimal("999999")) > 0) {
				throw new NumberFormatException();
			}
			return d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros();
		}
		catch (NumberFormatException e) {
			run.error(r.row(), c, "imports.error.points", v);
			return null;
		}
	}

	// --- database helpers ---------------------------------------------------------------------------------------

	/** name → id of a whole (small) table. */
	protected Map<String, Long> idsByName(String sql) {
		Map<String, Long> map = new HashMap<>();
		run.jdbc.sql(sql).query((ResultSet rs) -> {
			map.put(rs.getString(2), rs.getLong(1));
		});
		return map;
	}

	protected static Map<Long, String> invert(Map<String, Long> map) {
		Map<Long, String> inverse = new HashMap<>();
		map.forEach((k, v) -> inverse.put(v, k));
		return inverse;
	}

	/** Runs a query with an IN list over the chunk's keys (one query per chunk, never one per row). */
	protected <T> List<T> queryIn(String sql, Collection<?> keys, RowMapper<T> mapper) {
		if (keys.isEmpty()) {
			return new ArrayList<>();
		}
		return run.jdbc.sql(sql).param("keys", List.copyOf(keys)).query((rs, i) -> mapper.map(rs)).list();
	}

	@FunctionalInterface
	protected interface RowMapper<T> {

		T map(ResultSet rs) throws SQLException;

	}

	protected static LocalDate localDate(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	protected static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

}
