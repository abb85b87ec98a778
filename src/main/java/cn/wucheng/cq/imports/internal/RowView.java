package cn.wucheng.cq.imports.internal;

/** One data row of the file, read by column. */
final class RowView {

	private final int row;

	private final String[] cells;

	private final Header header;

	RowView(int row, String[] cells, Header header) {
		this.row = row;
		this.cells = cells;
		this.header = header;
	}

	/** The row number as the user sees it in Excel (header = 1). */
	int row() {
		return row;
	}

	boolean has(Column c) {
		return header.has(c);
	}

	/** The cleaned text of a column; empty when blank or when the file has no such column. */
	String text(Column c) {
		int i = header.position(c);
		return i < 0 || i >= cells.length ? "" : Text.clean(cells[i]);
	}

}
