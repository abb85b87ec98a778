package cn.wucheng.cq.rollout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.rollout.Rollout;
import cn.wucheng.cq.rollout.RolloutSince;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * R-71's page: every business role reads the batches and each unit's start ("本中队自 … 起执行本制度（第N批）");
 * the legal section adds a year or a batch and changes dates — end not before start, one batch per category and
 * year, a stale edit refused, every change audited. Its own context, since it changes the batches. Units 推进*.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=rollout-pages")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolloutPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Rollout rollout;

	long class2;

	@BeforeAll
	void squads() {
		Bureau bureau = new Bureau(jdbc);
		bureau.unit("推进直属中队", "直属中队");
		class2 = bureau.unit("推进二类中队", "二类中队");
		bureau.unit("推进法制科", "科室");
	}

	@Test
	void r71_everyBusinessRoleReadsTheBatchesAndASquadItsOwnStart() throws Exception {
		String page = html(mvc.perform(get("/rollout").with(Users.squadLeaderOf(class2))));
		assertThat(page).contains("本中队自 2024-05-01 起执行本制度（第3批）", "2024-01-09", "2024-02-29", "推进法制科")
			.doesNotContain("action=\"/rollout/batches");
		mvc.perform(get("/rollout").with(Users.officer(1L, class2))).andExpect(status().isOk());
		mvc.perform(get("/rollout").with(Users.supervision())).andExpect(status().isOk());
		assertThat(html(mvc.perform(get("/rollout").with(Users.legalSection())))).contains("action=\"/rollout/batches\"",
				"action=\"/rollout/years\"");
		mvc.perform(get("/rollout").with(Users.admin())).andExpect(status().isForbidden());
	}

	@Test
	void r71_onlyTheLegalSectionEditsBatches() throws Exception {
		long id = batch(2024, UnitType.CLASS1_SQUAD);
		mvc.perform(edit(id, "2024-03-02", "2024-04-30", 0).with(Users.squadLeaderOf(class2)))
			.andExpect(status().isForbidden());
		mvc.perform(edit(id, "2024-03-02", "2024-04-30", 0).with(Users.supervision())).andExpect(status().isForbidden());
		mvc.perform(post("/rollout/years").with(csrf()).param("year", "2031").with(Users.leader()))
			.andExpect(status().isForbidden());
		assertThat(rollout.startOf(UnitType.CLASS1_SQUAD)).contains(LocalDate.of(2024, 3, 1));
	}

	@Test
	void r71_anEndBeforeTheStartOrAStartOutsideTheYearIsRefused() throws Exception {
		long id = batch(2024, UnitType.DIRECT_SQUAD);
		int version = version(id);
		mvc.perform(edit(id, "2024-02-10", "2024-02-09", version).with(Users.legalSection()))
			.andExpect(redirectedUrl("/rollout"))
			.andExpect(flash().attribute("flashError", "结束日期 2024-02-09 不能早于开始日期 2024-02-10"));
		mvc.perform(edit(id, "2025-01-09", "2025-02-09", version).with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", "开始日期 2025-01-09 不在 2024 年内"));
		mvc.perform(edit(id, "2024-13-01", "2025-02-09", version).with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", containsString("“开始日期”填写有误")));
		assertThat(rollout.startOf(UnitType.DIRECT_SQUAD)).contains(LocalDate.of(2024, 1, 9));
	}

	@Test
	void r71_theLegalSectionMovesABatchAndTheSquadsStartFollowsAndAStaleEditIsRefused() throws Exception {
		long id = batch(2024, UnitType.CLASS2_SQUAD);
		int version = version(id);
		mvc.perform(edit(id, "2024-05-06", "2024-06-30", version).with(Users.legalSection()))
			.andExpect(flash().attribute("flashSuccess", "2024 年二类中队的推进批次已保存。"));
		assertThat(rollout.applies(class2, LocalDate.of(2024, 5, 5))).isFalse();
		assertThat(rollout.applies(class2, LocalDate.of(2024, 5, 6))).isTrue();
		// someone else's form, opened before that save
		mvc.perform(edit(id, "2024-05-01", "2024-06-30", version).with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", "该批次已被他人修改，请刷新页面后重新填写。"));
		assertThat(rollout.startOf(class2)).contains(LocalDate.of(2024, 5, 6));
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'ROLLOUT_BATCH_CHANGED' and entity_key like ?")
			.param(id + " %").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select before_data || ' -> ' || after_data from audit_log where action = 'ROLLOUT_BATCH_CHANGED'")
			.query(String.class).single()).isEqualTo("2024 二类中队 2024-05-01～2024-06-30 -> 2024 二类中队 2024-05-06～2024-06-30");
		// back to the programme's date for the other tests of this context
		mvc.perform(edit(id, "2024-05-01", "2024-06-30", version + 1).with(Users.legalSection()))
			.andExpect(flash().attribute("flashSuccess", containsString("已保存")));
	}

	@Test
	void r71_aNewYearGetsTheThreeBatchesWithLastYearsDatesAndOnlyOnce() throws Exception {
		mvc.perform(post("/rollout/years").with(csrf()).param("year", "2028").with(Users.legalSection()))
			.andExpect(flash().attribute("flashSuccess", "2028 年已新增 3 个推进批次。"));
		assertThat(jdbc.sql("select starts_on from rollout_batch where batch_year = 2028 and unit_type = 'DIRECT_SQUAD'")
			.query(LocalDate.class).single()).isEqualTo(LocalDate.of(2028, 1, 9));
		assertThat(jdbc.sql("select ends_on from rollout_batch where batch_year = 2028 and unit_type = 'DIRECT_SQUAD'")
			.query(LocalDate.class).single()).isEqualTo(LocalDate.of(2028, 2, 29));
		mvc.perform(post("/rollout/years").with(csrf()).param("year", "2028").with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", "2028 年三个中队类别的推进批次都已存在，请直接修改日期"));
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'ROLLOUT_BATCH_ADDED' and entity_key like '% 2028 %'")
			.query(Long.class).single()).isEqualTo(3);
		// a later year does not move any squad's start: the first batch of its category counts
		assertThat(rollout.startOf(UnitType.DIRECT_SQUAD)).contains(LocalDate.of(2024, 1, 9));
		assertThat(html(mvc.perform(get("/rollout").with(Users.leader())))).contains("2028 年", "2028-01-09");
	}

	@Test
	void r71_oneBatchPerCategoryAndYear() throws Exception {
		mvc.perform(add(2030, "CLASS1_SQUAD", "2030-03-01", "2030-04-30").with(Users.legalSection()))
			.andExpect(flash().attribute("flashSuccess", "2030 年一类中队的推进批次已新增。"));
		mvc.perform(add(2030, "CLASS1_SQUAD", "2030-03-05", "2030-04-30").with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", "2030 年一类中队的推进批次已存在（每个中队类别每年一个批次），请修改其日期"));
		mvc.perform(add(2030, "SECTION", "2030-03-05", "2030-04-30").with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", containsString("科室不是中队类别")));
		mvc.perform(add(2030, "CLASS2_SQUAD", "2030-06-01", "2030-05-30").with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", "结束日期 2030-05-30 不能早于开始日期 2030-06-01"));
		assertThat(jdbc.sql("select count(*) from rollout_batch where batch_year = 2030").query(Long.class).single())
			.isEqualTo(1);
		// the year's missing categories are added around the existing one
		mvc.perform(post("/rollout/years").with(csrf()).param("year", "2030").with(Users.legalSection()))
			.andExpect(flash().attribute("flashSuccess", "2030 年已新增 2 个推进批次。"));
	}

	@Test
	void r71_theSinceFragmentNamesTheBatchNumber() {
		RolloutSince since = rollout.since(class2).orElseThrow();
		assertThat(since.batchNo()).isEqualTo(3);
		assertThat(since.batchYear()).isEqualTo(2024);
		long section = jdbc.sql("select id from unit where name = '推进法制科'").query(Long.class).single();
		assertThat(rollout.since(section).orElseThrow().startsOn()).isEqualTo(LocalDate.of(2024, 1, 9));
		assertThat(rollout.since(-5L)).isEmpty();
	}

	private long batch(int year, UnitType type) {
		return jdbc.sql("select id from rollout_batch where batch_year = ? and unit_type = ?").params(year, type.name())
			.query(Long.class).single();
	}

	private int version(long id) {
		return jdbc.sql("select version from rollout_batch where id = ?").param(id).query(Integer.class).single();
	}

	private static MockHttpServletRequestBuilder edit(long id, String start, String end, int version) {
		return post("/rollout/batches/" + id).with(csrf()).param("startsOn", start).param("endsOn", end)
			.param("version", Integer.toString(version));
	}

	private static MockHttpServletRequestBuilder add(int year, String type, String start, String end) {
		return post("/rollout/batches").with(csrf()).param("year", Integer.toString(year)).param("unitType", type)
			.param("startsOn", start).param("endsOn", end);
	}

	private static String html(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
