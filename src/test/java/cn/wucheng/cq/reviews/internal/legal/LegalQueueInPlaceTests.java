package cn.wucheng.cq.reviews.internal.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * Issue 13 item 5: 法制科 works through its queue in place — 通过 or 退卷 with deduction items on the
 * row, sent by htmx to the same URL as the case page's form; the row comes back in its new state, or with the refusal
 * and nothing written; without htmx the same post redirects to the case page as before. Units 法审在线*, 工号 LQ-*.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=legalreview")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegalQueueInPlaceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	Bureau bureau;

	long squad;

	long a;

	long b;

	long item;

	@BeforeAll
	void aSquadAndAnItem() {
		bureau = new Bureau(jdbc);
		squad = bureau.unit("法审在线中队", "直属中队");
		a = bureau.officer("LQ-01", "在线甲", squad);
		b = bureau.officer("LQ-02", "在线乙", squad);
		item = bureau.deductionItem("LQ-D1", "文书送达不规范", "0.5");
	}

	@BeforeEach
	void today() {
		clock.setToday(LocalDate.of(2024, 8, 20));
	}

	@Test
	void r42_theQueueOffersPassAndReturnOnEachRowToTheLegalSectionOnly() throws Exception {
		bureau.concludedCase("LQ-1", "普通程序", squad, a, b, LocalDate.of(2024, 8, 1));
		String legal = html(mvc.perform(get("/legal-reviews?unit=" + squad).with(Users.legalSection())));
		assertThat(legal).contains("data-case-no=\"LQ-1\"", "data-pass", "确认退卷", "LQ-D1 文书送达不规范（扣 0.5 分）")
			.doesNotContain("??");
		String leader = html(mvc.perform(get("/legal-reviews?unit=" + squad).with(Users.leader())));
		assertThat(leader).contains("data-case-no=\"LQ-1\"").doesNotContain("data-pass", "确认退卷");
	}

	@Test
	void r42_passInPlaceReplacesTheRowWithItsNewStateAndIsAudited() throws Exception {
		long id = bureau.concludedCase("LQ-2", "普通程序", squad, a, b, LocalDate.of(2024, 8, 2));
		String row = html(mvc.perform(review(id, "PASSED").header("HX-Request", "true")).andExpect(status().isOk()));
		assertThat(row.strip()).startsWith("<tr").doesNotContain("<nav", "data-pass")
			.contains("已通过", "已记录第 1 次法制审核：通过。");
		assertThat(audits("LEGAL_REVIEW_PASSED", "LQ-2")).isEqualTo(1);
	}

	@Test
	void r21_aReturnWithoutItemsIsRefusedInTheRowAndNothingIsWritten() throws Exception {
		long id = bureau.concludedCase("LQ-3", "普通程序", squad, a, b, LocalDate.of(2024, 8, 3));
		String row = html(mvc.perform(review(id, "RETURNED").param("reason", "缺证据").header("HX-Request", "true"))
			.andExpect(status().isOk()));
		assertThat(row).contains("table-danger", "退卷须从案件质量评查标准中选择至少一项扣分项（附件1 积分制“质量分”）", "data-pass");
		assertThat(jdbc.sql("select count(*) from legal_review where case_id = ?").param(id).query(Long.class).single())
			.isZero();
		String returned = html(mvc.perform(review(id, "RETURNED").param("reason", "送达回证缺失")
			.param("itemIds", Long.toString(item)).header("HX-Request", "true")).andExpect(status().isOk()));
		assertThat(returned).contains("已退卷", "已记录第 1 次法制审核：退卷。");
		assertThat(jdbc.sql("select count(*) from case_return where case_id = ?").param(id).query(Long.class).single())
			.as("R-21: the 退卷's item is recorded against the case").isEqualTo(1);
		assertThat(audits("LEGAL_REVIEW_RETURNED", "LQ-3")).isEqualTo(1);
	}

	@Test
	void r42_withoutHtmxTheSamePostRedirectsToTheCasePageAsBefore() throws Exception {
		long id = bureau.concludedCase("LQ-4", "普通程序", squad, a, b, LocalDate.of(2024, 8, 4));
		mvc.perform(review(id, "PASSED")).andExpect(status().is3xxRedirection());
		assertThat(audits("LEGAL_REVIEW_PASSED", "LQ-4")).isEqualTo(1);
	}

	@Test
	void aStaleRowIsRefusedInPlace() throws Exception {
		long id = bureau.concludedCase("LQ-5", "普通程序", squad, a, b, LocalDate.of(2024, 8, 5));
		mvc.perform(review(id, "PASSED")).andExpect(status().is3xxRedirection());
		String row = html(mvc.perform(review(id, "PASSED").header("HX-Request", "true")).andExpect(status().isOk()));
		assertThat(row).contains("table-danger", "该案件的法制审核已被他人更新，请查看最新记录后重新提交。");
		assertThat(audits("LEGAL_REVIEW_PASSED", "LQ-5")).isEqualTo(1);
	}

	private MockHttpServletRequestBuilder review(long caseId, String outcome) {
		return post("/legal-reviews/cases/" + caseId).with(Users.legalSection()).with(csrf())
			.param("reviewedOn", "2024-08-20")
			.param("outcome", outcome);
	}

	private long audits(String action, String key) {
		return jdbc.sql("select count(*) from audit_log where action = ? and entity_key = ?").params(action, key)
			.query(Long.class).single();
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
