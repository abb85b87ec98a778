package cn.wucheng.cq.imports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of an .xlsx's shared-strings table (the text of its cells, {@code xl/sharedStrings.xml}) the reader will
 * hold in memory: at most {@code ratio} times the file's size and never more than {@code maxBytes} (settings
 * {@code cq.imports.xlsx.max-shared-strings-ratio} and {@code -size}). Measured on the 200,000 cases of the bench
 * written as Excel writes them, the part unpacks to 1.98 times the file (21.8 MB of 11.0 MB) and the other lists to
 * 0.9–1.5 times, so 10 leaves room for real workbooks; a bomb that unpacks 50 times (20 MB to 1 GB, inside the zip
 * guard) is refused after reading its first 128 MB instead of filling the heap.
 */
record XlsxLimits(long maxBytes, int ratio) {

	/** A small file may always hold this much text, whatever its ratio: the memory is trivial. */
	static final long FLOOR = 1L << 20;

	static final XlsxLimits DEFAULT = new XlsxLimits(128L << 20, 10);

	XlsxLimits {
		// positions inside the table are ints (BoundedSharedStrings)
		if (maxBytes < FLOOR || maxBytes > 1L << 30) {
			throw new IllegalArgumentException("cq.imports.xlsx.max-shared-strings-size must be 1MB to 1GB: " + maxBytes);
		}
		if (ratio < 1) {
			throw new IllegalArgumentException("cq.imports.xlsx.max-shared-strings-ratio must be at least 1: " + ratio);
		}
	}

	/** The bound for a file of {@code fileSize} bytes. */
	long sharedStringsBytes(long fileSize) {
		return Math.min(maxBytes, Math.max(FLOOR, fileSize * ratio));
	}

	/** A size as the messages show it, e.g. "12.5 MB". */
	static String megabytes(long bytes) {
		return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << 20), 1, RoundingMode.HALF_UP) + " MB";
	}

}
