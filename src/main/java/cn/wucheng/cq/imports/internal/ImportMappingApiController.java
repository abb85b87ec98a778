package cn.wucheng.cq.imports.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/import-mappings} (issue 14 item 2): the saved column mappings a script may name in an import. */
@RestController
@RequestMapping("/api/v1/import-mappings")
@Tag(name = "数据导入", description = "导入 IMPORT.md 的六个名单（.xlsx 或 .csv），全部或全不，可重复导入")
class ImportMappingApiController {

	private final ImportMappings mappings;

	ImportMappingApiController(ImportMappings mappings) {
		this.mappings = mappings;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('LEGAL','INTEGRATION')")
	@Operation(summary = "已保存的列对应关系（法制科或接口账号）",
			description = "法制科在导入页面为列名与名单不一致的文件保存的列对应关系。导入时以 ?mapping=名称 使用，"
					+ "如 POST /api/v1/imports/cases?mapping=省平台案件导出。")
	@ApiResponse(responseCode = "200", description = "[{\"name\":\"省平台案件导出\",\"kind\":\"cases\","
			+ "\"columns\":{\"主办人工号\":\"办案人员编码\", …}}]：columns 为 名单的列 → 文件中的列名")
	List<Map<String, Object>> list() {
		return mappings.list().stream().map(m -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("name", m.name());
			json.put("kind", m.kind().path());
			json.put("columns", new LinkedHashMap<>(m.columns()));
			return json;
		}).toList();
	}

}
