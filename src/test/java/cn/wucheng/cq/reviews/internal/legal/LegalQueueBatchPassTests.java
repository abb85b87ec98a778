package cn.wucheng.cq.reviews.internal.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * Issue 13 item 7: 法制科 ticks several waiting cases of its queue and passes them at once — each through the
 * same review as the single 通过 and audited; a refused one keeps its row with the refusal while the others pass; htmx
 * gets the page's rows back, without JS a redirect with a summary. Units 批量通过*, 工号 BP-*.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=legalreview")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegalQueueBatchPassTests {

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

	@BeforeAll
	void aSquad() {
		bureau = new Bureau(jdbc);
		squad = bureau.unit("批量通过中队", "直属中队");
		a = bureau.officer("BP-01", "批量甲", squad);
		b = bureau.officer("BP-02", "批量乙", squad);
	}

	@BeforeEach
	void today() {
		clock.setToday(LocalDate.of(2024, 9, 20));
	}

	@Test
	void r42_theQueueOffersTheBatchToTheLegalSectionOnly() throws Exception {
		bureau.concludedCase("BP-0", "普通程序", squad, a, b, LocalDate.of(2024, 9, 1));
		String legal = html(mvc.perform(get("/legal-reviews?unit=" + squad).with(Users.legalSection())));
		assertThat(legal).contains("id=\"legal-batch\"", "通过所选", "name=\"caseIds\"", "form=\"legal-batch\"")
			.doesNotContain("??");
		String leader = html(mvc.perform(get("/legal-reviews?unit=" + squad).with(Users.leader())));
		assertThat(leader).doesNotContain("legal-batch", "name=\"caseIds\"");
		mvc.perform(post("/legal-reviews/batch-pass").with(Users.leader()).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void r42_aBatchPassesEachTickedCaseAndShowsARefusedOneInItsRowWhileTheOthersPass() throws Exception {
		long one = bureau.concludedCase("BP-1", "普通程序", squad, a, b, LocalDate.of(2024, 9, 2));
		long two = bureau.concludedCase("BP-2", "普通程序", squad, a, b, LocalDate.of(2024, 9, 3));
		long three = bureau.concludedCase("BP-3", "普通程序", squad, a, b, LocalDate.of(2024, 9, 4));
		long untouched = bureau.concludedCase("BP-4", "普通程序", squad, a, b, LocalDate.of(2024, 9, 5));
		// someone passed BP-2 since the page was shown: its row says so, the others pass
		mvc.perform(post("/legal-reviews/cases/" + two).with(Users.legalSection()).with(csrf())
			.param("reviewedOn", "2024-09-20").param("outcome", "PASSED")).andExpect(status().is3xxRedirection());
		String rows = html(mvc.perform(post("/legal-reviews/batch-pass").with(Users.legalSection()).with(csrf())
			.header("HX-Request", "true")
			.param("caseIds", Long.toString(one), Long.toString(two), Long.toString(three))
			.param("versions[" + one + "]", "").param("versions[" + two + "]", "").param("versions[" + three + "]", "")
			.param("shown", Long.toString(one), Long.toString(two), Long.toString(three), Long.toString(untouched)))
			.andExpect(status().isOk()));
		assertThat(rows.strip()).startsWith("<tbody").doesNotContain("<nav");
		assertThat(rows).contains("批量审核：2 起审核通过，1 起未通过。");
		assertThat(row(rows, "BP-1")).contains("table-success", "已记录第 1 次法制审核：通过。");
		assertThat(row(rows, "BP-3")).contains("table-success", "已记录第 1 次法制审核：通过。");
		assertThat(row(rows, "BP-2")).contains("table-danger", "该案件的法制审核已被他人更新，请查看最新记录后重新提交。");
		assertThat(row(rows, "BP-4")).as("shown, not ticked: as it was").doesNotContain("table-success", "table-danger")
			.contains("data-pass");
		assertThat(audits("LEGAL_REVIEW_PASSED", "BP-1")).isEqualTo(1);
		assertThat(audits("LEGAL_REVIEW_PASSED", "BP-2")).as("only the single 通过").isEqualTo(1);
		assertThat(audits("LEGAL_REVIEW_PASSED", "BP-3")).isEqualTo(1);
		assertThat(audits("LEGAL_REVIEW_PASSED", "BP-4")).isZero();
	}

	@Test
	void r42_withoutHtmxTheBatchRedirectsToTheQueueWithASummary() throws Exception {
		long five = bureau.concludedCase("BP-5", "普通程序", squad, a, b, LocalDate.of(2024, 9, 6));
		long six = bureau.concludedCase("BP-6", "普通程序", squad, a, b, LocalDate.of(2024, 9, 7));
		mvc.perform(post("/legal-reviews/batch-pass").with(Users.legalSection()).with(csrf())
			.param("caseIds", Long.toString(five), Long.toString(six)))
			.andExpect(redirectedUrl("/legal-reviews"))
			.andExpect(flash().attribute("flashSuccess", "批量审核：2 起审核通过，0 起未通过。"));
		mvc.perform(post("/legal-reviews/batch-pass").with(Users.legalSection()).with(csrf())
			.param("caseIds", Long.toString(five)).param("versions[" + five + "]", ""))
			.andExpect(flash().attribute("flashError",
					"批量审核：0 起审核通过，1 起未通过。 案件 BP-5：该案件的法制审核已被他人更新，请查看最新记录后重新提交。"));
		mvc.perform(post("/legal-reviews/batch-pass").with(Users.legalSection()).with(csrf()))
			.andExpect(flash().attribute("flashError", "请先勾选要审核通过的案件。"));
		assertThat(audits("LEGAL_REVIEW_PASSED", "BP-5")).isEqualTo(1);
		assertThat(audits("LEGAL_REVIEW_PASSED", "BP-6")).isEqualTo(1);
	}

	private long audits(String action, String key) {
		return jdbc.sql("select count(*) from audit_log where action = ? and entity_key = ?").params(action, key)
			.query(Long.class).single();
	}

	private static String row(String html, String caseNo) {
		int at = html.indexOf("data-case-no=\"" + caseNo + "\"");
		assertThat(at).as(caseNo).isPositive();
		return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
