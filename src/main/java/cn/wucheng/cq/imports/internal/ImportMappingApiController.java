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
@Tag(name = "imports.api.tag", description = "imports.api.tag.description")
class ImportMappingApiController {

	private final ImportMappings mappings;

	ImportMappingApiController(ImportMappings mappings) {
		this.mappings = mappings;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('LEGAL','INTEGRATION')")
	// message keys, read by springdoc from messages-imports.properties (issue 15 item 3)
	@Operation(summary = "imports.api.mappings.summary", description = "imports.api.mappings.description")
	@ApiResponse(responseCode = "200", description = "imports.api.mappings.200")
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
