package cn.wucheng.cq.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.wucheng.cq.demo.internal.Catalogue;

/**
 * Issue 16 item 3: {@code GenerateBureau --split-bureaus} writes a province as its bureaus — every list with the column
 * 所属执法局, each bureau with its own domain catalogue, unit names and 工号 — and bureaus.csv to create them from.
 */
@Tag("nodb")
class SplitBureausCommandTests {

	@TempDir
	Path dir;

	private List<CSVRecord> read(String file) throws IOException {
		try (Reader in = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.parse(in)) {
			return parser.getRecords();
		}
	}

	@Test
	void aSplitProvinceHasTheBureauColumnInEveryListAndTheBureausToCreate() throws IOException {
		var err = new ByteArrayOutputStream();
		int status = GenerateBureau.run(
				new String[] { "--size", "province", "--bureaus", "3", "--cases", "40", "--split-bureaus", "--out",
						dir.toString() },
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();

		List<CSVRecord> bureaus = read("bureaus.csv");
		assertThat(bureaus.get(0).values()).containsExactly("code", "name", "city");
		assertThat(bureaus).hasSize(4);
		assertThat(bureaus.get(1).values()).containsExactly("B001", "婺城区综合行政执法局", "金华市");
		Set<String> names = new HashSet<>(bureaus.subList(1, 4).stream().map(r -> r.get(1)).toList());
		assertThat(names).hasSize(3);

		for (ImportList list : ImportList.values()) {
			List<CSVRecord> rows = read(list.csvFileName());
			assertThat(rows.get(0).get(rows.get(0).size() - 1)).as(list.key()).isEqualTo("所属执法局");
			assertThat(rows.subList(1, rows.size())).as(list.key())
				.allMatch(r -> names.contains(r.get(r.size() - 1)) && r.size() == list.headers().size() + 1);
		}
		assertThat(read("domains.csv")).hasSize(1 + 3 * Catalogue.DOMAINS.size());
		// each bureau's own unit names and 工号 (they repeat across bureaus); case numbers carry the bureau's code
		List<CSVRecord> units = read("units.csv");
		assertThat(units.stream().filter(r -> r.get(0).equals("直属一中队")).count()).isEqualTo(3);
		List<CSVRecord> people = read("people.csv");
		assertThat(people.stream().filter(r -> r.get(0).equals("ZF0001")).count()).isEqualTo(3);
		List<CSVRecord> cases = read("cases.csv");
		assertThat(cases).hasSize(1 + 3 * 40);
		assertThat(new HashSet<>(cases.stream().map(r -> r.get(0)).toList())).hasSize(1 + 3 * 40);
	}

	@Test
	void withoutTheOptionAProvinceIsStillOneOrganisationWithoutTheColumn() throws IOException {
		int status = GenerateBureau.run(
				new String[] { "--size", "province", "--bureaus", "2", "--cases", "10", "--out", dir.toString() },
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		assertThat(status).isZero();
		assertThat(read("units.csv").get(0).values()).doesNotContain("所属执法局");
		assertThat(dir.resolve("bureaus.csv")).doesNotExist();
		assertThat(read("units.csv").stream().filter(r -> r.get(0).equals("B001直属一中队")).count()).isEqualTo(1);
	}

}
