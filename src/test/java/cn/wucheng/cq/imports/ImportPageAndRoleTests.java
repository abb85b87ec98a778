package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.Users;

/** Only 法制科 imports: the API, the page and the templates; the page shows the order, counts and every error. */
class ImportPageAndRoleTests extends ImportTestSupport {

	private static List<RequestPostProcessor> everyoneButTheLegalSection() {
		return List.of(Users.admin(), Users.supervision(), Users.leader(), Users.squadLeaderOf(1L),
				Users.legalOfficerOf(1L), Users.officer(1L, 1L));
	}

	@Test
	void everyRoleButTheLegalSectionIsForbiddenTheApiAndNothingIsWritten() throws Exception {
		Map<String, Integer> before = tableCounts();
		for (RequestPostProcessor user : everyoneButTheLegalSection()) {
			upload("units", "units.csv", example("units"), user).andExpect(status().isForbidden());
		}
		assertThat(tableCounts()).isEqualTo(before);
	}

	@Test
	void everyRoleButTheLegalSectionIsForbiddenThePageAndTheTemplates() throws Exception {
		for (RequestPostProcessor user : everyoneButTheLegalSection()) {
			mvc.perform(get("/imports").with(user)).andExpect(status().isForbidden());
			mvc.perform(get("/imports/templates/cases").with(user)).andExpect(status().isForbidden());
			mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "u.csv", "text/csv", example("units")))
				.param("kind", "units")
				.with(user)
				.with(csrf())).andExpect(status().isForbidden());
		}
	}

	@Test
	void thePageOffersTheListsInImportOrderWithTemplatesAndAProgressBar() throws Exception {
		String html = mvc.perform(get("/imports").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("导入顺序")))
			.andExpect(content().string(containsString("id=\"import-progress\"")))
			.andExpect(content().string(containsString("/js/imports.js")))
			.andExpect(content().string(containsString("/imports/templates/awards")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		int at = html.indexOf("id=\"import-order\"");
		List<Integer> positions = new ArrayList<>();
		for (ImportKind kind : ImportKind.values()) {
			positions.add(html.indexOf(">" + kind.label() + "<", at));
		}
		assertThat(positions).doesNotContain(-1).isSorted();
	}

	@Test
	void eachTemplateIsAnXlsxWhoseFirstRowHoldsTheColumnsAndImportsAsAnEmptyList() throws Exception {
		for (ImportKind kind : ImportKind.values()) {
			byte[] xlsx = mvc.perform(get("/imports/templates/" + kind.path()).with(Users.legalSection()))
				.andExpect(status().isOk())
				.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			List<String> headers = new ArrayList<>();
			try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
				Row first = wb.getSheetAt(0).getRow(0);
				for (Cell c : first) {
					headers.add(c.getStringCellValue());
				}
			}
			List<String> exampleHeaders = csvRows(example(kind.path()), StandardCharsets.UTF_8).get(0);
			assertThat(headers).as(kind.path()).containsAll(exampleHeaders);
			ImportResult empty = imports.importFile(kind, "template.xlsx", new ByteArrayInputStream(xlsx));
			assertThat(empty.status()).as(kind.path()).isEqualTo(ImportResult.Status.IMPORTED);
			assertThat(empty.rows()).isZero();
		}
	}

	@Test
	void theImportEndpointIsDocumentedInOpenApi() throws Exception {
		mvc.perform(get("/v3/api-docs").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/imports/{kind}")))
			// issue 15 item 3: the annotations name message keys, the documentation shows their words
			.andExpect(content().string(containsString("数据导入")))
			.andExpect(content().string(containsString("导入一个名单（法制科或接口账号）")))
			.andExpect(content().string(containsString("推送一件案件（新增或更新）")))
			.andExpect(content().string(not(containsString("imports.api."))));
	}

	@Test
	void uploadingFromThePageShowsTheCounts() throws Exception {
		mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "units.csv", "text/csv", example("units")))
			.param("kind", "units")
			.header("X-Requested-With", "XMLHttpRequest")
			.with(Users.legalSection())
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-result\"")))
			.andExpect(content().string(containsString("<td class=\"text-end\" id=\"import-created\">9</td>")))
			// a fragment, not the whole page
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void uploadingABadFileFromThePageListsEveryErrorWithRowAndColumn() throws Exception {
		byte[] bad = utf8("单位名称,单位类型\n城中中队,三类中队\n城中中队,科室\n");
		String html = mvc
			.perform(multipart("/imports").file(new MockMultipartFile("file", "units.csv", "text/csv", bad))
				.param("kind", "units")
				.with(Users.legalSection())
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("<html")
			.contains("id=\"import-errors\"")
			.contains("无法识别的单位类型：三类中队（可选：直属中队、一类中队、二类中队、科室、指挥中心）")
			.contains("重复的单位名称：城中中队（第 2 行已出现）");
		assertThat(jdbc.sql("select count(*) from unit").query(Integer.class).single()).isZero();
	}

}
