package cn.wucheng.cq.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * The deduction catalogue page: LEGAL adds and edits items with validation in Chinese and an optimistic-lock
 * conflict message; SUPERVISION and LEADER read; every change is audited. Each test uses its own item codes.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=rule-pages")
@AutoConfigureMockMvc
class DeductionItemsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeductionItemRepository items;

	@Test
	void theLegalSectionSeesTheCatalogueWithEditLinksAndReadersWithout() throws Exception {
		long id = new Bureau(jdbc).deductionItem("DL01", "证据不充分", "1.5");
		mvc.perform(get("/deduction-items").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("DL01")))
			.andExpect(content().string(containsString("1.50")))
			.andExpect(content().string(containsString("/deduction-items/" + id + "/edit")))
			.andExpect(content().string(containsString("/deduction-items/new")));
		for (RequestPostProcessor reader : new RequestPostProcessor[] { Users.supervision(), Users.leader() }) {
			mvc.perform(get("/deduction-items").with(reader))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("DL01")))
				.andExpect(content().string(not(containsString("/deduction-items/" + id + "/edit"))))
				.andExpect(content().string(not(containsString("/deduction-items/new"))));
		}
	}

	@Test
	void othersMayNeitherReadNorChangeTheCatalogue() throws Exception {
		for (RequestPostProcessor user : new RequestPostProcessor[] { Users.admin(), Users.squadLeaderOf(1L),
				Users.legalOfficerOf(1L), Users.officer(1L, 1L) }) {
			mvc.perform(get("/deduction-items").with(user)).andExpect(status().isForbidden());
		}
		for (RequestPostProcessor reader : new RequestPostProcessor[] { Users.supervision(), Users.leader(),
				Users.admin() }) {
			mvc.perform(get("/deduction-items/new").with(reader)).andExpect(status().isForbidden());
			mvc.perform(post("/deduction-items").param("code", "DX01").param("text", "x").param("points", "1")
				.with(csrf()).with(reader)).andExpect(status().isForbidden());
		}
		assertThat(items.findByCode("DX01")).isEmpty();
	}

	@Test
	void anAddedItemIsStoredAndAudited() throws Exception {
		mvc.perform(get("/deduction-items/new").with(Users.legalSection())).andExpect(status().isOk());
		mvc.perform(post("/deduction-items").param("code", "DA01").param("text", "文书送达不规范")
			.param("points", "0.5").param("active", "true").with(csrf()).with(Users.legalSection()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/deduction-items"))
			.andExpect(flash().attribute("flashSuccess", "已新增扣分项 DA01"));
		DeductionItem item = items.findByCode("DA01").orElseThrow();
		assertThat(item.getText()).isEqualTo("文书送达不规范");
		assertThat(item.getPoints()).isEqualByComparingTo("0.5");
		assertThat(item.isActive()).isTrue();
		Map<String, Object> audit = jdbc.sql(
				"select username, after_data from audit_log where action = 'DEDUCTION_ITEM_CREATED' and entity_key = 'DA01'")
			.query()
			.singleRow();
		assertThat(audit.get("username")).isEqualTo("legal");
		assertThat((String) audit.get("after_data")).contains("points=0.5", "文书送达不规范");
	}

	@Test
	void invalidInputIsShownBackWithChineseMessagesAndNothingIsStored() throws Exception {
		mvc.perform(post("/deduction-items").param("code", "").param("text", " ").param("points", "0")
			.with(csrf()).with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写编码")))
			.andExpect(content().string(containsString("请填写扣分项内容")))
			.andExpect(content().string(containsString("扣分须大于 0")));
		mvc.perform(post("/deduction-items").param("code", "DV01").param("text", "x").param("points", "一分")
			.with(csrf()).with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("扣分须为数值")));
		mvc.perform(post("/deduction-items").param("code", "DV 02").param("text", "x").param("points", "1.255")
			.with(csrf()).with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("编码只能包含字母、数字")))
			.andExpect(content().string(containsString("扣分最多两位小数")));
		assertThat(items.findByCode("DV01")).isEmpty();
		assertThat(items.findByCode("DV 02")).isEmpty();
	}

	@Test
	void aCodeAlreadyInTheCatalogueIsRefused() throws Exception {
		new Bureau(jdbc).deductionItem("DD01", "程序违法", "2");
		mvc.perform(post("/deduction-items").param("code", "DD01").param("text", "另一项").param("points", "1")
			.with(csrf()).with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("编码 DD01 已存在")));
		assertThat(items.findByCode("DD01").orElseThrow().getText()).isEqualTo("程序违法");
	}

	@Test
	void anEditChangesTextPointsAndUseButNotTheCodeAndIsAudited() throws Exception {
		long id = new Bureau(jdbc).deductionItem("DE01", "卷宗不全", "1");
		int version = items.findById(id).orElseThrow().getVersion();
		mvc.perform(get("/deduction-items/" + id + "/edit").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("卷宗不全")));
		mvc.perform(post("/deduction-items/" + id).param("code", "HACKED").param("text", "卷宗材料不全")
			.param("points", "1.25").param("_active", "on").param("version", Integer.toString(version))
			.with(csrf()).with(Users.legalSection()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "已保存扣分项 DE01"));
		DeductionItem item = items.findById(id).orElseThrow();
		assertThat(item.getCode()).isEqualTo("DE01");
		assertThat(item.getText()).isEqualTo("卷宗材料不全");
		assertThat(item.getPoints()).isEqualByComparingTo("1.25");
		assertThat(item.isActive()).as("an unticked checkbox means 停用").isFalse();
		assertThat(item.getVersion()).isEqualTo(version + 1);
		Map<String, Object> audit = jdbc.sql(
				"select before_data, after_data from audit_log where action = 'DEDUCTION_ITEM_CHANGED' and entity_key = 'DE01'")
			.query()
			.singleRow();
		assertThat((String) audit.get("before_data")).contains("points=1", "active=true");
		assertThat((String) audit.get("after_data")).contains("points=1.25", "active=false");
	}

	@Test
	void aStaleEditTellsTheUserInsteadOfOverwriting() throws Exception {
		long id = new Bureau(jdbc).deductionItem("DS01", "法律适用错误", "1.5");
		int seen = items.findById(id).orElseThrow().getVersion();
		mvc.perform(post("/deduction-items/" + id).param("text", "别人改的").param("points", "1").param("active", "true")
			.param("version", Integer.toString(seen)).with(csrf()).with(Users.legalSection()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/deduction-items/" + id).param("text", "我改的").param("points", "3").param("active", "true")
			.param("version", Integer.toString(seen)).with(csrf()).with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该扣分项已被他人修改（现为「别人改的」，扣 1 分）")))
			.andExpect(content().string(containsString("重新载入最新内容")));
		assertThat(items.findById(id).orElseThrow().getText()).isEqualTo("别人改的");
	}

	@Test
	void editingAnUnknownItemIsNotFound() throws Exception {
		mvc.perform(get("/deduction-items/999999/edit").with(Users.legalSection())).andExpect(status().isNotFound());
	}

}
