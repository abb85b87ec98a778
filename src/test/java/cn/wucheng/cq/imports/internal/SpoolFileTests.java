package cn.wucheng.cq.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 3: a bureau's rows of a split file come back as written, with the original file's row numbers. */
@Tag("nodb")
class SpoolFileTests {

	@TempDir
	Path dir;

	@Test
	void cellsComeBackAsWrittenWithTheOriginalRowNumbersTabsNewlinesAndBackslashesIncluded() throws Exception {
		Path path = dir.resolve("b.tsv");
		try (SpoolFile.Writer w = new SpoolFile.Writer(path)) {
			w.row(3, new String[] { "单位名称", "单位类型", "所属执法局" });
			w.row(7, new String[] { "甲\t一\n中队", "C:\\dir\\", "" });
			w.row(1_000_002, new String[] { "", "", "甲县综合行政执法局" });
			assertThat(w.rows()).isEqualTo(3);
		}
		List<Integer> rows = new ArrayList<>();
		List<String[]> cells = new ArrayList<>();
		SpoolFile spool = new SpoolFile(path, "CSV（UTF-8）");
		spool.read((row, c) -> {
			rows.add(row);
			cells.add(c);
			return true;
		});
		assertThat(rows).containsExactly(3, 7, 1_000_002);
		assertThat(cells.get(1)).containsExactly("甲\t一\n中队", "C:\\dir\\", "");
		assertThat(cells.get(2)).containsExactly("", "", "甲县综合行政执法局");
		assertThat(spool.describe()).isEqualTo("CSV（UTF-8）");
	}

	@Test
	void readingStopsWhenTheConsumerSaysSo() throws Exception {
		Path path = dir.resolve("s.tsv");
		try (SpoolFile.Writer w = new SpoolFile.Writer(path)) {
			w.row(1, new String[] { "a" });
			w.row(2, new String[] { "b" });
		}
		List<Integer> rows = new ArrayList<>();
		new SpoolFile(path, "").read((row, c) -> {
			rows.add(row);
			return false;
		});
		assertThat(rows).containsExactly(1);
	}

}
