package cn.wucheng.cq.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.wucheng.cq.demo.internal.CsvRowWriter;

/**
 * Keeps each list as UTF-8 CSV bytes, for small specs (the county demo bureau is about 150 KB). Not for a province:
 * use {@link CsvDirectorySink}.
 */
public final class InMemorySink implements ImportFileSink {

	private final Map<ImportList, byte[]> files = new EnumMap<>(ImportList.class);

	@Override
	public RowWriter open(ImportList list) throws IOException {
		var bytes = new ByteArrayOutputStream();
		var rows = new CsvRowWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), list);
		return new RowWriter() {
			@Override
			public void row(String... cells) throws IOException {
				rows.row(cells);
			}

			@Override
			public void close() throws IOException {
				rows.close();
				files.put(list, bytes.toByteArray());
			}
		};
	}

	/** The closed lists keyed "domains", "units", "people", "cases", "deductions", "awards", in import order. */
	public Map<String, byte[]> files() {
		Map<String, byte[]> byKey = new LinkedHashMap<>();
		files.forEach((list, bytes) -> byKey.put(list.key(), bytes));
		return Collections.unmodifiableMap(byKey);
	}

	/** One closed list's bytes. */
	public byte[] bytes(ImportList list) {
		byte[] b = files.get(list);
		if (b == null) {
			throw new IllegalStateException(list.key() + " has not been written");
		}
		return b;
	}

}
