package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.FileSystemUtils;

import cn.wucheng.cq.imports.internal.DropFolder;
import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.Reminders;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * The drop folder (issue 14, item 4): files put in {@code cq.imports.inbox} are imported once and moved with their
 * result beside them. The poll is called directly; the scheduler's first run is an hour away.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = { "cq.imports.inbox-poll=1h", "cq.imports.inbox-settle=2s" })
class DropFolderTests {

	static final Path INBOX = temporaryInbox();

	static final CurrentUser LEGAL = new CurrentUser(null, "legal", "legal", Role.LEGAL, null, null);

	@DynamicPropertySource
	static void inbox(DynamicPropertyRegistry registry) {
		registry.add("cq.imports.inbox", INBOX::toString);
	}

	@Autowired
	DropFolder dropFolder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reminders reminders;

	@Autowired
	ImportHistory history;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void startWithAnEmptyFolder() throws IOException {
		FileSystemUtils.deleteRecursively(INBOX);
		Files.createDirectories(INBOX);
	}

	@Test
	void aCompleteFileIsImportedOnceAsTheDropFolderAndMovedToDoneWithItsResult() throws IOException {
		drop("单位-20240701.csv", "单位名称,单位类型\n投递一中队,一类中队\n投递二中队,二类中队\n");

		List<DropFolder.Handled> first = dropFolder.poll();

		assertThat(first).singleElement().satisfies(h -> {
			assertThat(h.kind()).isEqualTo(ImportKind.UNITS);
			assertThat(h.status()).isEqualTo(ImportResult.Status.IMPORTED);
			assertThat(h.movedTo()).startsWith("done/").endsWith("-单位-20240701.csv");
		});
		assertThat(jdbc.sql("select count(*) from unit where name like '投递%'").query(Integer.class).single())
			.isEqualTo(2);
		assertThat(Files.exists(INBOX.resolve("单位-20240701.csv"))).isFalse();
		Path moved = INBOX.resolve(first.get(0).movedTo());
		assertThat(moved).exists();
		assertThat(Files.readString(moved.resolveSibling(moved.getFileName() + ".result.txt")))
			.contains("导入成功", "新增 2，更新 0，未变 0");
		assertThat(jdbc.sql("select username from audit_log where action = 'IMPORT' order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("投递目录");

		assertThat(dropFolder.poll()).as("a second poll finds nothing new").isEmpty();
		assertThat(files("done")).hasSize(2);
		// the import page's history lists it beside page and API imports, with its file kept
		assertThat(history.list(10)).filteredOn(e -> e.source() == ImportSource.INBOX)
			.anySatisfy(e -> {
				assertThat(e.fileName()).isEqualTo("单位-20240701.csv");
				assertThat(e.created()).isEqualTo(2);
				assertThat(e.fileKept()).isTrue();
			});
	}

	@Test
	void aBadFileGoesToFailedWithEachProblemsRowAndColumnAndRemindsTheLegalSectionAlsoThroughTheWebhook()
			throws IOException {
		drop("人员.csv", "工号,姓名,性别,出生日期,人员类别,所属单位,职务\nTD0001,甲,男,1980-01-01,正式执法人员,无此单位,队员\n"
				+ "TD0002,乙,未知,1980-01-01,正式执法人员,无此单位,队员\n");

		List<DropFolder.Handled> handled = dropFolder.poll();

		assertThat(handled).singleElement().satisfies(h -> {
			assertThat(h.status()).isEqualTo(ImportResult.Status.REJECTED);
			assertThat(h.movedTo()).startsWith("failed/");
		});
		assertThat(jdbc.sql("select count(*) from person where employee_no like 'TD%'").query(Integer.class).single())
			.as("all or nothing").isZero();
		Path moved = INBOX.resolve(handled.get(0).movedTo());
		String result = Files.readString(moved.resolveSibling(moved.getFileName() + ".result.txt"));
		assertThat(result).contains("未导入任何数据", "第 2 行，“所属单位”列：未知单位：无此单位", "第 3 行，“性别”列");

		List<DueItem> due = reminders.dueFor(LEGAL, LocalDate.now());
		assertThat(due).anySatisfy(item -> {
			assertThat(item.messageKey()).isEqualTo("reminders.imports.dropFolderFailed");
			assertThat(item.args()).contains("人员.csv", handled.get(0).movedTo());
		});
		assertThat(reminders.dueFor(new CurrentUser(null, "o", "o", Role.OFFICER, null, null), LocalDate.now()))
			.noneMatch(item -> item.messageKey().equals("reminders.imports.dropFolderFailed"));
		assertThat(webhookSummary()).contains("投递目录的文件 人员.csv 未导入");

		drop("人员-修正.csv", "工号,姓名,性别,出生日期,人员类别,所属单位,职务\n");
		// header only: imports nothing, yet it is a later good file of the same list
		assertThat(dropFolder.poll()).singleElement()
			.satisfies(h -> assertThat(h.status()).isEqualTo(ImportResult.Status.IMPORTED));
		assertThat(reminders.dueFor(LEGAL, LocalDate.now()))
			.noneMatch(item -> item.messageKey().equals("reminders.imports.dropFolderFailed"));
	}

	@Test
	void aFileStillBeingWrittenIsLeftAlone() throws IOException {
		drop("案件.csv.part", "案件编号\n");
		drop("案件.tmp", "案件编号\n");
		Path fresh = INBOX.resolve("领域.csv");
		Files.writeString(fresh, "领域名称\n新领域\n"); // modified just now: within the settle time

		assertThat(dropFolder.poll()).isEmpty();

		assertThat(INBOX.resolve("案件.csv.part")).exists();
		assertThat(INBOX.resolve("案件.tmp")).exists();
		assertThat(fresh).exists();
		assertThat(files("done")).isEmpty();
		assertThat(files("failed")).isEmpty();
	}

	@Test
	void aFileWhoseNameSaysNothingIsKnownByItsHeaderEvenInGb18030() throws IOException {
		Path file = INBOX.resolve("nightly-export.csv");
		Files.write(file, "执法领域导出\n领域名称,领域编码\n投递领域,TD01\n".getBytes(Charset.forName("GB18030")));
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));

		assertThat(dropFolder.poll()).singleElement().satisfies(h -> {
			assertThat(h.kind()).isEqualTo(ImportKind.DOMAINS);
			assertThat(h.status()).isEqualTo(ImportResult.Status.IMPORTED);
		});
		assertThat(jdbc.sql("select count(*) from domain where name = '投递领域'").query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void aFileOfNoKnownListGoesToFailedSayingHowToNameIt() throws IOException {
		drop("readme.csv", "甲,乙\n1,2\n");

		assertThat(dropFolder.poll()).singleElement()
			.satisfies(h -> assertThat(h.status()).isEqualTo(ImportResult.Status.UNREADABLE));
		assertThat(files("failed")).anySatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".result.txt")
			.satisfies(n -> assertThat(Files.readString(p)).contains("无法判断是哪个名单", "案件")));
		// issue 14: the import history keeps it too (no list), with where it went, and the reminder reads it from there
		assertThat(jdbc.sql("""
				select count(*) from import_history where source = 'INBOX' and kind is null and file_name = 'readme.csv'
				  and moved_to like 'failed/%readme.csv'""").query(Integer.class).single()).isEqualTo(1);
		assertThat(reminders.dueFor(LEGAL, LocalDate.now())).anySatisfy(item -> {
			assertThat(item.messageKey()).isEqualTo("reminders.imports.dropFolderFailed");
			assertThat(item.args().get(0)).isEqualTo("readme.csv");
			assertThat(item.args().get(2).toString()).startsWith("failed/").endsWith("readme.csv");
		});
	}

	private static void drop(String name, String csv) throws IOException {
		Path file = INBOX.resolve(name);
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
	}

	private static List<Path> files(String folder) throws IOException {
		Path dir = INBOX.resolve(folder);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> s = Files.list(dir)) {
			return s.toList();
		}
	}

	private String webhookSummary() {
		try {
			Object webhook = context.getBean(Class.forName("cn.wucheng.cq.reminders.internal.ReminderWebhook"));
			return ReflectionTestUtils.invokeMethod(webhook, "summary", LocalDate.now());
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Path temporaryInbox() {
		try {
			return Files.createTempDirectory("cq-inbox-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
