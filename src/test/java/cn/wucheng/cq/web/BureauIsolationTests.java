package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.calendar.WorkingDays;
import cn.wucheng.cq.database.ApplicationRole;
import cn.wucheng.cq.database.BureauScope;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.scoring.Ranking;
import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.scoring.ScoreScope;
import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.TestDatabaseInitializer;

/**
 * Issue 16, items 1 and 2: two bureaus in one installation, kept apart by PostgreSQL's row-level security even where
 * a query forgets the bureau. Its own context (its own database): with a second bureau the installation is no longer
 * a one-bureau one, which the other contexts are.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=bureau-isolation")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BureauIsolationTests {

	/** Every name and number of bureau B carries this, so a page that shows any of B's records contains it. */
	static final String B_MARK = "乙县";

	/**
	 * B's own name: the bureaus' table is the installation's (every bureau may know the others' names), and the
	 * province's legal office lists and renames every bureau (执法局管理) — the one text of B a page of A may show.
	 */
	static final String B_NAME = "乙县综合行政执法局";

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	ScoreLedger ledger;

	static long a;

	static long b;

	static long aUnit;

	static long aPerson;

	static long bUnit;

	static long bPerson;

	static long bCase;

	/**
	 * B's record of each kind a state-changing path names by {@code {id}}, by the path's start (the longest first):
	 * issue 16, writes across bureaus.
	 */
	static final Map<String, Long> B_IDS = new LinkedHashMap<>();

	/** The path variables that name one record (of B, in the check of every write), unlike a month or a setting. */
	static final Pattern NAMES_A_RECORD = Pattern.compile("\\{(id|unitId|caseId|personId|inquiryId|videoId|employeeNo)}");

	/** B's records that path variables other than {@code {id}} name. */
	static final Map<String, String> B_VARIABLES = new LinkedHashMap<>();

	@BeforeEach
	void twoBureaus() {
		if (b != 0) {
			return;
		}
		a = jdbc.sql("select id from bureau where code = 'main'").query(Long.class).single();
		Bureaus.runAs(a, () -> {
			Bureau bureau = new Bureau(jdbc);
			aUnit = bureau.unit("甲县隔离中队", "直属中队");
			aPerson = bureau.officer("JX001", "甲县张三", aUnit);
			long co = bureau.officer("JX002", "甲县李四", aUnit);
			bureau.concludedCase("JX-CASE-1", "简易程序", aUnit, aPerson, co, LocalDate.of(2024, 2, 1));
		});
		jdbc.sql("insert into bureau (code, name) values ('iso-b', ?)").param(B_NAME).update();
		b = jdbc.sql("select id from bureau where code = 'iso-b'").query(Long.class).single();
		Bureaus.runAs(b, () -> {
			// a bureau has its own domain catalogue; the same 案件编号 and 工号 as A's are allowed in B
			jdbc.sql("insert into domain (code, name, sort_order) values ('01', '市容环境卫生', 1)").update();
			Bureau bureau = new Bureau(jdbc);
			bUnit = bureau.unit("乙县直属中队", "直属中队");
			bPerson = bureau.officer("JX001", "乙县王五", bUnit);
			long co = bureau.officer("YX002", "乙县赵六", bUnit);
			bCase = bureau.concludedCase("JX-CASE-1", "简易程序", bUnit, bPerson, co, LocalDate.of(2024, 2, 1));
			jdbc.sql("update case_file set title = '乙县案件' where id = ?").param(bCase).update();
			long item = bureau.deductionItem("YX-D1", "乙县扣分项", "1.00");
			bureau.returned(bCase, "YX-D1", LocalDate.of(2024, 2, 10));
			assertThat(item).isPositive();
			recordsOfEveryKindTheWritesName(item, co);
		});
	}

	/**
	 * Issue 16, writes across bureaus: B holds a record of every kind a state-changing endpoint names by id, each
	 * marked 乙县 where it has a text, so a write of A that reached one would change B's checksum (and a page that
	 * showed one, the mark).
	 */
	private void recordsOfEveryKindTheWritesName(long deductionItem, long co) {
		// a username that is one of A's 工号: usernames are unique in the installation, and A's 开通账号 must skip it
		long user = id("""
				insert into app_user (username, password_hash, display_name, role, person_id, created_at)
				values ('JX002', 'x', '乙县赵六', 'OFFICER', ?, localtimestamp) returning id""", co);
		long day = id("insert into calendar_day (on_date, kind, name) values (date '2025-12-03', 'HOLIDAY', '乙县休息日') returning id");
		long inquiry = id("""
				insert into case_inquiry (case_id, held_on, in_inquiry_room, place, created_at, created_by)
				values (?, date '2024-01-20', true, '乙县询问室', localtimestamp, 'yx') returning id""", bCase);
		long video = id("""
				insert into case_video (case_id, video_no, video_kind, stage, created_at, created_by)
				values (?, '乙县V1', 'BODY_CAMERA', 'SCENE_INSPECTION', localtimestamp, 'yx') returning id""", bCase);
		id("""
				insert into case_disc_archive (case_id, disc_no, archived_on, created_at, created_by)
				values (?, '乙县D1', date '2024-03-01', localtimestamp, 'yx') returning id""", bCase);
		long domain = jdbc.sql("select id from domain where code = '01'").query(Long.class).single();
		long evaluationItem = id("""
				insert into evaluation_item (code, item_text, points) values ('YX-E1', '乙县评查项', 2) returning id""");
		long round = id("""
				insert into evaluation_round (kind, round_month, per_squad, seed, opened_on, opened_by)
				values ('PEER_REVIEW', date '2024-02-01', 1, 7, date '2024-02-01', '乙县法制科') returning id""");
		long evaluation = id("""
				insert into evaluation (round_id, case_id, unit_id, evaluator_name, status)
				values (?, ?, ?, '乙县评查员', 'ASSIGNED') returning id""", round, bCase, bUnit);
		long mapping = id("""
				insert into import_mapping (name, kind, columns, headers, header_key, created_at, updated_at)
				values ('乙县对应', 'cases', '{}', '[]', '乙县', localtimestamp, localtimestamp) returning id""");
		long message = id("""
				insert into message (recipient_id, kind, text, created_at)
				values (?, 'REMINDER', '乙县提醒', localtimestamp) returning id""", user);
		long batch = id("""
				insert into rollout_batch (batch_year, unit_type, starts_on, ends_on)
				values (2024, 'DIRECT_SQUAD', date '2024-01-09', date '2024-02-29') returning id""");
		long exemption = id("""
				insert into standard_exemption (person_id, quarter_year, quarter_no, reason_kind, reason, created_by, created_at)
				values (?, 2024, 1, 'SICK_LEAVE', '乙县病假', 'yx', localtimestamp) returning id""", bPerson);
		long task = id("""
				insert into supervision_task (task_no, theme, measure, deadline_text, deadline_kind, verification, check_units)
				values (1, '乙县全员办案', '乙县措施', '乙县期限', 'LONG_TERM', '乙县核查', '乙县') returning id""");
		long meeting = id("""
				insert into supervision_meeting (held_on, attendees, minutes, created_by, created_at)
				values (date '2024-03-05', '乙县参会人员', '乙县会议纪要', 'yx', localtimestamp) returning id""");
		long file = id("""
				insert into supervision_file (meeting_id, original_name, stored_name, file_type, size_bytes, sha256,
				  uploaded_by, uploaded_at)
				values (?, '乙县照片.jpg', 'yx-isolation-photo', 'jpg', 1, repeat('0', 64), 'yx', localtimestamp) returning id""",
				meeting);
		long external = id("""
				insert into external_training (person_id, trained_on, title, hours) values (?, date '2024-03-01', '乙县培训', 2)
				returning id""", bPerson);
		long plan = id("""
				insert into training_plan (unit_id, plan_year, status, created_at) values (?, 2024, 'DRAFT', localtimestamp)
				returning id""", bUnit);
		jdbc.sql("""
				insert into training_plan_item (plan_id, item_no, topic, item_month, hours) values (?, 1, '乙县专题', 3, 2)""")
			.param(plan).update();
		long session = id("""
				insert into training_session (plan_id, item_no, plan_year, unit_id, topic, held_on, place, hours, created_at)
				values (?, 1, 2024, ?, '乙县专题', date '2024-03-10', '乙县会议室', 2, localtimestamp) returning id""", plan, bUnit);
		jdbc.sql("insert into training_attendee (session_id, person_id) values (?, ?)").params(session, bPerson).update();
		long publication = id("""
				insert into quarter_publication (period_code, status, published_on, published_by, notice_ends_on)
				values ('2024-Q2', 'PUBLISHED', date '2024-07-08', 'yx', date '2024-07-15') returning id""");
		long appeal = id("""
				insert into score_appeal (publication_id, person_id, case_id, item_label, reason, filed_on, filed_by, status)
				values (?, ?, ?, '乙县案件', '乙县申诉理由', date '2024-07-09', 'JX001', 'OPEN') returning id""",
				publication, bPerson, bCase);
		jdbc.sql("""
				insert into setting (name, setting_value, updated_by, updated_at) values ('FIXED_HANDLER_SHARE', '0.45', 'yx', localtimestamp)""")
			.update();
		jdbc.sql("insert into programme_milestone (milestone_year, kind, status_note) values (2024, 'TASK_LIST', '乙县阶段')")
			.update();
		B_IDS.put("/admin/users/", user);
		B_IDS.put("/appeals/", appeal);
		B_IDS.put("/calendar/days/", day);
		B_IDS.put("/casework/cases/", bCase);
		B_IDS.put("/cases/", bCase);
		B_IDS.put("/deduction-items/", deductionItem);
		B_IDS.put("/domains/", domain);
		B_IDS.put("/evaluation-items/", evaluationItem);
		B_IDS.put("/evaluations/rounds/", round);
		B_IDS.put("/evaluations/", evaluation);
		B_IDS.put("/imports/mappings/", mapping);
		B_IDS.put("/messages/", message);
		B_IDS.put("/people/", bPerson);
		B_IDS.put("/rollout/batches/", batch);
		B_IDS.put("/rollout/units/", bUnit);
		B_IDS.put("/standards/exemptions/", exemption);
		B_IDS.put("/supervision/files/", file);
		B_IDS.put("/supervision/meetings/", meeting);
		B_IDS.put("/supervision/tasks/", task);
		B_IDS.put("/training/external/", external);
		B_IDS.put("/training/plans/", plan);
		B_IDS.put("/training/sessions/", session);
		B_IDS.put("/units/", bUnit);
		B_VARIABLES.put("unitId", String.valueOf(bUnit));
		B_VARIABLES.put("caseId", String.valueOf(bCase));
		B_VARIABLES.put("personId", String.valueOf(bPerson));
		B_VARIABLES.put("inquiryId", String.valueOf(inquiry));
		B_VARIABLES.put("videoId", String.valueOf(video));
		// B's own 工号 (A has none such); the others name no record of B: a month, a quarter, an item, a kind, a setting
		B_VARIABLES.put("employeeNo", "YX002");
		B_VARIABLES.put("itemNo", "1");
		B_VARIABLES.put("month", "2024-02");
		B_VARIABLES.put("period", "2024-Q1");
		B_VARIABLES.put("kind", "TASK_LIST");
		B_VARIABLES.put("name", "FIXED_HANDLER_SHARE");
	}

	private long id(String insertReturningId, Object... params) {
		return jdbc.sql(insertReturningId).params(params).query(Long.class).single();
	}

	/** Issue 16 item 2 (a): every page and API read of the role matrix, as bureau A, with B's ids: nothing of B. */
	@Test
	void aUserOfOneBureauCallingEveryReadOfTheRoleMatrixWithAnotherBureausIdsSeesNothingOfIt() throws Exception {
		List<String> leaks = new ArrayList<>();
		int calls = 0;
		for (RoleMatrixTests.Row row : RoleMatrixTests.rows()) {
			if (!row.method().equals("GET")) {
				continue;
			}
			Role role = row.allowed().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
				.filter(r -> r == Role.LEGAL).findFirst()
				.orElse(row.allowed().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
					.findFirst().orElse(null));
			if (role == null) {
				continue;
			}
			for (long id : row.path().contains("{") ? List.of(bCase, bPerson, bUnit) : List.of(bCase)) {
				String path = withIds(row.path(), id);
				var request = get(path).with(userOf(a, role));
				Map<String, String> params = new LinkedHashMap<>(RoleMatrixTests.PARAMS);
				params.putAll(RoleMatrixTests.PARAMS_OF.getOrDefault(row.key(), Map.of()));
				params.put("caseId", String.valueOf(bCase));
				params.put("unitId", String.valueOf(bUnit));
				params.put("personId", String.valueOf(bPerson));
				params.put("caseNo", "JX-CASE-1");
				params.forEach(request::param);
				MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
				calls++;
				String body = response.getContentAsString(StandardCharsets.UTF_8).replace(B_NAME, "");
				if (response.getStatus() >= 500 || body.contains(B_MARK)) {
					leaks.add(row + " " + path + " as " + role + ": " + response.getStatus()
							+ (body.contains(B_MARK) ? " shows " + around(body, B_MARK) : ""));
				}
			}
		}
		assertThat(leaks).as("reads of %d calls that showed bureau B's records or failed", calls).isEmpty();
		assertThat(calls).isGreaterThan(100);
	}

	/**
	 * Issue 16, writes across bureaus: every state change of the role matrix (POST, PUT, DELETE rows), as a user of
	 * bureau A with the role the row lets in (法制科 where it may), with B's record of the kind the path names, B's ids
	 * in the parameters and a CSRF token. Whatever A's call does to A's own data, B's rows of every scoped table are
	 * unchanged (a checksum per table, read as the owner, past the policies), no call fails with 5xx or shows a record
	 * of B, and a call that names a record of B by its id is refused (403, 404, a refusal, a form's error) — never
	 * answered with a success. Last: A's writes change A's data, which the other tests of the class count.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void aUserOfOneBureauCallingEveryWriteOfTheRoleMatrixWithAnotherBureausIdsChangesNothingOfIt() throws Exception {
		JdbcClient owner = TestDatabaseInitializer.asOwner(dataSource);
		Map<String, String> before = checksums(owner, b);
		assertThat(before).as("B has rows in the tables the writes touch").containsKeys("app_user", "case_inquiry",
				"training_session", "score_appeal", "supervision_file", "message", "calendar_day");
		List<String> wrong = new ArrayList<>();
		int calls = 0;
		int namingB = 0;
		for (RoleMatrixTests.Row row : RoleMatrixTests.rows()) {
			if (row.method().equals("GET")) {
				continue;
			}
			Role role = writerOf(row);
			if (role == null) {
				continue;
			}
			for (String path : pathsWithBsIds(row.path())) {
				var call = request(HttpMethod.valueOf(row.method()), path).with(csrf()).with(userOf(a, role));
				Map<String, String> params = new LinkedHashMap<>(RoleMatrixTests.PARAMS);
				params.putAll(RoleMatrixTests.PARAMS_OF.getOrDefault(row.key(), Map.of()));
				params.put("caseId", String.valueOf(bCase));
				params.put("unitId", String.valueOf(bUnit));
				params.put("personId", String.valueOf(bPerson));
				params.put("ids", String.valueOf(bCase));
				params.put("caseIds", String.valueOf(bCase));
				params.put("personIds", String.valueOf(bPerson));
				params.put("employeeNo", "YX002");
				params.put("caseNo", "JX-CASE-1");
				// past the second step of a delete or a disable (issue 13 item 7) and any version check: to the record
				params.put("confirmed", "true");
				params.put("version", "0");
				params.forEach(call::param);
				MvcResult result = mvc.perform(call).andReturn();
				calls++;
				MockHttpServletResponse response = result.getResponse();
				int status = response.getStatus();
				String body = response.getContentAsString(StandardCharsets.UTF_8).replace(B_NAME, "");
				String what = row + " " + path + " as " + role + ": " + status;
				if (status >= 500) {
					wrong.add(what + " (failed)");
				}
				if (body.contains(B_MARK)) {
					wrong.add(what + " shows " + around(body, B_MARK));
				}
				boolean namesB = NAMES_A_RECORD.matcher(row.path()).find() && !role.regional();
				if (namesB) {
					namingB++;
					Object success = result.getFlashMap().get("flashSuccess");
					boolean apiSuccess = path.startsWith("/api/") && status < 300;
					if (success != null || apiSuccess) {
						wrong.add(what + " accepted a record of B" + (success != null ? ": " + success : ""));
					}
				}
			}
		}
		Map<String, String> after = checksums(owner, b);
		System.out.printf("writes across bureaus: %d calls, %d naming a record of B; B's rows compared in %d tables (%d"
				+ " holding some)%n", calls, namingB, before.size(),
				before.keySet().stream().filter(t -> !t.endsWith("(empty)")).count());
		List<String> changed = before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
		assertThat(changed).as("tables whose rows of bureau B the %d calls changed", calls).isEmpty();
		assertThat(wrong).as("writes of %d calls that failed, showed or accepted bureau B's records", calls).isEmpty();
		assertThat(calls).isGreaterThan(90);
		assertThat(namingB).isGreaterThan(50);
	}

	/** The check above can fail: B's own user, calling with B's ids, changes B's rows (and the checksum sees it). */
	@Test
	void aWriteOfBsOwnUserChangesBsChecksumWhereAsSawNone() throws Exception {
		JdbcClient owner = TestDatabaseInitializer.asOwner(dataSource);
		Map<String, String> before = checksums(owner, b);
		long inquiry = Long.parseLong(B_VARIABLES.get("inquiryId"));
		mvc.perform(request(HttpMethod.POST, "/cases/" + bCase + "/recording/inquiries/" + inquiry + "/delete").with(csrf())
			.param("confirmed", "true").param("version", "0").with(userOf(a, Role.LEGAL))).andReturn();
		assertThat(checksums(owner, b)).isEqualTo(before);
		MvcResult own = mvc.perform(request(HttpMethod.POST, "/cases/" + bCase + "/recording/inquiries/" + inquiry
				+ "/delete").with(csrf()).param("confirmed", "true").param("version", "0").with(userOf(b, Role.LEGAL)))
			.andReturn();
		assertThat(own.getFlashMap().get("flashSuccess")).as("B's own user deletes B's inquiry").isNotNull();
		Map<String, String> after = checksums(owner, b);
		assertThat(before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList())
			.contains("case_inquiry");
		// put it back for the check of every write
		Bureaus.runAs(b, () -> B_VARIABLES.put("inquiryId", String.valueOf(id("""
				insert into case_inquiry (case_id, held_on, in_inquiry_room, place, created_at, created_by)
				values (?, date '2024-01-20', true, '乙县询问室', localtimestamp, 'yx') returning id""", bCase))));
	}

	/** The role a write is called with: 法制科 where the row lets it in, else the first bureau role it does. */
	private static Role writerOf(RoleMatrixTests.Row row) {
		if (row.allowed().get(Role.LEGAL)) {
			return Role.LEGAL;
		}
		return RoleMatrixTests.ALL_COLUMNS.stream().filter(row.allowed()::get).findFirst().orElse(null);
	}

	/**
	 * The row's path with B's records: {@code {id}} as B's record of the kind the path names ({@link #B_IDS}, else
	 * each of B's case, person and unit in turn), the other variables as {@link #B_VARIABLES}.
	 */
	private static List<String> pathsWithBsIds(String path) {
		List<Long> ids = B_IDS.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
			.findFirst().map(List::of).orElse(List.of(bCase, bPerson, bUnit));
		if (!path.contains("{id}")) {
			ids = List.of(0L);
		}
		List<String> paths = new ArrayList<>();
		for (long id : ids) {
			Matcher m = VARIABLE.matcher(path);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				String name = m.group(1);
				String value = name.equals("id") ? String.valueOf(id)
						: B_VARIABLES.getOrDefault(name, RoleMatrixTests.SAMPLES.getOrDefault(name, RoleMatrixTests.MISSING_ID));
				m.appendReplacement(out, Matcher.quoteReplacement(value));
			}
			m.appendTail(out);
			paths.add(out.toString());
		}
		return paths;
	}

	/**
	 * For every table with row-level security, a checksum of bureau B's rows (their count and the MD5 of their text),
	 * read as the owner, whom the policies do not bind.
	 */
	private Map<String, String> checksums(JdbcClient owner, long bureau) {
		Map<String, String> sums = new java.util.TreeMap<>();
		for (String table : scopedTables()) {
			String sum = owner.sql("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
					+ " from " + table + " t where t.bureau_id = ?").param(bureau).query(String.class).single();
			if (!sum.startsWith("0:")) {
				sums.put(table, sum);
			}
			else {
				sums.put(table + " (empty)", sum);
			}
		}
		return sums;
	}

	/** The check above can fail: B's own user sees B's case and person where A's sees 404. */
	@Test
	void aCaseOfAnotherBureauIsNotFoundWhileItsOwnBureauSeesIt() throws Exception {
		MockHttpServletResponse asA = mvc.perform(get("/cases/" + bCase).with(userOf(a, Role.LEGAL)))
			.andReturn()
			.getResponse();
		MockHttpServletResponse asB = mvc.perform(get("/cases/" + bCase).with(userOf(b, Role.LEGAL)))
			.andReturn()
			.getResponse();
		assertThat(asA.getStatus()).isEqualTo(404);
		assertThat(asA.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(B_MARK);
		assertThat(asB.getStatus()).isEqualTo(200);
		assertThat(asB.getContentAsString(StandardCharsets.UTF_8)).contains("乙县王五");
		assertThat(mvc.perform(get("/people/" + bPerson).with(userOf(a, Role.LEGAL))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
	}

	/** Issue 16 item 2 (b): a query without any bureau condition, on every scoped table, sees only its bureau. */
	@Test
	void anUnscopedQueryOfEveryScopedTableReturnsNothingOfAnotherBureau() {
		List<String> scoped = scopedTables();
		assertThat(scoped).contains("case_file", "person", "unit", "case_return", "setting", "app_user", "audit_log");
		Bureaus.runAs(a, () -> {
			for (String table : scoped) {
				assertThat(jdbc.sql("select count(*) from " + table + " where bureau_id = ?").param(b)
					.query(Long.class).single()).as(table).isZero();
			}
			assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("select string_agg(name, ',') from person").query(String.class).single())
				.doesNotContain(B_MARK);
		});
		Bureaus.runAs(b, () -> {
			assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(2);
			assertThat(jdbc.sql("select count(*) from case_return").query(Long.class).single()).isEqualTo(1);
		});
	}

	/**
	 * Issue 16 item 2: a view reads as its reader, not as its owner (whom the policies do not bind): unit_rollout read
	 * alone in bureau A lists A's units only — before migration 9.72 it listed every bureau's. Every view is checked.
	 */
	@Test
	void everyViewAppliesTheReadersPoliciesAndShowsNothingOfAnotherBureau() {
		List<String> views = jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind = 'v'
				  and not coalesce('security_invoker=true' = any (c.reloptions), false)
				order by 1""").query(String.class).list();
		assertThat(views).as("views that read as their owner").isEmpty();
		Bureaus.runAs(a, () -> {
			List<String> units = jdbc.sql("select u.name from unit_rollout r join unit u on u.id = r.unit_id")
				.query(String.class).list();
			assertThat(units).isNotEmpty().noneMatch(name -> name.contains(B_MARK));
			assertThat(jdbc.sql("select count(*) from unit_rollout").query(Long.class).single())
				.isEqualTo(jdbc.sql("select count(*) from unit").query(Long.class).single());
		});
	}

	/** Reading with no bureau set, in an installation of several, sees nothing (not everything). */
	@Test
	void withoutABureauNothingIsVisibleOnceThereAreSeveral() {
		assertThat(Bureaus.current()).isEmpty();
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from bureau").query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	/** Issue 16 item 2 (b): writing another bureau's row is refused; changing one changes nothing. */
	@Test
	void anInsertWithAnotherBureausIdIsRefusedAndAnUpdateOfItsRowsChangesNothing() {
		Bureaus.runAs(a, () -> {
			assertThatThrownBy(() -> jdbc.sql("insert into unit (name, type, bureau_id) values ('越界中队', 'SECTION', ?)")
				.param(b)
				.update()).rootCause().hasMessageContaining("row-level security");
			assertThat(jdbc.sql("update person set name = '改名' where id = ?").param(bPerson).update()).isZero();
			assertThat(jdbc.sql("delete from case_return where case_id = ?").param(bCase).update()).isZero();
			// and a row of A cannot be moved to B
			assertThatThrownBy(() -> jdbc.sql("update unit set bureau_id = ? where id = ?").params(b, aUnit).update())
				.rootCause().hasMessageContaining("row-level security");
		});
		Bureaus.runAs(b, () -> assertThat(jdbc.sql("select name from person where id = ?").param(bPerson)
			.query(String.class).single()).isEqualTo("乙县王五"));
	}

	/** Issue 16 item 2 (c): the application's role cannot get round the policies. */
	@Test
	void theApplicationsRoleIsNeitherSuperuserNorOwnerNorAbleToBypassOrDisableThePolicies() throws Exception {
		try (var c = dataSource.getConnection(); var s = c.createStatement()) {
			try (var r = s.executeQuery("""
					select current_user, r.rolsuper, r.rolbypassrls, pg_get_userbyid(c.relowner) = current_user
					from pg_roles r, pg_class c where r.rolname = current_user and c.relname = 'case_file'""")) {
				r.next();
				assertThat(r.getString(1)).isEqualTo(ApplicationRole.NAME);
				assertThat(r.getBoolean(2)).as("superuser").isFalse();
				assertThat(r.getBoolean(3)).as("bypassrls").isFalse();
				assertThat(r.getBoolean(4)).as("owns the tables").isFalse();
			}
			String owner;
			try (var r = s.executeQuery("select pg_get_userbyid(relowner) from pg_class where relname = 'case_file'")) {
				r.next();
				owner = r.getString(1);
			}
			assertThatThrownBy(() -> s.execute("set role " + owner)).hasMessageContaining("permission denied");
			assertThatThrownBy(() -> s.execute("alter table case_file disable row level security"))
				.hasMessageContaining("must be owner");
			assertThatThrownBy(() -> s.execute("drop policy bureau_only on person"))
				.hasMessageContaining("must be owner");
			assertThatThrownBy(() -> s.execute("set session authorization " + owner))
				.hasMessageContaining("permission denied");
		}
	}

	/**
	 * Issue 16 item 1: every table is a bureau's (bureau_id not null, referencing bureau, row-level security on, a
	 * policy) or named as the installation's in {@link BureauScope} — a new table that is neither fails here.
	 */
	@Test
	void everyTableIsScopedToABureauOrNamedAsTheInstallations() {
		List<String> wrong = new ArrayList<>();
		List<Map<String, Object>> tables = jdbc.sql("""
				select c.relname as name, c.relrowsecurity as rls,
				       (select count(*) from pg_policy p where p.polrelid = c.oid) as policies,
				       (select a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = 'bureau_id'
				          and not a.attisdropped) as not_null,
				       exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'f'
				                 and k.confrelid = 'bureau'::regclass) as references_bureau
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind in ('r', 'p')
				order by 1""").query().listOfRows();
		for (Map<String, Object> t : tables) {
			String name = (String) t.get("name");
			boolean rls = (Boolean) t.get("rls");
			if (BureauScope.UNSCOPED_TABLES.contains(name)) {
				if (rls) {
					wrong.add(name + " is named as the installation's but has row-level security");
				}
				continue;
			}
			boolean notNull = Boolean.TRUE.equals(t.get("not_null"));
			if (!rls || ((Number) t.get("policies")).intValue() == 0 || t.get("not_null") == null
					|| !(Boolean) t.get("references_bureau")
					|| (notNull == BureauScope.SHARED_WHERE_NULL.contains(name))) {
				wrong.add(name + " is neither scoped to a bureau nor named in BureauScope.UNSCOPED_TABLES");
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(tables).hasSizeGreaterThan(60);
	}

	/** Issue 16 item 1: the province's calendar is everyone's, a bureau's own day only its own (and so its cache). */
	@Test
	void theProvincesHolidaysHoldForEveryBureauAndABureausOwnDayOnlyForIt() {
		LocalDate nationalDay = LocalDate.of(2025, 10, 1); // a Wednesday of the province's calendar (migration 3.61)
		LocalDate ownDay = LocalDate.of(2025, 11, 5); // a Wednesday
		Bureaus.runAs(a, () -> {
			assertThat(workingDays.isWorkingDay(ownDay)).isTrue();
			jdbc.sql("insert into calendar_day (on_date, kind, name) values (?, 'HOLIDAY', '甲县自定休息日')")
				.param(ownDay)
				.update();
		});
		assertThat(Bureaus.runAs(a, () -> workingDays.isWorkingDay(ownDay))).isFalse();
		assertThat(Bureaus.runAs(b, () -> workingDays.isWorkingDay(ownDay))).isTrue();
		assertThat(Bureaus.runAs(a, () -> workingDays.isWorkingDay(nationalDay))).isFalse();
		assertThat(Bureaus.runAs(b, () -> workingDays.isWorkingDay(nationalDay))).isFalse();
		// the province's days are not a bureau's to change
		Bureaus.runAs(b, () -> assertThat(jdbc.sql("delete from calendar_day where on_date = ?").param(nationalDay)
			.update()).isZero());
	}

	/**
	 * within a bureau (issue 16 item 1): the direct squads' officers of A and B would make one pool of four
	 * if pooled; each bureau ranks its own two, and its best handlers are its own.
	 */
	@Test
	void eachBureauRanksItsOwnOfficersInItsOwnPool() {
		Period quarter = Period.quarter(2024, 1);
		Ranking.Category inA = Bureaus.runAs(a, () -> direct(ledger.rankings(quarter, ScoreScope.EVERYONE)));
		Ranking.Category inB = Bureaus.runAs(b, () -> direct(ledger.rankings(quarter, ScoreScope.EVERYONE)));
		assertThat(inA.pool()).isEqualTo(2);
		assertThat(inB.pool()).isEqualTo(2);
		assertThat(inA.entries()).extracting(Ranking.Entry::name).containsExactlyInAnyOrder("甲县张三", "甲县李四");
		assertThat(inB.entries()).extracting(Ranking.Entry::name).containsExactlyInAnyOrder("乙县王五", "乙县赵六");
		assertThat(inB.entries()).filteredOn(Ranking.Entry::bestHandler).extracting(Ranking.Entry::name)
			.allMatch(name -> name.startsWith(B_MARK));
	}

	/**
	 * The policy's condition drives an index (issue 16, performance): the quarter's cases of one bureau are read by
	 * (bureau_id, concluded_on_effective), the bureau evaluated once per statement (an InitPlan), not once per row.
	 */
	@Test
	void theQuartersCasesOfABureauAreReadThroughTheIndexThatLeadsWithTheBureau() {
		String plan = Bureaus.runAs(a, () -> {
			try (var c = dataSource.getConnection(); var s = c.createStatement()) {
				s.execute("set enable_seqscan = off"); // the fixture's tables are tiny: ask for what a large one gets
				StringBuilder out = new StringBuilder();
				try (var r = s.executeQuery("explain select id, lead_id, co_id from case_file"
						+ " where concluded_on_effective between date '2024-01-01' and date '2024-03-31'")) {
					while (r.next()) {
						out.append(r.getString(1)).append('\n');
					}
				}
				s.execute("reset enable_seqscan");
				return out.toString();
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
		});
		assertThat(plan).contains("case_concluded_eff_idx").contains("InitPlan").containsPattern("Index Cond: .*bureau_id");
	}

	private static Ranking.Category direct(Ranking ranking) {
		return ranking.categories().stream().filter(c -> c.category() == UnitType.DIRECT_SQUAD).findFirst().orElseThrow();
	}

	private List<String> scopedTables() {
		return jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind = 'r' and c.relrowsecurity order by 1""")
			.query(String.class)
			.list();
	}

	private static String withIds(String path, long id) {
		Matcher m = VARIABLE.matcher(path);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String sample = RoleMatrixTests.SAMPLES.get(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement(sample != null ? sample : String.valueOf(id)));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String around(String body, String mark) {
		int i = body.indexOf(mark);
		return body.substring(Math.max(0, i - 80), Math.min(body.length(), i + 40)).replaceAll("\\s+", " ");
	}

	/** A signed-in user of the given bureau with the role (a squad's roles for A's or B's squad). */
	private static RequestPostProcessor userOf(long bureau, Role role) {
		long unit = bureau == a ? aUnit : bUnit;
		long person = bureau == a ? aPerson : bPerson;
		CurrentUser user = new CurrentUser(800L + role.ordinal(), "iso-" + role.name().toLowerCase(), role.name(), role,
				role.scope().name().equals("NONE") || role.scope().name().equals("ALL") ? null : unit,
				role.scope().name().equals("SELF") ? person : null);
		AccountPrincipal principal = AccountPrincipal.active(user, bureau);
		return authentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

}
