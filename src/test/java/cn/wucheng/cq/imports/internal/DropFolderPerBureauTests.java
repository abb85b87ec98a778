package cn.wucheng.cq.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.FileSystemUtils;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.bureau.BureauDirectory;
import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.imports.ImportHistory;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * The drop folder of an installation of several bureaus (issue 16): each bureau's inbox is the subfolder named by its
 * code, its files imported within that bureau; a file in the folder itself belongs to no bureau and imports nothing.
 * Runs in the context of the split import's tests (it has several bureaus already); the drop folder is made here over
 * a temporary directory, polled directly.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=split")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class DropFolderPerBureauTests {

	static final String UNITS = "单位名称,单位类型\n";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportEngine engine;

	@Autowired
	Refusals refusals;

	@Autowired
	AuditLog audit;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ImportHistory history;

	@Autowired
	BureauDirectory bureaus;

	Path inbox;

	DropFolder dropFolder;

	static long ding;

	static long wu;

	@BeforeEach
	void twoBureausOfTheirOwnAndAnEmptyInbox() throws IOException {
		if (ding == 0) {
			ding = bureau("df-ding", "丁县综合行政执法局");
			wu = bureau("df-wu", "戊县综合行政执法局");
		}
		inbox = Files.createTempDirectory("cq-drop-bureaus");
		dropFolder = new DropFolder(inbox.toString(), Duration.ofSeconds(2), engine, refusals, audit, transactions,
				history, bureaus, Clock.systemUTC());
	}

	@AfterEach
	void removeTheInbox() throws IOException {
		FileSystemUtils.deleteRecursively(inbox);
	}

	private long bureau(String code, String name) {
		jdbc.sql("insert into bureau (code, name, city) values (?, ?, '衢州市')").params(code, name).update();
		return jdbc.sql("select id from bureau where code = ?").param(code).query(Long.class).single();
	}

	@Test
	void eachBureausFilesAreImportedWithinThatBureauFromItsOwnSubfolder() throws IOException {
		drop("df-ding", "单位-丁.csv", UNITS + "丁县投递一中队,一类中队\n");
		drop("df-wu", "单位-戊.csv", UNITS + "戊县投递一中队,直属中队\n戊县投递二中队,二类中队\n");

		List<DropFolder.Handled> handled = dropFolder.poll();

		assertThat(handled).extracting(DropFolder.Handled::movedTo)
			.anySatisfy(m -> assertThat(m).startsWith("df-ding/done/").endsWith("单位-丁.csv"))
			.anySatisfy(m -> assertThat(m).startsWith("df-wu/done/").endsWith("单位-戊.csv"));
		assertThat(handled).extracting(DropFolder.Handled::status).containsOnly(ImportResult.Status.IMPORTED);
		assertThat(units(ding)).containsExactly("丁县投递一中队");
		assertThat(units(wu)).containsExactly("戊县投递一中队", "戊县投递二中队");
		assertThat(files("df-ding/done")).anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".result.txt"));
		// each bureau's history and audit log have their own file, and only theirs
		assertThat(Bureaus.runAs(ding, () -> jdbc.sql("select file_name from import_history where source = 'INBOX'")
			.query(String.class)
			.list())).containsExactly("单位-丁.csv");
		assertThat(Bureaus.runAs(wu, () -> jdbc.sql("select entity_key from audit_log where action = 'DROP_FOLDER_IMPORT'")
			.query(String.class)
			.list())).singleElement().satisfies(k -> assertThat(k).startsWith("df-wu/done/"));
	}

	@Test
	void everyBureauGetsItsInboxAtTheFirstPoll() {
		dropFolder.poll();

		assertThat(inbox.resolve("df-ding")).isDirectory();
		assertThat(inbox.resolve("df-wu")).isDirectory();
		assertThat(inbox.resolve("main")).isDirectory();
	}

	@Test
	void aFileInTheFolderItselfBelongsToNoBureauSoItGoesToFailedNamingTheSubfoldersAndImportsNothing()
			throws IOException {
		drop("", "单位-无局.csv", UNITS + "无局投递中队,一类中队\n");

		List<DropFolder.Handled> handled = dropFolder.poll();

		assertThat(handled).singleElement().satisfies(h -> {
			assertThat(h.kind()).isEqualTo(ImportKind.UNITS);
			assertThat(h.status()).isEqualTo(ImportResult.Status.UNREADABLE);
			assertThat(h.movedTo()).startsWith("failed/").endsWith("单位-无局.csv");
		});
		Path result = inbox.resolve(handled.get(0).movedTo() + ".result.txt");
		assertThat(Files.readString(result, StandardCharsets.UTF_8)).contains("多个执法局")
			.contains("df-ding/（丁县综合行政执法局）")
			.contains("df-wu/");
		for (long bureau : List.of(ding, wu)) {
			assertThat(units(bureau)).doesNotContain("无局投递中队");
		}
		assertThat(files("")).noneSatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("单位-无局.csv"));
	}

	private List<String> units(long bureau) {
		return Bureaus.runAs(bureau, () -> jdbc.sql("select name from unit where name like '%投递%' order by name")
			.query(String.class)
			.list());
	}

	private void drop(String folder, String name, String csv) throws IOException {
		Path dir = inbox.resolve(folder);
		Files.createDirectories(dir);
		Path file = dir.resolve(name);
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
	}

	private List<Path> files(String folder) {
		Path dir = inbox.resolve(folder);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> s = Files.list(dir)) {
			return s.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
