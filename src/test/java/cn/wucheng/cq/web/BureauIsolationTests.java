package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
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

/**
 * Issue 16, items 1 and 2: two bureaus in one installation, kept apart by PostgreSQL's row-level security even where
 * a query forgets the bureau. Its own context (its own database): with a second bureau the installation is no longer
 * a one-bureau one, which the other contexts are.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=bureau-isolation")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class BureauIsolationTests {

	/** Every name and number of bureau B carries this, so a page that shows any of B's records contains it. */
	static final String B_MARK = "乙县";

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
		jdbc.sql("insert into bureau (code, name) values ('iso-b', '乙县综合行政执法局')").update();
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
		});
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
				String body = response.getContentAsString(StandardCharsets.UTF_8);
				if (response.getStatus() >= 500 || body.contains(B_MARK)) {
					leaks.add(row + " " + path + " as " + role + ": " + response.getStatus()
							+ (body.contains(B_MARK) ? " shows " + around(body, B_MARK) : ""));
				}
			}
		}
		assertThat(leaks).as("reads of %d calls that showed bureau B's records or failed", calls).isEmpty();
		assertThat(calls).isGreaterThan(100);
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
