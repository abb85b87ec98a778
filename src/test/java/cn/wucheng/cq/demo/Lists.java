package cn.wucheng.cq.demo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The generated lists parsed back with commons-csv, rows as maps by header, for assertions in domain terms. */
record Lists(Map<String, Table> tables) {

	record Table(List<String> headers, List<Map<String, String>> rows) {

		Map<String, Map<String, String>> byKey(String column) {
			Map<String, Map<String, String>> m = new LinkedHashMap<>();
			rows.forEach(r -> m.put(r.get(column), r));
			return m;
		}

	}

	static Lists parse(Map<String, byte[]> files) {
		Map<String, Table> tables = new LinkedHashMap<>();
		files.forEach((key, bytes) -> tables.put(key, table(new String(bytes, StandardCharsets.UTF_8))));
		return new Lists(tables);
	}

	static Table table(String csv) {
		try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv))) {
			List<Map<String, String>> rows = new ArrayList<>();
			for (CSVRecord r : p) {
				if (!r.isConsistent()) {
					throw new IllegalStateException("row " + r.getRecordNumber() + " has " + r.size() + " cells");
				}
				rows.add(r.toMap());
			}
			return new Table(p.getHeaderNames(), rows);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	Table get(ImportList list) {
		return tables.get(list.key());
	}

	List<Map<String, String>> rows(ImportList list) {
		return get(list).rows();
	}

	static LocalDate date(String s) {
		return s == null || s.isEmpty() ? null : LocalDate.parse(s);
	}

}
