package cn.wucheng.cq.reviews.internal.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reviews.ReviewRates;
import cn.wucheng.cq.scoring.Breakdown;
import cn.wucheng.cq.scoring.BreakdownItem;
import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * R-42 legal review through the pages, with its effect on the points and the rollout: the 法制科 queue,
 * reviews and 退卷 with deduction items, the workflow's refusals, stale reviews, each role's reach, the review rate
 * against hand-counted figures and the reminder. Units 法审*, 工号 LR-*, case numbers LR-*.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=legalreview")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegalReviewPagesTests {

	static final Pattern CASE_ROW = Pattern.compile("data-case-no=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ScoreLedger ledger;

	@Autowired
	ReviewRates rates;

	@Autowired
	LegalReviewDue due;

	Bureau bureau;

	long squad;

	long otherSquad;

	long lead;

	long co;

	long otherLead;

	long otherCo;

	long itemHalf;

	long itemOne;

	@BeforeAll
	void aBureauWithTwoDirectSquadsAndACatalogue() {
		bureau = new Bureau(jdbc);
		squad = bureau.unit("法审一中队", "直属中队");
		otherSquad = bureau.unit("法审二中队", "直属中队");
		lead = bureau.officer("LR-01", "法审甲", squad);
		co = bureau.officer("LR-02", "法审乙", squad);
		otherLead = bureau.officer("LR-03", "法审丙", otherSquad);
		otherCo = bureau.officer("LR-04", "法审丁", otherSquad);
		itemHalf = bureau.deductionItem("LR-D1", "询问笔录不规范", "0.5");
		itemOne = bureau.deductionItem("LR-D2", "证据不充分", "1");
	}

	@BeforeEach
	void today() {
		clock.setToday(LocalDate.of(2024, 5, 20));
	}

	// ------------------------------------------------------------------ the queue

	@Test
	void r42_theQueueHoldsConcludedOrdinaryAndMajorCasesNotYetReviewedOldestFirst() throws Exception {
		long queue = bureau.unit("法审队列中队", "直属中队");
		long a = bureau.officer("LR-Q1", "队列甲", queue);
		long b = bureau.officer("LR-Q2", "队列乙", queue);
		bureau.concludedCase("LR-Q-ORD", "普通程序", queue, a, b, LocalDate.of(2024, 3, 10));
		bureau.concludedCase("LR-Q-MAJ", "重大疑难", queue, a, b, LocalDate.of(2024, 3, 2));
		bureau.concludedCase("LR-Q-SIM", "简易程序", queue, a, b, LocalDate.of(2024, 3, 1));
		bureau.concludedCase("LR-Q-OPEN", "普通程序", queue, a, b, null);
		bureau.concludedCase("LR-Q-APR", "普通程序", queue, a, b, LocalDate.of(2024, 4, 1));
		long done = bureau.concludedCase("LR-Q-DONE", "普通程序", queue, a, b, LocalDate.of(2024, 3, 5));
		bureau.concludedCase("LR-Q-JAN", "普通程序", queue, a, b, LocalDate.of(2024, 1, 5));
		review(done, Users.legalSection(), "PASSED", "2024-05-01", null, null).andExpect(status().is3xxRedirection());

		assertThat(cases(html(get("/legal-reviews?unit=" + queue + "&month=2024-03"), Users.legalSection())))
			.containsExactly("LR-Q-MAJ", "LR-Q-ORD");
		assertThat(cases(html(get("/legal-reviews?unit=" + queue), Users.legalSection())))
			.as("R-71: the case of 5 January, before the direct squads' start on 9 January, is not awaiting review")
			.containsExactly("LR-Q-MAJ", "LR-Q-ORD", "LR-Q-APR");
		String excluded = html(get("/legal-reviews?state=EXCLUDED&unit=" + queue), Users.legalSection());
		assertThat(cases(excluded)).containsExactly("LR-Q-JAN");
		assertThat(excluded).contains("未纳入");
		assertThat(cases(html(get("/legal-reviews?state=ALL&unit=" + queue), Users.legalSection())))
			.containsExactly("LR-Q-JAN", "LR-Q-MAJ", "LR-Q-DONE", "LR-Q-ORD", "LR-Q-APR");
		assertThat(cases(html(get("/legal-reviews?state=PASSED&unit=" + queue), Users.legalSection())))
			.containsExactly("LR-Q-DONE");
		// htmx (the pager) gets the list alone, without the page around it
		String fragment = html(get("/legal-reviews?unit=" + queue).header("HX-Request", "true"), Users.legalSection());
		assertThat(fragment).contains("id=\"legal-review-list\"").doesNotContain("<nav class=\"navbar");
		assertThat(cases(fragment)).containsExactly("LR-Q-MAJ", "LR-Q-ORD", "LR-Q-APR");
	}

	@Test
	void r42_theQueueIsPagedFiftyARowOldestFirst() throws Exception {
		long paged = bureau.unit("法审分页中队", "直属中队");
		long a = bureau.officer("LR-G1", "分页甲", paged);
		long b = bureau.officer("LR-G2", "分页乙", paged);
		for (int i = 1; i <= 52; i++) {
			bureau.concludedCase(String.format("LR-G-%02d", i), "普通程序", paged, a, b, LocalDate.of(2024, 2, 1).plusDays(i));
		}
		String first = html(get("/legal-reviews?unit=" + paged), Users.legalSection());
		assertThat(cases(first)).hasSize(50).startsWith("LR-G-01").endsWith("LR-G-50");
		assertThat(first).contains("第 1 / 2 页，共 52 条");
		assertThat(cases(html(get("/legal-reviews?unit=" + paged + "&page=2"), Users.legalSection())))
			.containsExactly("LR-G-51", "LR-G-52");
	}

	@Test
	void r42_aBadMonthFilterIsRefusedInChinese() throws Exception {
		mvc.perform(get("/legal-reviews?month=2024-13").with(Users.legalSection()))
			.andExpect(status().isBadRequest());
	}

	// ------------------------------------------------------------------ roles and scope

	@Test
	void r42_onlyTheLegalSectionReviewsASquadLeaderReadsOnlyHisOwnSquadsOutcomes() throws Exception {
		long own = bureau.concludedCase("LR-S-OWN", "普通程序", squad, lead, co, LocalDate.of(2024, 4, 3));
		long other = bureau.concludedCase("LR-S-OTHER", "普通程序", otherSquad, otherLead, otherCo,
				LocalDate.of(2024, 4, 3));
		for (RequestPostProcessor notLegal : new RequestPostProcessor[] { Users.squadLeaderOf(squad),
				Users.legalOfficerOf(squad), Users.supervision(), Users.leader() }) {
			review(own, notLegal, "PASSED", "2024-05-02", null, null).andExpect(status().isForbidden());
		}
		mvc.perform(get("/legal-reviews").with(Users.officer(lead, squad))).andExpect(status().isForbidden());
		assertThat(count("select count(*) from legal_review where case_id = ?", own)).isZero();

		review(own, Users.legalSection(), "RETURNED", "2024-05-02", null, "证据不足", itemOne)
			.andExpect(status().is3xxRedirection());
		String page = html(get("/legal-reviews/cases/" + own), Users.squadLeaderOf(squad));
		assertThat(page).contains("已退卷", "LR-D2", "证据不足").doesNotContain("id=\"review-form\"")
			.doesNotContain("id=\"resubmit-form\"");
		mvc.perform(get("/legal-reviews/cases/" + other).with(Users.squadLeaderOf(squad)))
			.andExpect(status().isNotFound());
		List<String> listed = cases(html(get("/legal-reviews?state=ALL&unit=" + otherSquad), Users.squadLeaderOf(squad)));
		assertThat(listed).contains("LR-S-OWN").doesNotContain("LR-S-OTHER");
		assertThat(html(get("/legal-reviews/cases/" + other), Users.supervision())).doesNotContain("id=\"review-form\"");
	}

	// ------------------------------------------------------------------ happy paths

	@Test
	void r42_aPassRecordsTheSignedInReviewerTheDateAndTheOutcomeAndIsAudited() throws Exception {
		long id = bureau.concludedCase("LR-P-1", "重大疑难", squad, lead, co, LocalDate.of(2024, 4, 10));
		String form = html(get("/legal-reviews/cases/" + id), Users.legalSection());
		assertThat(form).contains("id=\"review-form\"", "LR-D1", "LR-D2");
		review(id, Users.legalSection(), "PASSED", "2024-05-06", null, null)
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "已记录第 1 次法制审核：通过。"));
		assertThat(jdbc.sql("""
				select rr.reviewer_name || '|' || rr.reviewed_on || '|' || rr.outcome || '|' || lr.status
				from legal_review lr join legal_review_round rr on rr.review_id = lr.id where lr.case_id = ?""")
			.param(id).query(String.class).single()).isEqualTo("LEGAL|2024-05-06|PASSED|PASSED");
		assertThat(count("select count(*) from audit_log where action = 'LEGAL_REVIEW_PASSED' and entity_key = 'LR-P-1'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from case_return where case_id = ?", id)).isZero();
	}

	@Test
	void r21_r42_aReturnWritesItsDeductionsSoTheQualityPointsDropAtOnceInThePeriodOfTheCase() throws Exception {
		long a = bureau.officer("LR-R1", "退卷主办", squad);
		long b = bureau.officer("LR-R2", "退卷协办", squad);
		long id = bureau.concludedCase("LR-R-1", "普通程序", squad, a, b, LocalDate.of(2024, 3, 10));
		assertThat(quality("LR-R1", Period.quarter(2024, 1))).isEqualTo("2.00");

		review(id, Users.legalSection(), "RETURNED", "2024-05-20", null, "询问笔录缺签名，证据链不完整", itemHalf, itemOne)
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "已记录第 1 次法制审核：退卷。"));

		// 2 − (0.5 + 1) = 0.5 for the lead, half for the co-handler, in Q1 (the case's period), not Q2
		assertThat(quality("LR-R1", Period.quarter(2024, 1))).isEqualTo("0.50");
		assertThat(quality("LR-R2", Period.quarter(2024, 1))).isEqualTo("0.25");
		BreakdownItem item = caseItem("LR-R1", Period.quarter(2024, 1), "LR-R-1");
		assertThat(item.deductions()).extracting(BreakdownItem.Deduction::code).containsExactlyInAnyOrder("LR-D1", "LR-D2");
		assertThat(item.deductions()).allSatisfy(d -> {
			assertThat(d.returnedOn()).isEqualTo(LocalDate.of(2024, 5, 20));
			assertThat(d.reason()).isEqualTo("询问笔录缺签名，证据链不完整");
		});
		assertThat(ledger.breakdown("LR-R1", Period.quarter(2024, 2)).orElseThrow().items())
			.extracting(BreakdownItem::caseNo).doesNotContain("LR-R-1");
		assertThat(count("select count(*) from case_return where case_id = ? and legal_review_id is not null and review_round = 1", id))
			.isEqualTo(2);
		assertThat(count("select count(*) from audit_log where action = 'LEGAL_REVIEW_RETURNED' and entity_key = 'LR-R-1'"))
			.isEqualTo(1);
		assertThat(html(get("/legal-reviews/cases/" + id), Users.legalSection())).contains("扣分合计 1.50 分");
	}

	@Test
	void r42_aReReviewAfterTheSquadResubmitsIsKeptAsHistory() throws Exception {
		long id = bureau.concludedCase("LR-H-1", "普通程序", squad, lead, co, LocalDate.of(2024, 4, 1));
		review(id, Users.legalSection(), "RETURNED", "2024-05-02", null, "文书不全", itemHalf);
		resubmit(id, Users.legalSection(), version(id), "2024-05-08").andExpect(flash().attributeExists("flashSuccess"));
		assertThat(cases(html(get("/legal-reviews?unit=" + squad + "&month=2024-04"), Users.legalSection())))
			.as("a resubmitted case is back in the queue").contains("LR-H-1");
		review(id, Users.legalSection(), "PASSED", "2024-05-10", version(id), null)
			.andExpect(flash().attribute("flashSuccess", "已记录第 2 次法制审核：通过。"));
		assertThat(jdbc.sql("select outcome || ':' || coalesce(cast(resubmitted_on as varchar(10)), '-') from legal_review_round rr join legal_review lr on lr.id = rr.review_id where lr.case_id = ? order by round_no")
			.param(id).query(String.class).list()).containsExactly("RETURNED:2024-05-08", "PASSED:-");
		String page = html(get("/legal-reviews/cases/" + id), Users.squadLeaderOf(squad));
		assertThat(page).contains("2024-05-02", "2024-05-08", "2024-05-10", "已通过");
		assertThat(count("select count(*) from audit_log where action = 'LEGAL_REVIEW_RESUBMITTED' and entity_key = 'LR-H-1'"))
			.isEqualTo(1);
	}

	// ------------------------------------------------------------------ refusals

	@Test
	void r42_illegalTransitionsAndIncompleteReturnsAreRefusedInChinese() throws Exception {
		long id = bureau.concludedCase("LR-X-1", "普通程序", squad, lead, co, LocalDate.of(2024, 4, 2));
		assertThat(formError(review(id, Users.legalSection(), "RETURNED", "2024-05-02", null, "理由")))
			.contains("退卷须从案件质量评查标准中选择至少一项扣分项");
		assertThat(formError(review(id, Users.legalSection(), "RETURNED", "2024-05-02", null, " ", itemOne)))
			.contains("退卷须填写退卷理由");
		assertThat(formError(review(id, Users.legalSection(), "PASSED", "2024-05-02", null, null, itemOne)))
			.contains("审核通过时不能选择扣分项");
		assertThat(formError(review(id, Users.legalSection(), "PASSED", "2024-05-21", null, null)))
			.contains("审核日期 2024-05-21 不能晚于今天");
		assertThat(formError(review(id, Users.legalSection(), null, "2024-05-02", null, null)))
			.contains("请检查表单");
		assertThat(count("select count(*) from legal_review where case_id = ?", id)).isZero();

		review(id, Users.legalSection(), "RETURNED", "2024-05-02", null, "理由", itemOne);
		assertThat(formError(review(id, Users.legalSection(), "PASSED", "2024-05-03", version(id), null)))
			.contains("该案件已退卷，须待中队重新报送后才能再次审核");
		resubmit(id, Users.legalSection(), version(id), "2024-05-01")
			.andExpect(flash().attribute("flashError", "重新报送日期 2024-05-01 不能早于退卷日期 2024-05-02"));
		resubmit(id, Users.legalSection(), version(id), "2024-05-04");
		resubmit(id, Users.legalSection(), version(id), "2024-05-05")
			.andExpect(flash().attribute("flashError", "只有已退卷的案件才能登记重新报送（当前状态：重新报送待审）"));
		assertThat(formError(review(id, Users.legalSection(), "RETURNED", "2024-05-04", version(id), "同一天同一项", itemOne)))
			.isNull();
		resubmit(id, Users.legalSection(), version(id), "2024-05-04");
		assertThat(formError(review(id, Users.legalSection(), "RETURNED", "2024-05-04", version(id), "再扣一次", itemOne)))
			.contains("扣分项 LR-D2 已于 2024-05-04 对本案记录，同一天不能重复扣分");
		review(id, Users.legalSection(), "PASSED", "2024-05-06", version(id), null);
		assertThat(formError(review(id, Users.legalSection(), "PASSED", "2024-05-07", version(id), null)))
			.contains("该案件已通过法制审核，不能再次审核");
		assertThat(count("select count(*) from legal_review_round rr join legal_review lr on lr.id = rr.review_id where lr.case_id = ?", id))
			.isEqualTo(3);
	}

	@Test
	void r42_aSimpleOrUnconcludedCaseHasNoLegalReview() throws Exception {
		long simple = bureau.concludedCase("LR-N-SIM", "简易程序", squad, lead, co, LocalDate.of(2024, 4, 2));
		long open = bureau.concludedCase("LR-N-OPEN", "普通程序", squad, lead, co, null);
		mvc.perform(get("/legal-reviews/cases/" + simple).with(Users.legalSection())).andExpect(status().isNotFound());
		review(open, Users.legalSection(), "PASSED", "2024-05-02", null, null).andExpect(status().isNotFound());
	}

	@Test
	void r42_aStaleReviewIsRefusedAndNothingIsOverwritten() throws Exception {
		long id = bureau.concludedCase("LR-V-1", "普通程序", squad, lead, co, LocalDate.of(2024, 4, 4));
		// two 法制科 users opened the empty form; the first saves a 退卷, the second's 通过 is refused
		review(id, Users.legalSection(), "RETURNED", "2024-05-03", null, "材料缺失", itemHalf)
			.andExpect(status().is3xxRedirection());
		assertThat(formError(review(id, Users.legalSection(), "PASSED", "2024-05-03", null, null)))
			.isEqualTo("该案件的法制审核已被他人更新，请查看最新记录后重新提交。");
		resubmit(id, Users.legalSection(), version(id) + 7, "2024-05-05")
			.andExpect(flash().attribute("flashError", "该案件的法制审核已被他人更新，请查看最新记录后重新提交。"));
		assertThat(jdbc.sql("select status from legal_review where case_id = ?").param(id).query(String.class).single())
			.isEqualTo("RETURNED");
	}

	// ------------------------------------------------------------------ review rate

	@Test
	void r42_r71_reviewRatesPerSquadAndMonthAreSetBasedAndMatchTheHandCountedFigures() throws Exception {
		long direct = bureau.unit("法审率直属中队", "直属中队"); // rollout from 2024-01-09
		long class2 = bureau.unit("法审率二类中队", "二类中队"); // rollout from 2024-05-01
		long a = bureau.officer("LR-T1", "审核率甲", direct);
		long b = bureau.officer("LR-T2", "审核率乙", direct);
		long c = bureau.officer("LR-T3", "审核率丙", class2);
		long d = bureau.officer("LR-T4", "审核率丁", class2);
		// direct squad, March: 4 ordinary (one 重大疑难), 2 reviewed (a pass, a return); a simple case does not count
		long m1 = bureau.concludedCase("LR-T-M1", "普通程序", direct, a, b, LocalDate.of(2024, 3, 1));
		long m2 = bureau.concludedCase("LR-T-M2", "重大疑难", direct, a, b, LocalDate.of(2024, 3, 12));
		bureau.concludedCase("LR-T-M3", "普通程序", direct, a, b, LocalDate.of(2024, 3, 20));
		bureau.concludedCase("LR-T-M4", "普通程序", direct, a, b, LocalDate.of(2024, 3, 31));
		bureau.concludedCase("LR-T-MS", "简易程序", direct, a, b, LocalDate.of(2024, 3, 15));
		// direct squad, April: 2 ordinary, none reviewed; January 5th: before the rollout, reviewed but 未纳入
		bureau.concludedCase("LR-T-A1", "普通程序", direct, a, b, LocalDate.of(2024, 4, 2));
		bureau.concludedCase("LR-T-A2", "普通程序", direct, a, b, LocalDate.of(2024, 4, 30));
		long j1 = bureau.concludedCase("LR-T-J1", "普通程序", direct, a, b, LocalDate.of(2024, 1, 5));
		// class-2 squad: March all 未纳入 (one reviewed); May: 3 ordinary, 1 reviewed
		long c1 = bureau.concludedCase("LR-T-C1", "普通程序", class2, c, d, LocalDate.of(2024, 3, 3));
		bureau.concludedCase("LR-T-C2", "普通程序", class2, c, d, LocalDate.of(2024, 3, 4));
		long c3 = bureau.concludedCase("LR-T-C3", "普通程序", class2, c, d, LocalDate.of(2024, 5, 1));
		bureau.concludedCase("LR-T-C4", "普通程序", class2, c, d, LocalDate.of(2024, 5, 6));
		bureau.concludedCase("LR-T-C5", "重大疑难", class2, c, d, LocalDate.of(2024, 5, 9));
		review(m1, Users.legalSection(), "PASSED", "2024-05-10", null, null);
		review(m2, Users.legalSection(), "RETURNED", "2024-05-10", null, "理由", itemHalf);
		review(j1, Users.legalSection(), "PASSED", "2024-05-10", null, null);
		review(c1, Users.legalSection(), "PASSED", "2024-05-10", null, null);
		review(c3, Users.legalSection(), "PASSED", "2024-05-10", null, null);

		List<String> figures = new ArrayList<>();
		for (long unit : new long[] { direct, class2 }) {
			rates.rates(Period.year(2024), Optional.of(unit))
				.forEach(r -> figures.add(r.unitName() + " " + r.month() + " " + r.concluded() + "/" + r.reviewed()
						+ " 未纳入" + r.excluded() + " " + (r.rate() == null ? "—" : r.rate().toPlainString())));
		}
		assertThat(figures).containsExactly(
				"法审率直属中队 2024-01 0/0 未纳入1 —",
				"法审率直属中队 2024-03 4/2 未纳入0 50.00",
				"法审率直属中队 2024-04 2/0 未纳入0 0.00",
				"法审率二类中队 2024-03 0/0 未纳入2 —",
				"法审率二类中队 2024-05 3/1 未纳入0 33.33");

		String page = html(get("/legal-reviews/rates?period=2024&unit=" + direct), Users.legalSection());
		assertThat(page).contains("50.00%", "0.00%", "rates-chart", "data-rate=\"50.00\"");
		String reviewedLink = "/legal-reviews?state=REVIEWED&amp;unit=" + direct + "&amp;month=2024-03";
		assertThat(page).contains(reviewedLink);
		// each figure links to the cases behind it
		assertThat(cases(html(get("/legal-reviews?state=REVIEWED&unit=" + direct + "&month=2024-03"), Users.legalSection())))
			.containsExactly("LR-T-M1", "LR-T-M2");
		assertThat(cases(html(get("/legal-reviews?state=COUNTED&unit=" + direct + "&month=2024-03"), Users.legalSection())))
			.containsExactly("LR-T-M1", "LR-T-M2", "LR-T-M3", "LR-T-M4");
		assertThat(cases(html(get("/legal-reviews?state=UNREVIEWED&unit=" + direct + "&month=2024-04"), Users.legalSection())))
			.containsExactly("LR-T-A1", "LR-T-A2");
		assertThat(cases(html(get("/legal-reviews?state=EXCLUDED&unit=" + class2 + "&month=2024-03"), Users.legalSection())))
			.containsExactly("LR-T-C1", "LR-T-C2");

		// a squad leader sees his own squad's rates only, whatever unit he asks for
		String own = html(get("/legal-reviews/rates?period=2024&unit=" + direct), Users.squadLeaderOf(class2));
		assertThat(own).contains("法审率二类中队", "33.33%").doesNotContain("法审率直属中队");
		assertThat(rates.rates(Period.month(2024, 3), Optional.of(direct))).singleElement()
			.satisfies(r -> assertThat(r.month()).isEqualTo(YearMonth.of(2024, 3)));
	}

	// ------------------------------------------------------------------ reminders

	@Test
	void r42_theLegalSectionIsRemindedOfOrdinaryCasesAwaitingReviewAndNoOneElseIs() throws Exception {
		CurrentUser legal = new CurrentUser(1L, "legal", "法制科", Role.LEGAL, null, null);
		long before = awaiting(legal);
		long id = bureau.concludedCase("LR-Due-1", "普通程序", squad, lead, co, LocalDate.of(2024, 4, 8));
		assertThat(awaiting(legal)).isEqualTo(before + 1);
		List<DueItem> items = due.dueFor(legal, LocalDate.of(2024, 5, 20));
		assertThat(items).singleElement().satisfies(i -> {
			assertThat(i.messageKey()).isEqualTo("legalReview.due.awaiting");
			assertThat(i.link()).isEqualTo("/legal-reviews?state=AWAITING");
		});
		review(id, Users.legalSection(), "PASSED", "2024-05-10", null, null);
		assertThat(awaiting(legal)).isEqualTo(before);
		assertThat(due.dueFor(new CurrentUser(2L, "sl", "中队长", Role.SQUAD_LEADER, squad, null), LocalDate.of(2024, 5, 20)))
			.isEmpty();
	}

	// ------------------------------------------------------------------ helpers

	long awaiting(CurrentUser legal) {
		List<DueItem> items = due.dueFor(legal, LocalDate.of(2024, 5, 20));
		return items.isEmpty() ? 0 : ((Number) items.get(0).args().get(0)).longValue();
	}

	ResultActions review(long caseId, RequestPostProcessor who, String outcome, String date, Integer version,
			String reason, long... items) throws Exception {
		MockHttpServletRequestBuilder req = post("/legal-reviews/cases/" + caseId).with(who).with(csrf())
			.param("reviewedOn", date);
		if (outcome != null) {
			req.param("outcome", outcome);
		}
		if (version != null) {
			req.param("version", version.toString());
		}
		if (reason != null) {
			req.param("reason", reason);
		}
		for (long i : items) {
			req.param("itemIds", Long.toString(i));
		}
		return mvc.perform(req);
	}

	ResultActions resubmit(long caseId, RequestPostProcessor who, Integer version, String date) throws Exception {
		return mvc.perform(post("/legal-reviews/cases/" + caseId + "/resubmit").with(who).with(csrf())
			.param("version", String.valueOf(version)).param("resubmittedOn", date));
	}

	Integer version(long caseId) {
		return jdbc.sql("select version from legal_review where case_id = ?").param(caseId).query(Integer.class).single();
	}

	/** The form error shown on the re-rendered form; null after a redirect (accepted). */
	String formError(ResultActions result) throws Exception {
		var response = result.andReturn().getResponse();
		if (response.getStatus() == 302) {
			return null;
		}
		Matcher m = Pattern.compile("<div class=\"alert alert-danger\" role=\"alert\">([^<]*)</div>")
			.matcher(response.getContentAsString(StandardCharsets.UTF_8));
		return m.find() ? m.group(1) : "(no form error; status " + response.getStatus() + ")";
	}

	String html(MockHttpServletRequestBuilder req, RequestPostProcessor who) throws Exception {
		return mvc.perform(req.with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	static List<String> cases(String html) {
		List<String> found = new ArrayList<>();
		Matcher m = CASE_ROW.matcher(html);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	String quality(String employeeNo, Period period) {
		return ledger.breakdown(employeeNo, period).map(Breakdown::score).map(s -> s.quality().toString()).orElse("none");
	}

	BreakdownItem caseItem(String employeeNo, Period period, String caseNo) {
		return ledger.breakdown(employeeNo, period).orElseThrow().items().stream()
			.filter(i -> i.kind() == BreakdownItem.Kind.CASE && i.caseNo().equals(caseNo))
			.findFirst().orElseThrow();
	}

}
