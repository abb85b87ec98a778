package cn.wucheng.cq.scoring.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.scoring.ScoreScope;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * a final quarter is frozen — scores, breakdown, ranking and standards (ledger, pages and API) come from the
 * snapshot and ignore later data changes until a recorded re-opening; officers see a ranking only once it is
 * published. Quarters of 2033–2034 and squads 定稿* are this class's own.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=publication")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class FinalQuarterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	PublicationRepository publications;

	@Autowired
	ScoreLedger ledger;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void r26_aFinalQuarterIsUnchangedByALaterCaseChangeAndChangesAgainAfterARecordedReopening() throws Exception {
		Period q = Period.quarter(2033, 1);
		Bureau bureau = new Bureau(jdbc);
		long unit = bureau.unit("定稿甲中队", "一类中队");
		long zhao = bureau.officer("DG甲1", "赵甲", unit);
		long qian = bureau.officer("DG甲2", "钱甲", unit);
		long sun = bureau.officer("DG甲3", "孙甲", unit);
		long first = bureau.concludedCase("DG-甲-1", "普通程序", unit, zhao, qian, LocalDate.of(2033, 2, 1));
		bureau.deductionItem("DGJ1", "证据不足", "1");
		bureau.returned(first, "DGJ1", LocalDate.of(2033, 2, 10));
		bureau.award(first, "区级", LocalDate.of(2033, 3, 1));
		RequestPostProcessor zhaoUser = Users.officer(zhao, unit);

		clock.setToday(LocalDate.of(2033, 4, 1));
		post("/publication/2033-Q1/publish");
		clock.setToday(LocalDate.of(2033, 4, 11));
		post("/publication/2033-Q1/finalise").andExpect(flash().attributeExists("flashSuccess"));
		// Zhao: 5 + (2 − 1) + 2 = 8; Qian: half = 4; Sun: 0
		String scoresBefore = api("/api/v1/scores?period=2033-Q1", Users.legalSection());
		String breakdownBefore = api("/api/v1/scores/DG甲1?period=2033-Q1", Users.legalSection());
		String rankingBefore = api("/api/v1/rankings?period=2033-Q1", Users.legalSection());
		String standardsBefore = api("/api/v1/standards?period=2033-Q1", zhaoUser);
		assertThat(entry(rankingBefore, "DG甲1").get("total").asString()).isEqualTo("8.00");
		assertThat(entry(rankingBefore, "DG甲1").get("rank").asInt()).isEqualTo(1);
		assertThat(json.readTree(breakdownBefore).get("items")).hasSize(2);
		assertThat(json.readTree(breakdownBefore).get("items").get(0).get("deductions")).hasSize(1);
		assertThat(json.readTree(standardsBefore).get(0).get("status").asString()).isEqualTo("未达标");

		// later data changes: a case of Sun's concluded in the quarter, Zhao's deduction withdrawn, Qian moved away,
		// and the yearly standard lowered
		long late = bureau.concludedCase("DG-甲-2", "重大疑难", unit, sun, zhao, LocalDate.of(2033, 3, 20));
		jdbc.sql("delete from case_return where case_id = ?").param(first).update();
		bureau.transfer(qian, bureau.unit("定稿乙中队", "二类中队"), LocalDate.of(2033, 3, 1));
		jdbc.sql("insert into yearly_standard (std_year, simple_min, ordinary_min, updated_by, updated_at) values (2033, 0, 1, 't', current_timestamp)")
			.update();

		assertThat(api("/api/v1/scores?period=2033-Q1", Users.legalSection())).isEqualTo(scoresBefore);
		assertThat(api("/api/v1/scores/DG甲1?period=2033-Q1", Users.legalSection())).isEqualTo(breakdownBefore);
		assertThat(api("/api/v1/rankings?period=2033-Q1", Users.legalSection())).isEqualTo(rankingBefore);
		assertThat(api("/api/v1/standards?period=2033-Q1", zhaoUser)).isEqualTo(standardsBefore);
		assertThat(ledger.scores(q, ScoreScope.person(sun)).get(0).total().toString()).isEqualTo("0.00");
		String page = html(mvc.perform(get("/rankings").param("period", "2033-Q1").with(Users.leader())));
		assertThat(page).contains("已定稿", "以下数据来自定稿时的快照");
		// the year is not frozen: it follows the data
		assertThat(ledger.scores(Period.year(2033), ScoreScope.person(sun)).get(0).total().toString()).isEqualTo("12.00");

		// re-opening: reason recorded and audited, live data again
		post("/publication/2033-Q1/reopen", "reason", "孙甲案件漏录，补录后重新定稿")
			.andExpect(flash().attribute("flashSuccess", "2033年第1季度已重新开放，恢复按实时数据计算。"));
		assertThat(publications.findByPeriodCode("2033-Q1").orElseThrow().getStatus())
			.isEqualTo(PublicationState.REOPENED);
		assertThat(jdbc.sql("select reopen_reason from score_freeze f join quarter_publication q on q.id = f.publication_id where q.period_code = '2033-Q1'")
			.query(String.class).single()).isEqualTo("孙甲案件漏录，补录后重新定稿");
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'SCORES_REOPENED' and detail like '%孙甲案件漏录%'")
			.query(Long.class).single()).isEqualTo(1);
		// Sun 12 (lead 重大疑难 10 + 2); Zhao 5 + 2 + 2 (deduction withdrawn) + 6 (co of the late case) = 15
		String rankingReopened = api("/api/v1/rankings?period=2033-Q1", Users.legalSection());
		assertThat(entry(rankingReopened, "DG甲3").get("total").asString()).isEqualTo("12.00");
		assertThat(entry(rankingReopened, "DG甲1").get("total").asString()).isEqualTo("15.00");
		assertThat(json.readTree(api("/api/v1/standards?period=2033-Q1", zhaoUser)).get(0).get("status").asString())
			.isEqualTo("达标");

		// finalised again: the new snapshot holds, the old one stays on record
		post("/publication/2033-Q1/finalise").andExpect(flash().attributeExists("flashSuccess"));
		bureau.concludedCase("DG-甲-3", "普通程序", unit, sun, zhao, LocalDate.of(2033, 3, 25));
		assertThat(api("/api/v1/rankings?period=2033-Q1", Users.legalSection())).isEqualTo(rankingReopened);
		assertThat(jdbc.sql("select count(*) from score_freeze f join quarter_publication q on q.id = f.publication_id where q.period_code = '2033-Q1'")
			.query(Long.class).single()).isEqualTo(2);
		assertThat(late).isPositive();
	}

	@Test
	void r26_anOfficerSeesThePublishedRankingWholeButNotADraftOne() throws Exception {
		Bureau bureau = new Bureau(jdbc);
		long unit = bureau.unit("定稿丙中队", "二类中队");
		long other = bureau.unit("定稿丁中队", "二类中队");
		long zhou = bureau.officer("DG丙1", "周丙", unit);
		long wu = bureau.officer("DG丙2", "吴丙", unit);
		long zheng = bureau.officer("DG丁1", "郑丁", other);
		long wang = bureau.officer("DG丁2", "王丁", other);
		bureau.concludedCase("DG-丙-1", "普通程序", unit, zhou, wu, LocalDate.of(2034, 2, 1));
		bureau.concludedCase("DG-丁-1", "简易程序", other, zheng, wang, LocalDate.of(2034, 2, 1));
		RequestPostProcessor zhouUser = Users.officer(zhou, unit);
		clock.setToday(LocalDate.of(2034, 4, 2));

		mvc.perform(get("/api/v1/rankings").param("period", "2034-Q1").with(zhouUser))
			.andExpect(status().isForbidden())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("2034年第1季度的积分和排名尚未公示"));
		String draftPage = mvc.perform(get("/rankings").param("period", "2034-Q1").with(zhouUser))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(draftPage).contains("2034年第1季度的积分和排名尚未公示", "草稿").doesNotContain("DG丙1");
		mvc.perform(get("/rankings/export").param("period", "2034-Q1").with(zhouUser)).andExpect(status().isForbidden());
		// the legal section sees the draft
		assertThat(api("/api/v1/rankings?period=2034-Q1", Users.legalSection())).contains("DG丁1");

		post("/publication/2034-Q1/publish");
		String ranking = api("/api/v1/rankings?period=2034-Q1", zhouUser);
		assertThat(entry(ranking, "DG丙1").get("rank").asInt()).isEqualTo(1);
		assertThat(entry(ranking, "DG丁1")).isNotNull(); // published: the whole ranking, not only himself
		String page = html(mvc.perform(get("/rankings").with(zhouUser))); // opens on the latest published quarter
		assertThat(page).contains("2034年第1季度排名", "公示中（至 2034-04-07）", "DG丁1");
		mvc.perform(get("/rankings/export").param("period", "2034-Q1").with(zhouUser)).andExpect(status().isOk());
		// still only his own breakdown
		mvc.perform(get("/api/v1/scores/DG丁1").param("period", "2034-Q1").with(zhouUser))
			.andExpect(status().isNotFound());
		String scores = html(mvc.perform(get("/scores").param("period", "2034-Q1").with(zhouUser)));
		assertThat(scores).contains("公示中（至 2034-04-07）").doesNotContain("DG丁1");
		String breakdown = html(mvc.perform(get("/scores/DG丙1").param("period", "2034-Q1").with(zhouUser)));
		assertThat(breakdown).contains("公示期至 2034-04-07", "提交申诉");
		assertThat(html(mvc.perform(get("/scores/DG丙1").param("period", "2034-Q1").with(Users.legalSection()))))
			.doesNotContain("提交申诉");
		assertThat(wang).isPositive();
	}

	ResultActions post(String url, String... params) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
			.with(Users.legalSection())
			.with(csrf());
		String code = url.split("/")[2];
		publications.findByPeriodCode(code).ifPresent(p -> request.param("version", p.getVersion().toString()));
		// publishing and finalising cannot be undone: the form's confirmation box (issue 13 item 7)
		request.param("confirmed", "true");
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request);
	}

	String api(String url, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(url).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	JsonNode entry(String ranking, String employeeNo) {
		for (JsonNode c : json.readTree(ranking).get("categories")) {
			for (JsonNode e : c.get("entries")) {
				if (e.get("employeeNo").asString().equals(employeeNo)) {
					return e;
				}
			}
		}
		return null;
	}

	String html(ResultActions result) throws Exception {
		return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
