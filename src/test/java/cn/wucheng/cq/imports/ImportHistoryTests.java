package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockMultipartFile;

import cn.wucheng.cq.support.Users;

/** Issue 14, item 6: every import of a file is in the history, with its counts, its problems and the file itself. */
class ImportHistoryTests extends ImportTestSupport {

	@Autowired
	ImportHistory history;

	@Value("${cq.data-dir:./data}")
	Path dataDir;

	@BeforeEach
	void noHistoryYet() {
		jdbc.sql("delete from import_history").update();
	}

	@Test
	void anImportByTheApiIsInTheHistoryWithWhoWhatAndItsCounts() throws Exception {
		upload("domains", "领域.csv", example("domains")).andExpect(status().isOk());
		upload("units", "单位名单.csv", example("units")).andExpect(status().isOk());
		upload("units", "单位名单.csv", example("units")).andExpect(status().isOk());

		List<ImportHistory.Entry> entries = history.list(10);
		assertThat(entries).hasSize(3);
		ImportHistory.Entry again = entries.get(0);
		ImportHistory.Entry first = entries.get(1);
		assertThat(first.source()).isEqualTo(ImportSource.API);
		assertThat(first.username()).isEqualTo("legal");
		assertThat(first.kind()).isEqualTo(ImportKind.UNITS);
		assertThat(first.fileName()).isEqualTo("单位名单.csv");
		assertThat(first.status()).isEqualTo(ImportResult.Status.IMPORTED);
		assertThat(first.created()).isEqualTo(dataRows(example("units")));
		assertThat(again.created()).isZero();
		assertThat(again.unchanged()).isEqualTo(dataRows(example("units")));
		assertThat(first.errors()).isEmpty();
		assertThat(first.fileKept()).isTrue();
	}

