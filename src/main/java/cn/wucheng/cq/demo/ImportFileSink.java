package cn.wucheng.cq.demo;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where {@link DemoBureau} writes the import lists. The generator opens the lists in import order (domains, units,
 * people, then cases, deductions and awards together: the last two are decided per case while cases stream, so those
 * three are open at the same time) and closes each when it is complete.
 */
public interface ImportFileSink {

	/** Opens a list; the sink writes its header row itself. */
	RowWriter open(ImportList list) throws IOException;

	/** Rows of one list, in order; cells as text, empty string for an empty cell. */
	interface RowWriter extends Closeable {

		void row(String... cells) throws IOException;

	}

}
