package cn.wucheng.cq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * The pages that keep results and their rendered rows (province-scale issue: shared.DataStamp,
 * shared.RenderedFragments) show a change at the very next view: the breakdown's rows, the ranking's tables, the
 * dashboard, the period selector. On PostgreSQL every business table raises the data stamp (not only the tables of
 * the points), and nothing is kept from inside a writing transaction.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
class PagesFollowChangesTests {

	static final String CASES = "案件编号,决定书号,案件类别,执法领域,办案单位,案件来源,立案日期,办结日期,主办人工号,协办人工号,视频编号\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataStamp stamp;

	@Autowired
	TransactionTemplate tx;

	@BeforeEach
	void aSquadWithTwoOfficers() {
		if (jdbc.sql("select count(*) from person where employee_no = 'PAGE-1'").query(Integer.class).single() == 0) {
			Bureau bureau = new Bureau(jdbc);
			long squad = bureau.unit("页面中队", "直属中队");
			bureau.officer("PAGE-1", "页甲", squad);
			bureau.officer("PAGE-2", "页乙", squad);
		}
	}

	@Test
	void theBreakdownsRowsFollowACaseChangeAtTheNextView() throws Exception {
		importCases("PAGE-C1,,普通程序,市容环境卫生,页面中队,投诉举报,2024-01-05,2024-02-10,PAGE-1,PAGE-2,");
		String before = page("/scores/PAGE-1?period=2024-Q1", Users.legalSection());
		// an ordinary case gives its lead 5 + 2; the row links to the case
		assertThat(before).contains("PAGE-C1", "/cases/no/PAGE-C1", "7.00").doesNotContain("12.00");
		assertThat(rows(page("/scores/PAGE-1?period=2024-Q1", Users.legalSection()))).isEqualTo(rows(before));

		importCases("PAGE-C1,,重大疑难,市容环境卫生,页面中队,投诉举报,2024-01-05,2024-02-10,PAGE-1,PAGE-2,");

		// a major case gives 10 + 2
		assertThat(page("/scores/PAGE-1?period=2024-Q1", Users.legalSection())).contains("PAGE-C1", "12.00");
	}

	@Test
	void theRankingsTablesFollowACaseChangeAtTheNextView() throws Exception {
		importCases("PAGE-C2,,普通程序,市容环境卫生,页面中队,投诉举报,2024-04-05,2024-05-10,PAGE-2,PAGE-1,");
		assertThat(page("/rankings?period=2024-Q2", Users.legalSection())).contains("页乙", "7.00");

		importCases("PAGE-C2,,重大疑难,市容环境卫生,页面中队,投诉举报,2024-04-05,2024-05-10,PAGE-2,PAGE-1,");

		// the ranking orders by the new totals at once
		assertThat(page("/rankings?period=2024-Q2", Users.legalSection())).contains("页乙", "12.00");
	}

	@Test
	void theRenderedRowsAreTheSameForEveryReaderAndCarryNoUsersToken() throws Exception {
		importCases("PAGE-C3,,普通程序,市容环境卫生,页面中队,投诉举报,2024-07-05,2024-08-10,PAGE-1,PAGE-2,");
		String legal = page("/scores/PAGE-1?period=2024-Q3", Users.legalSection());
		String leader = page("/scores/PAGE-1?period=2024-Q3", Users.leader());
		assertThat(rows(legal)).isEqualTo(rows(leader)).contains("PAGE-C3").doesNotContain("_csrf");
		// the period selector is rendered once too, with this view's period chosen
		assertThat(legal).contains("<option value=\"2024-Q3\" selected=\"selected\">");
		assertThat(page("/scores?period=2024-Q4", Users.legalSection()))
			.contains("<option value=\"2024-Q4\" selected=\"selected\">")
			.doesNotContain("<option value=\"2024-Q3\" selected=\"selected\">");
	}

	@Test
	void theMenuRenderedOncePerRoleIsTheRolesOwn() throws Exception {
		String legal = page("/rankings?period=2024-Q1", Users.legalSection());
		String leader = page("/rankings?period=2024-Q1", Users.leader());
		String legalAgain = page("/scores?period=2024-Q1", Users.legalSection());
		// 法制科 imports data and keeps the deduction catalogue; 局领导 reads the dashboard but imports nothing
		assertThat(menu(legal)).contains("href=\"/imports\"", "href=\"/deduction-items\"", "href=\"/dashboard\"")
			.isEqualTo(menu(legalAgain));
		assertThat(menu(leader)).contains("href=\"/dashboard\"").doesNotContain("href=\"/imports\"");
	}

	private static String menu(String page) {
		int from = page.indexOf("<ul class=\"navbar-nav me-auto\"");
		return page.substring(from, page.indexOf("navbar-text", from));
	}

	@Test
	void everyBusinessTableRaisesTheStampOnPostgresql() {
		assertThat(stamp.enabled()).isTrue();
		List<String> unwatched = jdbc.sql("""
				select t.table_name from information_schema.tables t
				where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
				  and not exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
				                  where c.relname = t.table_name and g.tgname = 'data_stamp_' || t.table_name)
				order by 1""").query(String.class).list();
		// sessions and cluster locks change on every request or job run: they must not invalidate every cache (issue 16)
		assertThat(unwatched).containsExactlyInAnyOrder("app_user", "audit_chain", "audit_log", "audit_retention",
				"data_stamp", "flyway_schema_history", "password_history", "spring_session", "spring_session_attributes",
				"shedlock");
		// a table the points never read (legal review, R-42) — the dashboard and the reminders do
		long before = stamp.current();
		jdbc.sql("update legal_review set id = id where 1 = 0").update();
		assertThat(stamp.current()).isGreaterThan(before);
	}

	@Test
	void nothingIsKeptFromInsideAWritingTransaction() {
		AtomicInteger computed = new AtomicInteger();
		tx.executeWithoutResult(s -> {
			jdbc.sql("update setting set name = name where 1 = 0").update();
			stamp.cached(DataCache.FRAGMENTS, "pages-follow-changes-tx", computed::incrementAndGet);
			stamp.cached(DataCache.FRAGMENTS, "pages-follow-changes-tx", computed::incrementAndGet);
		});
		assertThat(computed).hasValue(2);
		stamp.cached(DataCache.FRAGMENTS, "pages-follow-changes-tx", computed::incrementAndGet);
		stamp.cached(DataCache.FRAGMENTS, "pages-follow-changes-tx", computed::incrementAndGet);
		// outside it, kept on PostgreSQL (computed once more), computed per call on H2
		assertThat(computed).hasValue(stamp.enabled() ? 3 : 4);
	}

	private static String rows(String page) {
		int from = page.indexOf("id=\"breakdown-items\"");
		return page.substring(from, page.indexOf("</table>", from));
	}

	private String page(String path, RequestPostProcessor user) throws Exception {
		return mvc.perform(get(path).with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private void importCases(String row) throws Exception {
		mvc.perform(multipart("/api/v1/imports/cases")
			.file(new MockMultipartFile("file", "cases.csv", "text/csv",
					(CASES + row + "\n").getBytes(StandardCharsets.UTF_8)))
			.with(Users.legalSection())
			.with(csrf())).andExpect(status().isOk());
	}

}