	@Test
	void aRefusedImportOnThePageIsInTheHistoryWithTheSameProblemsThePageShowed() throws Exception {
		// people before their units: every row names an unknown unit
		String page = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "人员.csv", "text/csv",
				example("people"))).param("kind", "people").with(Users.legalSection()).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		ImportHistory.Entry entry = history.list(1).get(0);
		assertThat(entry.source()).isEqualTo(ImportSource.PAGE);
		assertThat(entry.status()).isEqualTo(ImportResult.Status.REJECTED);
		assertThat(entry.created() + entry.updated() + entry.unchanged()).isZero();
		assertThat(entry.errors()).isNotEmpty();
		assertThat(entry.errors()).allSatisfy(e -> {
			assertThat(e.row()).isNotNull();
			assertThat(page).contains(e.message());
		});
		assertThat(entry.errors()).anySatisfy(e -> assertThat(e.message()).startsWith("未知单位"));

		mvc.perform(get("/imports/history").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("人员.csv")))
			.andExpect(content().string(containsString("页面")))
			.andExpect(content().string(containsString(entry.errors().get(0).message())));
		mvc.perform(get("/imports").with(Users.legalSection()))
			.andExpect(content().string(containsString("id=\"import-history-" + entry.id() + "\"")))
			.andExpect(content().string(containsString("/imports/history\"")))
			// the history card's fragment once took every <table> of history.html along (a fragment named "table"
			// is also a markup selector): an empty 行/列/问题 table under the card, with no import result to show
			.andExpect(content().string(not(containsString("align-middle \""))));
	}

	/** Every import is listed, 50 a page by default, newest first; the pages link to each other (htmx or plain). */
	@Test
	void theHistoryListsEveryImportPageByPageNewestFirst() throws Exception {
		long before = history.page(1, 20).total();
		for (int i = 0; i < 3; i++) {
			upload("domains", "第" + i + "次领域.csv", example("domains")).andExpect(status().isOk());
		}
		assertThat(history.page(1, 20).total()).isEqualTo(before + 3);
		// two a page: the newest first, and the next page goes on from there
		List<ImportHistory.Entry> first = history.page(1, 2).items();
		assertThat(first).extracting(ImportHistory.Entry::fileName).containsExactly("第2次领域.csv", "第1次领域.csv");
		assertThat(history.page(2, 2).items().get(0).fileName()).isEqualTo("第0次领域.csv");

		String page = mvc.perform(get("/imports/history").param("size", "20").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"import-history-list\"", "第2次领域.csv", "data-pager");
		String fragment = mvc.perform(get("/imports/history").param("page", "1").param("size", "20")
				.header("HX-Request", "true").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(fragment).startsWith("<div id=\"import-history-list\"").doesNotContain("<html");
	}

	/** A kept file a killed process left half written is deleted at the next start; the kept files stay. */
	@Test
	void aHalfWrittenKeptFileOfAKilledProcessGoesAtTheNextStart() throws Exception {
		upload("domains", "领域.csv", example("domains")).andExpect(status().isOk());
		Path kept = dataDir.resolve("imports").resolve(jdbc.sql("select stored_name from import_history order by id desc limit 1")
			.query(String.class).single());
		Path half = Files.writeString(dataDir.resolve("imports").resolve("import-killed.part"), "half");
		Files.setLastModifiedTime(half, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
		Path young = Files.writeString(dataDir.resolve("imports").resolve("import-now.part"), "being written");

		assertThat(history.removeLeftovers()).isEqualTo(1);

		assertThat(half).doesNotExist();
		assertThat(young).as("another instance's, being written").exists();
		assertThat(kept).exists();
		Files.delete(young);
	}

	@Test
	void theKeptFileDownloadsIdenticalOwnerOnlyAndTheDownloadIsAudited() throws Exception {
		byte[] gbk = gb18030(example("domains"));
		upload("domains", "领域.csv", gbk).andExpect(status().isOk());
		ImportHistory.Entry entry = history.list(1).get(0);
		long auditsBefore = downloadAudits();

		byte[] downloaded = mvc.perform(get("/imports/history/{id}/file", entry.id()).with(Users.legalSection()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(downloaded).isEqualTo(gbk);
		assertThat(downloadAudits()).isEqualTo(auditsBefore + 1);
		String stored = jdbc.sql("select stored_name from import_history where id = ?")
			.param(entry.id())
			.query(String.class)
			.single();
		Path kept = dataDir.resolve("imports").resolve(stored);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
	}

	@Test
	void onlyTheLegalSectionSeesTheHistoryOrTakesItsFiles() throws Exception {
		upload("domains", "领域.csv", example("domains")).andExpect(status().isOk());
		long id = history.list(1).get(0).id();
		for (var user : List.of(Users.admin(), Users.supervision(), Users.leader(), Users.squadLeaderOf(1L),
				Users.officer(1L, 1L))) {
			mvc.perform(get("/imports/history").with(user)).andExpect(status().isForbidden());
			mvc.perform(get("/imports/history/{id}/file", id).with(user)).andExpect(status().isForbidden());
		}
	}

	@Test
	void aFilePastItsRetentionIsRemovedAndTheRowStaysWithoutALink() throws Exception {
		upload("domains", "领域.csv", example("domains")).andExpect(status().isOk());
		ImportHistory.Entry entry = history.list(1).get(0);
		String stored = jdbc.sql("select stored_name from import_history where id = ?")
			.param(entry.id())
			.query(String.class)
			.single();
		jdbc.sql("update import_history set imported_at = imported_at - interval '181 days' where id = ?")
			.param(entry.id())
			.update();

		assertThat(history.removeExpiredFiles()).isEqualTo(1);

		assertThat(dataDir.resolve("imports").resolve(stored)).doesNotExist();
		assertThat(history.find(entry.id())).hasValueSatisfying(e -> assertThat(e.fileKept()).isFalse());
		mvc.perform(get("/imports/history/{id}/file", entry.id()).with(Users.legalSection()))
			.andExpect(status().isNotFound());
	}

	private long downloadAudits() {
		return jdbc.sql("select count(*) from audit_log where action = 'IMPORT_FILE_DOWNLOAD'")
			.query(Long.class)
			.single();
	}

}
