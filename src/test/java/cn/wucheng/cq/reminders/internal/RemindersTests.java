package cn.wucheng.cq.reminders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.Reminders;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders: each role's due items from every module (publication R-26, training ), overdue first, on the
 * page and the home panel; the DingTalk webhook posts the summary to a stub server on 127.0.0.1 and survives its
 * failures. Quarters of 2030 and squads 提醒* are this class's own; today is 3 April 2030.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=publication")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Isolated // timing or process-wide state (loggers, the pool, the clock): runs alone
class RemindersTests {

	static final LocalDate TODAY = LocalDate.of(2030, 4, 3);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Reminders reminders;

	@Autowired
	ReminderWebhook webhook;

	long squad;

	long otherSquad;

	long officer;

	String officerNo = "TX甲1";

	HttpServer stub;

	final List<String> received = new CopyOnWriteArrayList<>();

	final AtomicInteger answer = new AtomicInteger(200);

	@BeforeAll
	void bureau() throws IOException {
		Bureau bureau = new Bureau(jdbc);
		squad = bureau.unit("提醒甲中队", "直属中队");
		otherSquad = bureau.unit("提醒乙中队", "直属中队");
		officer = bureau.officer(officerNo, "陈甲", squad);
		long co = bureau.officer("TX甲2", "林甲", squad);
		bureau.concludedCase("TX-甲-1", "普通程序", squad, officer, co, LocalDate.of(2030, 2, 1));
		bureau.concludedCase("TX-甲-0", "普通程序", squad, officer, co, LocalDate.of(2029, 11, 1));
		// 提醒乙中队 has submitted its 2030 plan in time; 提醒甲中队 has none
		jdbc.sql("""
				insert into training_plan (unit_id, plan_year, status, first_submitted_on, submitted_on, created_at)
				values (?, 2030, 'SUBMITTED', date '2030-01-20', date '2030-01-20', current_timestamp)""")
			.param(otherSquad)
			.update();
		// the stub robot: records each body, answers with the status the test sets
		stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		stub.createContext("/robot/send", exchange -> {
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] body = (answer.get() == 200 ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "boom").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer.get(), body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		stub.start();
	}

	@AfterAll
	void stopStub() {
		try {
			stub.stop(0);
		}
		catch (IllegalStateException alreadyStopped) {
			// the webhook test stops it to see a refused connection
		}
	}

	@Test
	void eachRoleSeesItsOwnDueItemsOverdueFirst() throws Exception {
		// 2029-Q4 published on 2 January: its notice ended on 9 January, no appeal — to finalise
		clock.setToday(LocalDate.of(2030, 1, 2));
		publish("2029-Q4");
		// 2030-Q1 published on 1 April: notice until 8 April
		clock.setToday(LocalDate.of(2030, 4, 1));
		publish("2030-Q1");
		clock.setToday(TODAY);

		List<DueItem> officerItems = reminders.dueFor(officerUser(), TODAY);
		assertThat(officerItems).extracting(DueItem::messageKey)
			.containsExactlyInAnyOrder("publication.due.mayAppeal", "reminders.training.hoursBehind");
		assertThat(officerItems).filteredOn(i -> i.messageKey().equals("publication.due.mayAppeal"))
			.singleElement()
			.satisfies(i -> {
				assertThat(i.link()).isEqualTo("/scores/" + officerNo + "?period=2030-Q1");
				assertThat(i.dueOn()).isEqualTo(LocalDate.of(2030, 4, 8));
			});

		List<DueItem> legal = reminders.dueFor(user(Role.LEGAL, null, null), TODAY);
		assertThat(legal.get(0).overdue()).isTrue();
		assertThat(legal).anySatisfy(i -> {
			assertThat(i.messageKey()).isEqualTo("reminders.training.planMissing");
			assertThat(i.args()).first().isEqualTo("提醒甲中队");
			assertThat(i.overdue()).isTrue();
		});
		assertThat(legal).noneSatisfy(i -> assertThat(i.args()).first().isEqualTo("提醒乙中队"));
		assertThat(legal).anySatisfy(i -> {
			assertThat(i.messageKey()).isEqualTo("publication.due.finalise");
			assertThat(i.args()).first().isEqualTo("2029年第4季度");
		});
		assertThat(legal).noneSatisfy(i -> assertThat(i.messageKey()).isEqualTo("publication.due.appeals"));

		// the officer appeals: the legal section now has an appeal to decide
		mvc.perform(post("/scores/" + officerNo + "/appeals").with(Users.officer(officer, squad)).with(csrf())
			.param("period", "2030-Q1").param("caseNo", "TX-甲-1").param("reason", "应为重大疑难"));
		assertThat(reminders.dueFor(user(Role.LEGAL, null, null), TODAY)).anySatisfy(i -> {
			assertThat(i.messageKey()).isEqualTo("publication.due.appeals");
			assertThat(i.args()).containsExactly("2030年第1季度", 1L);
		});

		// a squad leader: his squad's missing plan, none of the legal section's items (other modules may add their
		// own, e.g. the squad's recording gaps); supervision: nothing of these
		assertThat(reminders.dueFor(user(Role.SQUAD_LEADER, squad, null), TODAY)).extracting(DueItem::messageKey)
			.contains("reminders.training.planMissing")
			.doesNotContain("publication.due.appeals", "publication.due.finalise");
		assertThat(reminders.dueFor(user(Role.SQUAD_LEADER, otherSquad, null), TODAY)).isEmpty();
		assertThat(reminders.dueFor(user(Role.SUPERVISION, null, null), TODAY)).extracting(DueItem::messageKey)
			.noneMatch(k -> k.startsWith("publication.") || k.startsWith("reminders.training."));

		String page = html(Users.officer(officer, squad), "/reminders");
		assertThat(page).contains("2030年第1季度积分正在公示，如有异议可在 2030-04-08 前（含当日）对本人积分提出申诉",
				"本年度培训学时落后进度").doesNotContain("??");
		String legalPage = html(Users.legalSection(), "/reminders");
		assertThat(legalPage).contains("提醒甲中队 2030 年度培训计划未报送（截止 2030-01-31）", "已逾期",
				"2030年第1季度有 1 件积分申诉待处理", "2029年第4季度公示期已于 2030-01-09 届满");
		assertThat(legalPage.indexOf("提醒甲中队 2030 年度培训计划未报送")).isLessThan(legalPage.indexOf("件积分申诉待处理"));
		assertThat(html(Users.officer(officer, squad), "/")).contains("待办提醒", "本年度培训学时落后进度");
		// supervision: none of these (the task list may add its overdue tasks)
		assertThat(html(Users.supervision(), "/reminders")).doesNotContain("件积分申诉待处理", "培训计划未报送");
		mvc.perform(get("/reminders").with(Users.admin())).andExpect(status().isForbidden());
	}

	@Test
	void theWebhookPostsTheDingTalkTextSummaryAndAFailureIsAuditedNotThrown() throws Exception {
		String url = "http://127.0.0.1:" + stub.getAddress().getPort() + "/robot/send?access_token=SECRET";
		assertThat(webhook.send(TODAY)).isEqualTo(ReminderWebhook.Outcome.OFF); // off by default
		assertThat(webhook.sendTo("", TODAY)).isEqualTo(ReminderWebhook.Outcome.OFF);

		answer.set(200);
		assertThat(webhook.sendTo(url, TODAY)).isEqualTo(ReminderWebhook.Outcome.SENT);
		JsonNode body = JsonMapper.builder().build().readTree(received.get(received.size() - 1));
		assertThat(body.get("msgtype").asString()).isEqualTo("text");
		String content = body.get("text").get("content").asString();
		assertThat(content).startsWith("【执法办案提质增效】2030-04-03 待办提醒")
			.contains("法制科：", "提醒甲中队：", "提醒甲中队 2030 年度培训计划未报送（截止 2030-01-31）（已逾期）")
			.doesNotContain("提醒乙中队：");

		answer.set(500);
		assertThat(webhook.sendTo(url, TODAY)).isEqualTo(ReminderWebhook.Outcome.FAILED);
		stub.stop(0);
		assertThat(webhook.sendTo(url, TODAY)).isEqualTo(ReminderWebhook.Outcome.FAILED);

		assertThat(jdbc.sql("select count(*) from audit_log where action = 'REMINDER_WEBHOOK_SENT'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'REMINDER_WEBHOOK_FAILED' and detail like '发送失败：%'")
			.query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from audit_log where entity = 'reminder_webhook' and entity_key like '%SECRET%'")
			.query(Long.class).single()).isZero();
		// the scheduled run with no URL configured does nothing and throws nothing
		webhook.onSchedule();
	}

	void publish(String period) throws Exception {
		mvc.perform(post("/publication/" + period + "/publish").with(Users.legalSection()).with(csrf())
			.param("confirmed", "true"))
			.andExpect(status().is3xxRedirection());
	}

	CurrentUser officerUser() {
		return user(Role.OFFICER, squad, officer);
	}

	static CurrentUser user(Role role, Long unit, Long person) {
		return new CurrentUser(1L, role.name().toLowerCase(), role.name(), role, unit, person);
	}

	String html(RequestPostProcessor who, String url) throws Exception {
		return mvc.perform(get(url).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
