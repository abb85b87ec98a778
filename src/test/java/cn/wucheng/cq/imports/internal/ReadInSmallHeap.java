package cn.wucheng.cq.imports.internal;

import java.nio.file.Path;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;

/**
 * Run in a JVM of its own with a small heap (XlsxFileTests): {@code reader FILE} reads the file with
 * {@link TabularFile} and prints "rows N" or "refused KEY"; {@code poi FILE} loads its shared strings the way the
 * reader did before issue 11 (POI's ReadOnlySharedStringsTable) and prints "strings N". Either prints
 * "OutOfMemoryError" when the heap was not enough.
 */
public final class ReadInSmallHeap {

	private ReadInSmallHeap() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[1]);
		try {
			if ("poi".equals(args[0])) {
				try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
					System.out.println("strings " + new ReadOnlySharedStringsTable(pkg).getCount());
				}
				return;
			}
			int[] rows = { 0 };
			TabularFile.open(file).read((row, cells) -> {
				rows[0]++;
				return true;
			});
			System.out.println("rows " + rows[0]);
		}
		catch (UnreadableFileException e) {
			System.out.println("refused " + e.messageKey());
		}
		catch (OutOfMemoryError e) {
			System.out.println("OutOfMemoryError");
		}
	}

}
