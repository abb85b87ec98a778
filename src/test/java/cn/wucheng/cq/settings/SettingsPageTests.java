package cn.wucheng.cq.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * The rule settings page: every RULES.md default with its label, rule id and "默认" badge; LEGAL and ADMIN edit and
 * reset, checked and audited; stale edits and bad values are refused with a Chinese message.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=rule-pages")
@AutoConfigureMockMvc
class SettingsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuleSettings settings;

	/**
	 * The settings are read in one statement and kept under the data stamp: a value written by anyone — here plain
	 * SQL, as another instance would — is read at the next question, and a reset back to the default too.
	 */
	@Test
	void aSettingWrittenOutsideTheSystemIsReadAtTheNextQuestion() {
		RuleSetting setting = RuleSetting.COVERAGE_DEADLINE;
		String before = settings.get(setting);
		assertThat(settings.get(setting)).isEqualTo(before);
		jdbc.sql("insert into setting (name, setting_value, updated_by, updated_at) values (?, '10-31', 'sql', now())")
			.param(setting.name())
			.update();
		try {
			assertThat(settings.get(setting)).isEqualTo("10-31");
			assertThat(settings.all().get(setting).isDefault()).isFalse();
		}
		finally {
			jdbc.sql("delete from setting where name = ?").param(setting.name()).update();
		}
		assertThat(settings.get(setting)).isEqualTo(setting.defaultValue());
	}

	@Test
	void theLegalSectionSeesEverySettingWithItsLabelRuleIdAndDefaultBadge() throws Exception {
		String page = mvc.perform(get("/settings").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (RuleSetting s : RuleSetting.values()) {
			assertThat(page).contains("id=\"" + s.name() + "\"");
		}
		assertThat(page).contains("最佳办案能手比例：直属中队", "R-31", "只计最高级别", "四舍五入", "实施方案 四（二）（中队不得固定专人办理案件）", "任务清单第3项（领域覆盖率）");
		assertThat(page).contains("class=\"badge text-bg-secondary ms-1 setting-default\">默认");
		assertThat(page).doesNotContain("??setting.");
	}

	@Test
	void everySettingHasAChineseLabel() throws Exception {
		String page = mvc.perform(get("/settings").with(Users.admin())).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("??");
	}

	@Test
	void onlyTheLegalSectionAndTheAdministratorMayOpenOrChangeSettings() throws Exception {
		for (RequestPostProcessor user : new RequestPostProcessor[] { Users.supervision(), Users.leader(),
				Users.squadLeaderOf(1L), Users.legalOfficerOf(1L), Users.officer(1L, 1L) }) {
			mvc.perform(get("/settings").with(user)).andExpect(status().isForbidden());
			mvc.perform(post("/settings/BEST_MIN_PLACES").param("value", "2").with(csrf()).with(user))
				.andExpect(status().isForbidden());
			mvc.perform(post("/settings/BEST_MIN_PLACES/reset").with(csrf()).with(user))
				.andExpect(status().isForbidden());
		}
		assertThat(settings.get(RuleSetting.BEST_MIN_PLACES)).isEqualTo("1");
	}

	@Test
	void aChangeIsSavedAuditedShownAsChangedAndCanBeResetToTheDefault() throws Exception {
		mvc.perform(post("/settings/BEST_RATE_CLASS2").param("value", "0.08").param("was", "0.05")
			.with(csrf()).with(Users.legalSection()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/settings#BEST_RATE_CLASS2"))
			.andExpect(flash().attribute("flashSuccess", "已保存「最佳办案能手比例：二类中队」：0.08"));
		assertThat(settings.get(RuleSetting.BEST_RATE_CLASS2)).isEqualTo("0.08");
		Map<String, Object> audit = jdbc.sql("""
				select username, before_data, after_data from audit_log
				where action = 'SETTING_CHANGED' and entity_key = 'BEST_RATE_CLASS2'""").query().singleRow();
		assertThat(audit).containsEntry("username", "legal").containsEntry("before_data", "0.05")
			.containsEntry("after_data", "0.08");
		mvc.perform(get("/settings").with(Users.legalSection()))
			.andExpect(content().string(containsString("已修改")));

		mvc.perform(post("/settings/BEST_RATE_CLASS2/reset").with(csrf()).with(Users.legalSection()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "「最佳办案能手比例：二类中队」已恢复默认值：0.05"));
		assertThat(settings.get(RuleSetting.BEST_RATE_CLASS2)).isEqualTo("0.05");
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'SETTING_RESET' and entity_key = 'BEST_RATE_CLASS2'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theAdministratorMayChangeAChoiceSetting() throws Exception {
		mvc.perform(post("/settings/AWARD_MODE").param("value", "CUMULATIVE").param("was", "HIGHEST_ONLY")
			.with(csrf()).with(Users.admin()))
			.andExpect(flash().attribute("flashSuccess", "已保存「优秀案卷创先争优分的计法」：逐级累加"));
		assertThat(settings.awardMode()).isEqualTo(RuleSetting.AwardMode.CUMULATIVE);
		settings.reset(RuleSetting.AWARD_MODE);
	}

	@Test
	void aBadValueIsRefusedWithAMessageThatSaysWhatAndWhere() throws Exception {
		mvc.perform(post("/settings/BEST_MIN_PLACES").param("value", "两个").param("was", "1")
			.with(csrf()).with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", containsString("「最佳办案能手最少名额」未保存：须为不小于 0 的整数，收到: 两个")));
		mvc.perform(post("/settings/BEST_RATE_DIRECT").param("value", "1.5").param("was", "0.10")
			.with(csrf()).with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", containsString("须为 0 到 1 之间的数值")));
		mvc.perform(post("/settings/AWARD_MODE").param("value", "ALL").with(csrf()).with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", containsString("只计最高级别")));
		assertThat(settings.get(RuleSetting.BEST_MIN_PLACES)).isEqualTo("1");
		assertThat(settings.get(RuleSetting.BEST_RATE_DIRECT)).isEqualTo("0.10");
	}

	@Test
	void aStaleEditIsRefusedInsteadOfOverwritingSomeoneElsesChange() throws Exception {
		settings.set(RuleSetting.NOTICE_WORKING_DAYS, "7", "someone");
		try {
			mvc.perform(post("/settings/NOTICE_WORKING_DAYS").param("value", "3").param("was", "5")
				.with(csrf()).with(Users.legalSection()))
				.andExpect(flash().attribute("flashError", containsString("已被他人修改")));
			assertThat(settings.get(RuleSetting.NOTICE_WORKING_DAYS)).isEqualTo("7");
		}
		finally {
			settings.reset(RuleSetting.NOTICE_WORKING_DAYS);
		}
	}

	@Test
	void anUnknownSettingIsNotFoundAndAPostNeedsTheCsrfToken() throws Exception {
		mvc.perform(post("/settings/NO_SUCH").param("value", "1").with(csrf()).with(Users.legalSection()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/settings/BEST_MIN_PLACES").param("value", "2").with(Users.legalSection()))
			.andExpect(status().isForbidden());
	}

}
