package cn.wucheng.cq.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * R-70 evidence files: what is accepted is decided by content (a PNG yes, an HTML page called .png no), the size
 * limit holds, a name with a path in it stores nothing outside the files directory, downloads are attachments with
 * nosniff, squad roles upload and see only their squad's files and only on tasks of their category, and deletion is
 * audited. Also the list of the 18 tasks and who may read it. Units 证据* are unique to this class.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = { SupervisionContext.NAME, SupervisionContext.FILES, SupervisionContext.LIMIT })
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceUploadTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SupervisionTaskRepository tasks;

	long class2;

	long otherClass2;

	long direct;

	long task1;

	long task17;

	long task13;

	@BeforeAll
	void data() {
		Bureau bureau = new Bureau(jdbc);
		class2 = bureau.unit("证据二类中队", "二类中队");
		otherClass2 = bureau.unit("证据另一二类中队", "二类中队");
		direct = bureau.unit("证据直属中队", "直属中队");
		task1 = idOf(1);
		task17 = idOf(17);
		task13 = idOf(13);
	}

	long idOf(int no) {
		return tasks.findAll().stream().filter(t -> t.getTaskNo() == no).findFirst().orElseThrow().getId();
	}

	@Test
	void r70_theEighteenTasksOfAttachment4ArePresentWithContentDeadlineVerificationAndUnits() throws Exception {
		List<SupervisionTask> all = tasks.findAllByOrderByTaskNo();
		assertThat(all).extracting(SupervisionTask::getTaskNo)
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
		assertThat(all).allSatisfy(t -> {
			assertThat(t.getTheme()).isNotBlank();
			assertThat(t.getMeasure()).isNotBlank();
			assertThat(t.getDeadlineText()).isNotBlank();
			assertThat(t.getVerification()).isNotBlank();
			assertThat(t.getCheckUnits()).startsWith("法制科");
		});
		assertThat(all).filteredOn(t -> t.getDeadlineKind() == DeadlineKind.PER_SQUAD_CATEGORY)
			.extracting(SupervisionTask::getTaskNo).containsExactly(1, 2, 5, 6, 7, 10, 11, 12);
		assertThat(all).filteredOn(t -> t.getDeadlineKind() == DeadlineKind.MONTHLY)
			.extracting(SupervisionTask::getTaskNo, SupervisionTask::getDueDay)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(8, 15), org.assertj.core.groups.Tuple.tuple(9, 31),
					org.assertj.core.groups.Tuple.tuple(16, 25));
		assertThat(all).filteredOn(t -> t.getDeadlineKind() == DeadlineKind.LONG_TERM)
			.extracting(SupervisionTask::getTaskNo).containsExactly(4, 15);
		SupervisionTask t3 = all.get(2);
		assertThat(t3.getMeasure()).isEqualTo("领域覆盖率直属中队达到100%、一类中队达到50%（15个领域）、二类中队达到27%（8个领域）。");
		assertThat(t3.getDeadlineText()).isEqualTo("9月底前完成");
		assertThat(t3.getVerification()).isEqualTo("系统抓取");
		assertThat(t3.getCheckUnits()).isEqualTo("法制科、督查科");
		SupervisionTask t16 = all.get(15);
		assertThat(t16.getTheme()).isEqualTo("评估总结");
		assertThat(t16.getMeasure()).isEqualTo("每月开展会议进行研判会商。");
		assertThat(t16.getDeadlineText()).isEqualTo("每月25日前完成");
		assertThat(t16.getVerification()).isEqualTo("会议照片");
		assertThat(t16.getCheckUnits()).isEqualTo("法制科");
		assertThat(all.get(12).getVerification()).isEqualTo("培训计划材料");
		assertThat(all.get(14).getVerification()).isEqualTo("考题、考试成绩材料");
		assertThat(all.get(7).getMeasure()).isEqualTo("简易程序案件100%由中队法制员审核，形成审核清单后每月15日前报法制科备案。");

		String detail = html(mvc.perform(get("/supervision/tasks/" + task17).with(Users.legalSection())).andReturn());
		assertThat(detail).contains("中期评估报告。", "7月底前完成", "评估报告", "id=\"status-form\"", "id=\"upload-form\"")
			.doesNotContain("??");
		String computed = html(mvc.perform(get("/supervision/tasks/" + idOf(3)).with(Users.supervision())).andReturn());
		assertThat(computed).contains("系统抓取", "原表合并单元格").doesNotContain("id=\"status-form\"");
		String page = html(mvc.perform(get("/supervision/tasks").with(Users.leader())).andReturn());
		assertThat(page).contains("提质增效重点工作任务清单", "普通程序案件100%由法制科进行审核。", "12月底前完成", "监控调取")
			.doesNotContain("??");
	}

	@Test
	void squadRolesReadTheTasksOfTheirCategoryOnlyAndOfficersAndAdministratorsNone() throws Exception {
		String squad = html(mvc.perform(get("/supervision/tasks").with(Users.squadLeaderOf(class2))).andReturn());
		assertThat(squad).contains("data-task=\"T01\"", "data-task=\"T10\"").doesNotContain("data-task=\"T17\"", "data-task=\"T13\"");
		String directPage = html(mvc.perform(get("/supervision/tasks").with(Users.legalOfficerOf(direct))).andReturn());
		assertThat(directPage).contains("data-task=\"T13\"");
		mvc.perform(get("/supervision/tasks/" + task17).with(Users.squadLeaderOf(class2))).andExpect(status().isNotFound());
		mvc.perform(get("/supervision/tasks/" + task1).with(Users.squadLeaderOf(class2))).andExpect(status().isOk());
		mvc.perform(get("/supervision/tasks").with(Users.officer(1L, class2))).andExpect(status().isForbidden());
		mvc.perform(get("/supervision/tasks").with(Users.admin())).andExpect(status().isForbidden());
		mvc.perform(post("/supervision/tasks/" + task1 + "/status").with(Users.leader()).with(csrf())
			.param("status", "DONE").param("note", "x")).andExpect(status().isForbidden());
	}

	@Test
	void r70_aPngIsAcceptedStoredUnderAGeneratedNameAndDownloadedAsAnAttachmentWithNosniff() throws Exception {
		byte[] png = png(2000);
		upload(task1, Users.legalSection(), "现场照片.png", png)
			.andExpect(flash().attribute("flashSuccess", "已上传“现场照片.png”。"));
		Row row = last();
		assertThat(row.originalName()).isEqualTo("现场照片.png");
		assertThat(row.storedName()).matches("[0-9a-f]{32}");
		Path stored = Path.of(SupervisionContext.FILES_DIR).resolve(row.storedName());
		assertThat(stored).exists();
		assertThat(Files.readAllBytes(stored)).isEqualTo(png);
		if (Files.getFileStore(stored).supportsFileAttributeView("posix")) {
			assertThat(Files.getPosixFilePermissions(stored)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
					PosixFilePermission.OWNER_WRITE);
		}
		MvcResult download = mvc.perform(get("/supervision/files/" + row.id()).with(Users.leader()))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Type", "image/png"))
			.andReturn();
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png");
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(png);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'SUPERVISION_FILE_UPLOADED' and entity_key = ?")
			.param(String.valueOf(row.id())).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void r70_anHtmlPageRenamedPngAndAPdfRenamedPngAreRefusedByTheirContent() throws Exception {
		int before = count();
		byte[] htmlPage = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		upload(task1, Users.legalSection(), "photo.png", htmlPage).andExpect(flash().attribute("flashError",
				"文件“photo.png”的内容不是 JPEG/PNG 图片、PDF、Word（.docx）或 Excel（.xlsx）文件，未上传（按文件内容判断，不看扩展名）。"));
		upload(task1, Users.legalSection(), "scan.png", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))
			.andExpect(flash().attribute("flashError", "文件“scan.png”的扩展名与内容（PDF 文档）不符，未上传；请使用扩展名 .pdf。"));
		upload(task1, Users.legalSection(), "run.exe", png(100)).andExpect(flash().attributeExists("flashError"));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void r70_aDocxIsRecognisedFromInsideTheZipAndAFileOverTheLimitIsRefused() throws Exception {
		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (XWPFDocument doc = new XWPFDocument()) {
			doc.createParagraph().createRun().setText("统筹结果");
			doc.write(docx);
		}
		upload(task1, Users.supervision(), "统筹结果.docx", docx.toByteArray())
			.andExpect(flash().attribute("flashSuccess", "已上传“统筹结果.docx”。"));
		assertThat(last().fileType()).isEqualTo("DOCX");
		int before = count();
		upload(task1, Users.supervision(), "big.png", png(150 * 1024))
			.andExpect(flash().attribute("flashError", "文件“big.png”大小 150.0 KB 超过上限 100.0 KB，未上传。"));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aNameWithAPathInItIsHarmlessOnlyItsLastSegmentIsKeptAndNothingIsWrittenOutside() throws Exception {
		Path outside = Path.of(SupervisionContext.FILES_DIR).toAbsolutePath().getParent().resolve("evil.png");
		Files.deleteIfExists(outside);
		upload(task1, Users.legalSection(), "../../evil.png", png(64)).andExpect(flash().attributeExists("flashSuccess"));
		assertThat(last().originalName()).isEqualTo("evil.png");
		upload(task1, Users.legalSection(), "..\\..\\win\\evil2.png", png(64)).andExpect(flash().attributeExists("flashSuccess"));
		assertThat(last().originalName()).isEqualTo("evil2.png");
		assertThat(outside).doesNotExist();
		try (Stream<Path> files = Files.list(Path.of(SupervisionContext.FILES_DIR))) {
			assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("[0-9a-f]{32}"));
		}
		assertThat(SupervisionFiles.safeName("..")).isEqualTo("file");
		assertThat(SupervisionFiles.safeName("a\"b\r\n.png")).isEqualTo("ab.png");
	}

	@Test
	void aSquadLeaderUploadsForHisSquadOnATaskOfHisCategoryAndAnotherSquadCannotSeeIt() throws Exception {
		upload(task1, Users.squadLeaderOf(class2), "中队照片.png", png(300)).andExpect(flash().attributeExists("flashSuccess"));
		Row row = last();
		assertThat(jdbc.sql("select unit_id from supervision_file where id = ?").param(row.id()).query(Long.class).single())
			.isEqualTo(class2);
		mvc.perform(get("/supervision/files/" + row.id()).with(Users.legalOfficerOf(class2))).andExpect(status().isOk());
		mvc.perform(get("/supervision/files/" + row.id()).with(Users.squadLeaderOf(otherClass2)))
			.andExpect(status().isNotFound());
		String other = html(mvc.perform(get("/supervision/tasks/" + task1).with(Users.squadLeaderOf(otherClass2))).andReturn());
		assertThat(other).doesNotContain("中队照片.png");
		String legal = html(mvc.perform(get("/supervision/tasks/" + task1).with(Users.legalSection())).andReturn());
		assertThat(legal).contains("中队照片.png", "证据二类中队");
		// not on a task of the bureau (17) nor of another category (13: 直属中队)
		multipartUpload(task17, Users.squadLeaderOf(class2), "x.png", png(10)).andExpect(status().isNotFound());
		multipartUpload(task13, Users.squadLeaderOf(class2), "x.png", png(10)).andExpect(status().isNotFound());
		// squad roles do not delete
		mvc.perform(post("/supervision/files/" + row.id() + "/delete").with(Users.squadLeaderOf(class2)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theLegalSectionDeletesAFileTheDeletionIsAuditedAndTheStoredFileGoes() throws Exception {
		upload(task1, Users.legalSection(), "待删除.pdf", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))
			.andExpect(flash().attributeExists("flashSuccess"));
		Row row = last();
		Path stored = Path.of(SupervisionContext.FILES_DIR).resolve(row.storedName());
		assertThat(stored).exists();
		mvc.perform(post("/supervision/files/" + row.id() + "/delete").with(Users.supervision()).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "已删除“待删除.pdf”。"));
		assertThat(stored).doesNotExist();
		assertThat(jdbc.sql("select count(*) from supervision_file where id = ?").param(row.id()).query(Integer.class).single())
			.isZero();
		assertThat(jdbc.sql("select detail from audit_log where action = 'SUPERVISION_FILE_DELETED' and entity_key = ?")
			.param(String.valueOf(row.id())).query(String.class).single()).contains("待删除.pdf");
		mvc.perform(get("/supervision/files/" + row.id()).with(Users.legalSection())).andExpect(status().isNotFound());
	}

	// ------------------------------------------------------------------ helpers

	record Row(long id, String originalName, String storedName, String fileType) {
	}

	Row last() {
		return jdbc.sql("select id, original_name, stored_name, file_type from supervision_file order by id desc limit 1")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
	}

	int count() {
		return jdbc.sql("select count(*) from supervision_file").query(Integer.class).single();
	}

	static byte[] png(int size) {
		byte[] b = Arrays.copyOf(PNG, Math.max(size, PNG.length));
		return b;
	}

	org.springframework.test.web.servlet.ResultActions upload(long task, RequestPostProcessor user, String name,
			byte[] content) throws Exception {
		return multipartUpload(task, user, name, content).andExpect(status().is3xxRedirection());
	}

	org.springframework.test.web.servlet.ResultActions multipartUpload(long task, RequestPostProcessor user, String name,
			byte[] content) throws Exception {
		return mvc.perform(multipart("/supervision/tasks/" + task + "/files")
			.file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.with(user)
			.with(csrf()));
	}

	static String html(MvcResult r) throws Exception {
		return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
