package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Users;
import tools.jackson.databind.json.JsonMapper;

/** Issue 14, item 5: {@code PUT /api/v1/cases/{案件编号}} checks a case as the file import does, and is idempotent. */
class CasePushApiTests extends ImportTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final RequestPostProcessor PLATFORM = Users.as(Role.INTEGRATION, null, null);

	@BeforeEach
	void theBureauWithoutCases() {
		importExampleThrough("people");
	}

	/** The first case of the example bureau's case list, by column name, without its 案件编号. */
	private static Map<String, String> firstCase() {
		List<List<String>> rows = csvRows(example("cases"), StandardCharsets.UTF_8);
		Map<String, String> fields = new LinkedHashMap<>();
		for (int c = 0; c < rows.get(0).size(); c++) {
			fields.put(rows.get(0).get(c), rows.get(1).get(c));
		}
		fields.remove("案件编号");
		return fields;
	}

	private ResultActions push(String caseNo, Map<String, String> body, RequestPostProcessor user) throws Exception {
		return mvc.perform(put("/api/v1/cases/{caseNo}", caseNo).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body))
			.with(user)
			.with(csrf()));
	}

	@Test
	void aNewCaseIsCreatedAndTheSameBodyAgainChangesNothing() throws Exception {
		push("PUSH-001", firstCase(), PLATFORM).andExpect(status().isCreated())
			.andExpect(jsonPath("$.result").value("created"));
		push("PUSH-001", firstCase(), PLATFORM).andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("unchanged"));

		assertThat(jdbc.sql("select count(*) from case_file where case_no = 'PUSH-001'").query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void eachPushIsALineOfTheImportHistoryWithItsResultAndItsFields() throws Exception {
		jdbc.sql("delete from import_history").update();
		push("PUSH-H01", firstCase(), PLATFORM).andExpect(status().isCreated());
		Map<String, String> bad = firstCase();
		bad.put("立案日期", "2024-13-40");
		push("PUSH-H01", bad, PLATFORM).andExpect(status().isBadRequest());
		assertThat(jdbc.sql("""
				select status || ' ' || created || ' ' || file_name from import_history
				where source = 'PUSH' order by id""").query(String.class).list())
			.containsExactly("IMPORTED 1 接口推送 PUSH-H01", "REJECTED 0 接口推送 PUSH-H01");
		assertThat(jdbc.sql("select errors from import_history where status = 'REJECTED'").query(String.class).single())
			.contains("立案日期");
		assertThat(jdbc.sql("select count(*) from import_history where source = 'PUSH' and stored_name is not null")
			.query(Integer.class)
			.single()).as("the pushed JSON kept as the row's file").isEqualTo(2);
	}

	@Test
	void aChangedFieldUpdatesTheCaseAndTheChangeIsAudited() throws Exception {
		push("PUSH-002", firstCase(), PLATFORM).andExpect(status().isCreated());
		Map<String, String> changed = firstCase();
		changed.put("案件名称", "推送后改名的案件");

		push("PUSH-002", changed, PLATFORM).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("updated"));

		assertThat(jdbc.sql("select count(*) from audit_log where action = 'IMPORT_UPDATE' and entity_key like ?"
				+ " and after_data like ?").params("%PUSH-002%", "%推送后改名的案件%").query(Integer.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'IMPORT' and detail like ?")
			.param("%PUSH-002%")
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aBadCaseIsRefusedWithTheSameChineseMessagesAsTheFileImportAndNothingIsWritten() throws Exception {
		Map<String, String> bad = firstCase();
		bad.put("主办人工号", "NO-SUCH-PERSON");
		bad.put("办结日期", "2020-01-01"); // before 立案日期
		String csv = "案件编号," + String.join(",", bad.keySet()) + "\nPUSH-BAD," + String.join(",", bad.values()) + "\n";
		ImportResult file = imports.importFile(ImportKind.CASES, "bad.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(file.errors()).hasSizeGreaterThanOrEqualTo(2);

		String answer = push("PUSH-BAD", bad, PLATFORM).andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		List<Map<String, String>> expected = file.errors()
			.stream()
			.map(e -> Map.of("column", e.column(), "message", e.message()))
			.toList();
		assertThat(JSON.readTree(answer).get("errors").values().stream()
			.map(n -> Map.of("column", n.get("column").asString(), "message", n.get("message").asString()))
			.toList()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(jdbc.sql("select count(*) from case_file where case_no = 'PUSH-BAD'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void anUnknownFieldOrAnotherCaseNumberInTheBodyIsRefused() throws Exception {
		Map<String, String> typo = firstCase();
		typo.put("主办人工好", "WC0007");
		push("PUSH-003", typo, PLATFORM).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].column").value("主办人工好"));
		Map<String, String> other = firstCase();
		other.put("案件编号", "PUSH-OTHER");
		push("PUSH-003", other, PLATFORM).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].column").value("案件编号"));
	}

	@Test
	void theIntegrationAccountPushesAndImportsButOpensNoPageAndReadsNoData() throws Exception {
		push("PUSH-004", firstCase(), PLATFORM).andExpect(status().isCreated());
		upload("domains", "domains.csv", example("domains"), PLATFORM).andExpect(status().isOk());

		mvc.perform(get("/").with(PLATFORM)).andExpect(status().isForbidden());
		mvc.perform(get("/imports").with(PLATFORM)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/scores").param("period", "2024-Q1").with(PLATFORM))
			.andExpect(status().isForbidden());
	}

	@Test
	void otherRolesThanTheLegalSectionMayNotPush() throws Exception {
		for (RequestPostProcessor user : List.of(Users.admin(), Users.supervision(), Users.leader(),
				Users.squadLeaderOf(1L), Users.officer(1L, 1L))) {
			push("PUSH-005", firstCase(), user).andExpect(status().isForbidden());
		}
		push("PUSH-005", firstCase(), Users.legalSection()).andExpect(status().isCreated());
	}

}
