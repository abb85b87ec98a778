package cn.wucheng.cq.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.notifications.MessageKind;
import cn.wucheng.cq.notifications.Notifications;
import cn.wucheng.cq.notifications.Notifications.Recipient;
import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * The message centre (站内消息): each feed writes exactly the message for the person concerned and nobody else — a
 * case assigned, an appeal decided, a case file returned after legal review, a training plan
 * returned, the day's reminders once per item and day; the badge counts, the list pages, marking read; and
 * nobody reads or marks another's message. Squads 消息*, employee numbers XX-*, years 2041–2042 are this class's
 * own. Shares the casework context.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=casework")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageCentreTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ReminderMessages reminderMessages;

	@Autowired
	Notifications notifications;

	@Autowired
	MessageStore store;

	Bureau bureau;

	long squad;

	long otherSquad;

	long lead;

	long co;

	long third;

	long leadAccount;

	long coAccount;

	long thirdAccount;

	long leaderAccount;

	long otherLeaderAccount;

	long legalOfficerAccount;

	@BeforeAll
	void bureau() {
		bureau = new Bureau(jdbc);
		squad = bureau.unit("消息甲中队", "直属中队");
		otherSquad = bureau.unit("消息乙中队", "直属中队");
		LocalDate born = LocalDate.of(1980, 5, 1);
		long leader = bureau.person("XX-L", "消息队长", "MALE", born, "FORMAL", squad, "SQUAD_LEADER");
		long otherLeader = bureau.person("XY-L", "消息乙队长", "MALE", born, "FORMAL", otherSquad, "SQUAD_LEADER");
		long legalOfficer = bureau.person("XX-F", "消息法制员", "FEMALE", born, "FORMAL", squad, "LEGAL_OFFICER");
		lead = bureau.officer("XX-A", "消息甲", squad);
		co = bureau.officer("XX-B", "消息乙", squad);
		third = bureau.officer("XX-C", "消息丙", squad);
		leadAccount = account("xx-a", Role.OFFICER, squad, lead);
		coAccount = account("xx-b", Role.OFFICER, squad, co);
		thirdAccount = account("xx-c", Role.OFFICER, squad, third);
		leaderAccount = account("xx-leader", Role.SQUAD_LEADER, squad, leader);
		otherLeaderAccount = account("xy-leader", Role.SQUAD_LEADER, otherSquad, otherLeader);
		legalOfficerAccount = account("xx-legal", Role.LEGAL_OFFICER, squad, legalOfficer);
	}

	// ------------------------------------------------------------------ feeds

	@Test
	void r11_aRegisteredCaseTellsEachOfItsTwoHandlersAndNobodyElse() throws Exception {
		clock.setToday(LocalDate.of(2041, 3, 4));
		register("XX-2041-001", lead, co).andExpect(status().is3xxRedirection());
		long caseId = caseId("XX-2041-001");
		assertThat(about(leadAccount, "XX-2041-001")).containsExactly("您被指派为案件 XX-2041-001 的主办人（第一承办人）。");
		assertThat(about(coAccount, "XX-2041-001")).containsExactly("您被指派为案件 XX-2041-001 的协办人（第二承办人）。");
		assertThat(about(thirdAccount, "XX-2041-001")).isEmpty();
		assertThat(about(leaderAccount, "XX-2041-001")).isEmpty();
		assertThat(jdbc.sql("select link from message where recipient_id = ? and text like '%XX-2041-001%'")
			.param(leadAccount).query(String.class).list()).containsExactly("/cases/" + caseId);
	}

	@Test
	void r11_aReassignmentTellsOnlyTheHandlerNewInHisPlace() throws Exception {
		clock.setToday(LocalDate.of(2041, 3, 5));
		register("XX-2041-002", lead, co).andExpect(status().is3xxRedirection());
		long caseId = caseId("XX-2041-002");
		long coBefore = count(coAccount, MessageKind.CASE_ASSIGNED);
		long leadBefore = count(leadAccount, MessageKind.CASE_ASSIGNED);
		int version = jdbc.sql("select version from case_file where id = ?").param(caseId).query(Integer.class).single();
		mvc.perform(post("/casework/cases/" + caseId + "/assignment").with(Users.squadLeaderOf(squad)).with(csrf())
			.param("leadId", Long.toString(lead))
			.param("coId", Long.toString(third))
			.param("reason", "乙调岗")
			.param("version", Integer.toString(version))).andExpect(status().is3xxRedirection());
		assertThat(texts(thirdAccount, MessageKind.CASE_ASSIGNED))
			.contains("您被指派为案件 XX-2041-002 的协办人（第二承办人）。");
		assertThat(count(leadAccount, MessageKind.CASE_ASSIGNED)).as("the lead stays: no new message")
			.isEqualTo(leadBefore);
		assertThat(count(coAccount, MessageKind.CASE_ASSIGNED)).as("the one taken off is not 'assigned'")
			.isEqualTo(coBefore);
	}

	@Test
	void aRefusedAssignmentLeavesNoMessage() throws Exception {
		long before = count(leadAccount, MessageKind.CASE_ASSIGNED);
		register("XX-2041-003", lead, lead); // the same person twice: refused, nothing saved
		assertThat(jdbc.sql("select count(*) from case_file where case_no = 'XX-2041-003'").query(Long.class).single())
			.isZero();
		assertThat(count(leadAccount, MessageKind.CASE_ASSIGNED)).isEqualTo(before);
	}

	@Test
	void r26_theOfficerHearsWhetherHisAppealWasUpheldOrRejectedWithTheNote() throws Exception {
		long caseId = bureau.concludedCase("XX-2041-A1", "普通程序", squad, lead, co, LocalDate.of(2041, 2, 1));
		jdbc.sql("insert into quarter_publication (period_code, status, published_on, notice_ends_on) "
				+ "values ('2041-Q1', 'PUBLISHED', date '2041-04-01', date '2041-04-08')").update();
		long publication = jdbc.sql("select id from quarter_publication where period_code = '2041-Q1'")
			.query(Long.class).single();
		long upheld = appeal(publication, lead, caseId, "XX-2041-A1 主办");
		long rejected = appeal(publication, co, caseId, "XX-2041-A1 协办");
		clock.setToday(LocalDate.of(2041, 4, 9));
		mvc.perform(post("/appeals/" + upheld + "/uphold").with(Users.legalSection()).with(csrf())
			.param("version", "0").param("period", "2041-Q1").param("note", "撤销扣分"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/appeals/" + rejected + "/reject").with(Users.legalSection()).with(csrf())
			.param("version", "0").param("period", "2041-Q1").param("reason", "扣分有据"))
			.andExpect(status().is3xxRedirection());
		assertThat(texts(leadAccount, MessageKind.APPEAL_DECIDED))
			.containsExactly("您对2041年第1季度积分“XX-2041-A1 主办”的申诉已审核：申诉成立。法制科意见：撤销扣分");
		assertThat(links(leadAccount, MessageKind.APPEAL_DECIDED)).containsExactly("/scores/XX-A?period=2041-Q1");
		assertThat(texts(coAccount, MessageKind.APPEAL_DECIDED))
			.containsExactly("您对2041年第1季度积分“XX-2041-A1 协办”的申诉已审核：申诉不成立。法制科意见：扣分有据");
		assertThat(texts(thirdAccount, MessageKind.APPEAL_DECIDED)).isEmpty();
	}

	@Test
	void r60_aReturnedTrainingPlanTellsTheSquadsLeaderOnly() throws Exception {
		jdbc.sql("""
				insert into training_plan (unit_id, plan_year, status, first_submitted_on, submitted_on, created_at)
				values (?, 2041, 'SUBMITTED', date '2041-01-20', date '2041-01-20', current_timestamp)""")
			.param(squad)
			.update();
		long plan = jdbc.sql("select id from training_plan where unit_id = ? and plan_year = 2041").param(squad)
			.query(Long.class).single();
		mvc.perform(post("/training/plans/" + plan + "/request-changes").with(Users.legalSection()).with(csrf())
			.param("version", "0").param("reason", "缺少执法证据专题")).andExpect(status().is3xxRedirection());
		String text = "消息甲中队 2041 年度培训计划被法制科退回修改，原因：缺少执法证据专题。请修改后重新报送。";
		assertThat(texts(leaderAccount, MessageKind.RETURNED)).containsOnlyOnce(text);
		assertThat(jdbc.sql("select link from message where recipient_id = ? and text = ?")
			.params(leaderAccount, text).query(String.class).single()).isEqualTo("/training/plans/" + plan);
		assertThat(texts(otherLeaderAccount, MessageKind.RETURNED)).doesNotContain(text);
		assertThat(texts(legalOfficerAccount, MessageKind.RETURNED)).doesNotContain(text);
		assertThat(texts(leadAccount, MessageKind.RETURNED)).doesNotContain(text);
	}

	@Test
	void r42_aCaseReturnedAfterLegalReviewTellsTheSquadsLeaderAndLegalOfficerOnly() throws Exception {
		long caseId = bureau.concludedCase("XX-2041-R1", "普通程序", squad, lead, co, LocalDate.of(2041, 6, 1));
		long item = bureau.deductionItem("XXD1", "文书送达不规范", "1");
		clock.setToday(LocalDate.of(2041, 6, 10));
		mvc.perform(post("/legal-reviews/cases/" + caseId).with(Users.legalSection()).with(csrf())
			.param("reviewedOn", "2041-06-10").param("outcome", "RETURNED").param("reason", "补正送达回证")
			.param("itemIds", Long.toString(item))).andExpect(status().is3xxRedirection());
		String text = "案件 XX-2041-R1 经法制审核被退卷，扣分项：文书送达不规范；说明：补正送达回证。请整改后重新报送。";
		assertThat(texts(leaderAccount, MessageKind.RETURNED)).containsOnlyOnce(text);
		assertThat(texts(legalOfficerAccount, MessageKind.RETURNED)).containsOnlyOnce(text);
		assertThat(jdbc.sql("select link from message where recipient_id = ? and text = ?")
			.params(legalOfficerAccount, text).query(String.class).single()).isEqualTo("/legal-reviews/cases/" + caseId);
		assertThat(texts(otherLeaderAccount, MessageKind.RETURNED)).doesNotContain(text);
		assertThat(texts(leadAccount, MessageKind.RETURNED)).doesNotContain(text);
	}

	@Test
	void r60_theRemindersWriteOneMessagePerItemAndDayToWhoShouldActAndASecondRunWritesNone() {
		// 2042: 消息乙中队 has submitted its plan, 消息甲中队 has not; after 31 January the plan is missing
		jdbc.sql("""
				insert into training_plan (unit_id, plan_year, status, first_submitted_on, submitted_on, created_at)
				values (?, 2042, 'SUBMITTED', date '2042-01-20', date '2042-01-20', current_timestamp)""")
			.param(otherSquad)
			.update();
		long audits = jdbc.sql("select count(*) from audit_log where action = 'REMINDER_MESSAGES_SENT'")
			.query(Long.class).single();
		LocalDate day = LocalDate.of(2042, 2, 3);
		assertThat(reminderMessages.deliver(day)).isPositive();
		String missing = "消息甲中队 2042 年度培训计划未报送（截止 2042-01-31）（已逾期）";
		assertThat(texts(leaderAccount, MessageKind.REMINDER)).containsOnlyOnce(missing);
		assertThat(links(leaderAccount, MessageKind.REMINDER)).contains("/training/plans?year=2042");
		assertThat(texts(otherLeaderAccount, MessageKind.REMINDER)).noneMatch(t -> t.contains("消息甲中队"));
		assertThat(texts(leadAccount, MessageKind.REMINDER)).noneMatch(t -> t.contains("培训计划"));
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'REMINDER_MESSAGES_SENT'")
			.query(Long.class).single()).as("the run is audited").isEqualTo(audits + 1);

		assertThat(reminderMessages.deliver(day)).as("the same day again: nothing new").isZero();
		assertThat(texts(leaderAccount, MessageKind.REMINDER)).containsOnlyOnce(missing);

		reminderMessages.deliver(day.plusDays(1));
		assertThat(texts(leaderAccount, MessageKind.REMINDER).stream().filter(missing::equals))
			.as("the next day: once more").hasSize(2);
	}

	// ------------------------------------------------------------------ the page, the badge, marking read

	@Test
	void theBadgeCountsTheUsersOwnUnreadMessagesAndMarkingReadByHtmxUpdatesRowAndBadge() throws Exception {
		long user = account("xx-badge", Role.LEGAL, null, null);
		long other = account("xx-badge-other", Role.LEGAL, null, null);
		send(user, "第一条", "/cases");
		send(user, "第二条", "/cases");
		send(other, "别人的", "/cases");
		assertThat(html(mvc.perform(get("/messages").with(as(user, Role.LEGAL)))))
			.contains("id=\"message-unread\">2</span>", "第一条", "第二条").doesNotContain("别人的");

		long first = id(user, "第一条");
		String answer = html(mvc.perform(post("/messages/" + first + "/read").with(as(user, Role.LEGAL)).with(csrf())
			.header("HX-Request", "true")));
		assertThat(answer).contains("id=\"message-" + first + "\"", "data-unread=\"false\"", "hx-swap-oob=\"true\"",
				"id=\"message-unread\">1</span>").doesNotContain("<html");
		assertThat(store.unreadCount(user)).isEqualTo(1);
		assertThat(notifications.unreadCount(other)).isEqualTo(1);
	}

	@Test
	void nobodyReadsOpensOrMarksAnotherUsersMessage() throws Exception {
		long owner = account("xx-owner", Role.OFFICER, squad, null);
		long intruder = account("xx-intruder", Role.LEGAL, null, null);
		send(owner, "只给本人", "/cases");
		long id = id(owner, "只给本人");
		mvc.perform(post("/messages/" + id + "/read").with(as(intruder, Role.LEGAL)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/messages/" + id + "/open").with(as(intruder, Role.LEGAL)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/messages/read-all").with(as(intruder, Role.LEGAL)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get("/messages").with(as(intruder, Role.LEGAL))))).doesNotContain("只给本人");
		assertThat(store.unreadCount(owner)).as("still unread for its owner").isEqualTo(1);
		mvc.perform(post("/messages/" + id + "/read").with(as(owner, Role.OFFICER)))
			.andExpect(status().isForbidden()); // no CSRF token
		mvc.perform(get("/messages")).andExpect(status().is3xxRedirection()); // anonymous: to the login page
	}

	@Test
	void openingAMessageMarksItReadAndGoesToItsPageButNeverToAnotherSite() throws Exception {
		long user = account("xx-open", Role.SQUAD_LEADER, squad, null);
		send(user, "去清单", "/casework/squads/" + squad + "/lists/2041-02");
		send(user, "外站", "//evil.example/steal");
		mvc.perform(post("/messages/" + id(user, "去清单") + "/open").with(as(user, Role.SQUAD_LEADER)).with(csrf()))
			.andExpect(redirectedUrl("/casework/squads/" + squad + "/lists/2041-02"));
		mvc.perform(post("/messages/" + id(user, "外站") + "/open").with(as(user, Role.SQUAD_LEADER)).with(csrf()))
			.andExpect(redirectedUrl("/messages"));
		assertThat(store.unreadCount(user)).isZero();
	}

	@Test
	void theListIsNewestFirstTwentyAPageAndAllCanBeMarkedReadAtOnce() throws Exception {
		long user = account("xx-many", Role.LEADER, null, null);
		for (int i = 1; i <= 25; i++) {
			clock.setToday(LocalDate.of(2041, 5, i));
			send(user, "消息第" + i + "条", "/dashboard");
		}
		String first = html(mvc.perform(get("/messages").with(as(user, Role.LEADER))));
		assertThat(first.indexOf("消息第25条")).isLessThan(first.indexOf("消息第24条"));
		assertThat(first).contains("消息第6条").doesNotContain("消息第5条<").contains("第 1 / 2 页，共 25 条");
		String second = html(mvc.perform(get("/messages?page=2").with(as(user, Role.LEADER))
			.header("HX-Request", "true")));
		assertThat(second).startsWith("<div id=\"messages\"").contains("消息第1条", "消息第5条")
			.doesNotContain("消息第6条");
		String all = html(mvc.perform(post("/messages/read-all").with(as(user, Role.LEADER)).with(csrf())
			.header("HX-Request", "true")));
		assertThat(all).contains("hx-swap-oob=\"true\"").doesNotContain("message-unread\"", "data-unread=\"true\"");
		assertThat(store.unreadCount(user)).isZero();
	}

	@Test
	void theDemoCanSendToAUsernameAPersonOrASquadsLeadersAndADisabledAccountGetsNothing() {
		long disabled = account("xx-disabled", Role.OFFICER, squad, third);
		jdbc.sql("update app_user set enabled = false where id = ?").param(disabled).update();
		long before = count(thirdAccount, MessageKind.NOTICE);
		assertThat(notifications.send(Recipient.person(third), MessageKind.NOTICE, "演示通知", "/")).isEqualTo(1);
		assertThat(count(thirdAccount, MessageKind.NOTICE)).isEqualTo(before + 1);
		assertThat(count(disabled, MessageKind.NOTICE)).isZero();
		assertThat(notifications.send(Recipient.username("xy-leader"), MessageKind.NOTICE, "notifications.nav",
				List.of(), "/")).isEqualTo(1);
		assertThat(texts(otherLeaderAccount, MessageKind.NOTICE)).contains("消息");
		assertThat(notifications.send(Recipient.squadLeadersOf(otherSquad), MessageKind.NOTICE, "给乙队长", "/"))
			.isEqualTo(1);
		assertThat(notifications.send(Recipient.person(-1), MessageKind.NOTICE, "无人", "/")).isZero();
	}

	@Test
	void theBadgesCountReadsThePartialIndexAndTakesWellUnderAMillisecondAmongAHundredThousandMessages() {
		// 200 accounts with 500 messages each, one in ten unread: the badge runs on every page view
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, created_at)
				select 'xx-load-' || g, 'x', 'load', 'OFFICER', current_timestamp from generate_series(1, 200) g""")
			.update();
		jdbc.sql("""
				insert into message (recipient_id, kind, text, link, created_at, read_at)
				select u.id, 'NOTICE', '负载', '/', current_timestamp, case when g % 10 = 0 then null else current_timestamp end
				from app_user u, generate_series(1, 500) g where u.username like 'xx-load-%'""")
			.update();
		jdbc.sql("analyze message").update();
		long user = jdbc.sql("select id from app_user where username = 'xx-load-100'").query(Long.class).single();
		try {
			String plan = String.join("\n", jdbc.sql("explain select count(*) from message where recipient_id = "
					+ user + " and read_at is null").query(String.class).list());
			assertThat(plan).contains("message_unread");
			for (int i = 0; i < 50; i++) {
				store.unreadCount(user); // warm up
			}
			int runs = 500;
			long start = System.nanoTime();
			for (int i = 0; i < runs; i++) {
				assertThat(store.unreadCount(user)).isEqualTo(50);
			}
			double micros = (System.nanoTime() - start) / 1000.0 / runs;
			start = System.nanoTime();
			for (int i = 0; i < runs; i++) {
				jdbc.sql("select 1").query(Integer.class).single();
			}
			double roundTrip = (System.nanoTime() - start) / 1000.0 / runs;
			String executed = jdbc.sql("explain analyze select count(*) from message where recipient_id = " + user
					+ " and read_at is null").query(String.class).list().stream()
				.filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?");
			System.out.printf("message badge: %.0f µs per count among %d messages (a bare 'select 1': %.0f µs; "
					+ "in the server: %s)%n", micros, jdbc.sql("select count(*) from message").query(Long.class).single(),
					roundTrip, executed);
			assertThat(micros).isLessThan(5000);
		}
		finally {
			jdbc.sql("delete from app_user where username like 'xx-load-%'").update(); // messages cascade
		}
	}

	// ------------------------------------------------------------------ helpers

	private long account(String username, Role role, Long unitId, Long personId) {
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, unit_id, person_id, created_at)
				values (?, 'x', ?, ?, ?, ?, ?)""")
			.params(username, username, role.name(), unitId, personId, LocalDateTime.now())
			.update();
		return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
	}

	private RequestPostProcessor as(long userId, Role role) {
		CurrentUser user = new CurrentUser(userId, "u" + userId, "u" + userId, role, null, null);
		AccountPrincipal principal = AccountPrincipal.active(user);
		return authentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

	private void send(long userId, String text, String link) {
		notifications.send(Recipient.user(userId), MessageKind.NOTICE, text, link);
	}

	private long id(long userId, String text) {
		return jdbc.sql("select id from message where recipient_id = ? and text = ?").params(userId, text)
			.query(Long.class).single();
	}

	private List<String> texts(long userId, MessageKind kind) {
		return jdbc.sql("select text from message where recipient_id = ? and kind = ? order by id")
			.params(userId, kind.name()).query(String.class).list();
	}

	private List<String> about(long userId, String caseNo) {
		return texts(userId, MessageKind.CASE_ASSIGNED).stream().filter(t -> t.contains(caseNo)).toList();
	}

	private List<String> links(long userId, MessageKind kind) {
		return jdbc.sql("select link from message where recipient_id = ? and kind = ? order by id")
			.params(userId, kind.name()).query(String.class).list();
	}

	private long count(long userId, MessageKind kind) {
		return texts(userId, kind).size();
	}

	private long caseId(String caseNo) {
		return jdbc.sql("select id from case_file where case_no = ?").param(caseNo).query(Long.class).single();
	}

	private long appeal(long publication, long person, long caseId, String label) {
		jdbc.sql("""
				insert into score_appeal (publication_id, person_id, case_id, item_label, reason, filed_on, filed_by,
				  status)
				values (?, ?, ?, ?, '积分有误', date '2041-04-02', 'xx', 'OPEN')""")
			.params(publication, person, caseId, label)
			.update();
		return jdbc.sql("select id from score_appeal where person_id = ? and item_label = ?").params(person, label)
			.query(Long.class).single();
	}

	private ResultActions register(String caseNo, long leadId, long coId) throws Exception {
		long domain = jdbc.sql("select id from domain where name = '市容环境卫生'").query(Long.class).single();
		return mvc.perform(post("/casework/squads/" + squad + "/cases").with(Users.squadLeaderOf(squad)).with(csrf())
			.param("caseNo", caseNo)
			.param("category", "SIMPLE")
			.param("domainId", Long.toString(domain))
			.param("filedOn", "2041-03-04")
			.param("decisionNo", "婺综执简罚〔2041〕" + caseNo)
			.param("leadId", Long.toString(leadId))
			.param("coId", Long.toString(coId)));
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
