package cn.wucheng.cq.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportProblem;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.imports.Imports;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * Fuzz tests of each list's row checks (Jazzer): the fuzzed bytes are the rows of a CSV below the list's correct
 * header, imported into a bureau that already holds the small example (so codes, units and people can match). Every
 * outcome is an {@link ImportResult}: imported, or rejected / unreadable with Chinese problems that say where (row
 * and column for a row's problem) — an exception is a crash. Saved inputs (seeds and crashes) under
 * {@code src/test/resources/cn/wucheng/cq/imports/internal/ImportFuzzTestsInputs/<method>/} replay in every build
 * (tag {@code fuzz}: Surefire's execution "fuzz", a JVM of its own, on the embedded PostgreSQL).
 */
@Tag("fuzz")
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=faults-fuzz")
class ImportFuzzTests {

	@Autowired
	Imports imports;

	@Autowired
	ImportEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Refusals messages;

	@BeforeEach
	void theExampleBureauIsThere() {
		if (jdbc.sql("select count(*) from case_file").query(Long.class).single() > 0) {
			return;
		}
		jdbc.sql("delete from domain").update();
		for (ImportKind kind : ImportKind.values()) {
			ImportResult result = imports.importFile(kind, kind.path() + ".csv", new ByteArrayInputStream(example(kind)));
			assertThat(result.imported()).as(kind + " " + result.errors()).isTrue();
		}
	}

	@FuzzTest(maxDuration = "3m")
	void anyDomainRowsAreImportedOrRefusedWithRowAndColumn(byte[] rows) {
		importRows(ImportKind.DOMAINS, rows);
	}

	@FuzzTest(maxDuration = "3m")
	void anyUnitRowsAreImportedOrRefusedWithRowAndColumn(byte[] rows) {
		importRows(ImportKind.UNITS, rows);
	}

	@FuzzTest(maxDuration = "3m")
	void anyPersonRowsAreImportedOrRefusedWithRowAndColumn(byte[] rows) {
		importRows(ImportKind.PEOPLE, rows);
	}

	@FuzzTest(maxDuration = "3m")
	void anyCaseRowsAreImportedOrRefusedWithRowAndColumn(byte[] rows) {
		importRows(ImportKind.CASES, rows);
	}

	@FuzzTest(maxDuration = "3m")
	void anyDeductionRowsAreImportedOrRefusedWithRowAndColumn(byte[] rows) {
		importRows(ImportKind.DEDUCTIONS, rows);
	}

	@FuzzTest(maxDuration = "3m")
	void anyAwardRowsAreImportedOrRefusedWithRowAndColumn(byte[] rows) {
		importRows(ImportKind.AWARDS, rows);
	}

	private void importRows(ImportKind kind, byte[] rows) {
		String header = engine.columns(kind).stream().map(Column::header).collect(Collectors.joining(",")) + "\n";
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(header.getBytes(StandardCharsets.UTF_8));
		file.writeBytes(rows);
		ImportResult result = imports.importFile(kind, "fuzz.csv", new ByteArrayInputStream(file.toByteArray()));
		assertThat(result.status()).isNotNull();
		if (result.imported()) {
			assertThat(result.errors()).isEmpty();
			return;
		}
		assertThat(result.errors()).as("a refused file says why").isNotEmpty();
		String databaseRefused = messages.message("imports.error.database");
		String more = messages.message("imports.error.more", "", "").substring(0, 2);
		for (ImportProblem problem : result.errors()) {
			assertThat(problem.message()).as(problem.toString()).matches("(?s).*\\p{IsHan}.*");
			assertThat(problem.message()).as("the checks, not the database, refuse bad rows").isNotEqualTo(databaseRefused);
			if (result.status() == ImportResult.Status.UNREADABLE
					|| (problem.row() == null && problem.message().startsWith(more))) {
				continue;
			}
			assertThat(problem.row()).as("the row of " + problem).isNotNull().isPositive();
			assertThat(problem.column()).as("the column of " + problem).isNotBlank();
		}
	}

	static byte[] example(ImportKind kind) {
		try (InputStream in = ImportFuzzTests.class.getResourceAsStream("/examples/small/" + kind.path() + ".csv")) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
