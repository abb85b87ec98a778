package cn.wucheng.cq.imports.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportProblem;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.imports.ImportSource;
import cn.wucheng.cq.imports.Imports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/imports/{kind}} as API.md specifies: 200 counts, 422 every row problem, 400 unreadable file. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "数据导入", description = "导入 IMPORT.md 的六个名单（.xlsx 或 .csv），全部或全不，可重复导入")
class ImportApiController {

	/** A large case list takes about a minute to import on 2 cores (bench: 1,000,000 cases in 43 s). */
	static final int RETRY_AFTER_SECONDS = 60;

	private final Imports imports;

	private final ImportMessages messages;

	private final ImportMappings mappings;

	private final PendingUploads uploads;

	ImportApiController(Imports imports, ImportMessages messages, ImportMappings mappings, PendingUploads uploads) {
		this.mappings = mappings;
		this.uploads = uploads;
		this.imports = imports;
		this.messages = messages;
	}

	@PostMapping(path = "/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('LEGAL','INTEGRATION')")
	@Operation(summary = "导入一个名单（法制科或接口账号）",
			description = "kind 为 domains、units、people、cases、deductions、awards 之一；multipart 字段 file 为 .xlsx 或 .csv"
					+ "（UTF-8 或 GBK）。请按 领域 → 单位 → 人员 → 案件 → 退卷扣分 → 优秀案卷 的顺序导入。")
	@ApiResponse(responseCode = "200", description = "已导入：{\"kind\",\"created\",\"updated\",\"unchanged\",\"warnings\"}")
	@ApiResponse(responseCode = "422", description = "有无效的行或列，未导入任何数据：{\"kind\",\"errors\":[{\"row\",\"column\",\"message\"}]}")
	@ApiResponse(responseCode = "400", description = "文件无法读取（不是 CSV/XLSX、已损坏或过大），或 mapping 不是已保存的"
			+ "该名单的列对应关系：{\"errors\":[{\"message\"}]}")
	@ApiResponse(responseCode = "404", description = "未知的名单类型")
	@ApiResponse(responseCode = "503", description = "大文件（默认 1 MB 以上）一次只导入一个：其他大文件正在导入时，请求排队等候"
			+ "（默认最多 3 分钟、最多 5 个排队）；仍未轮到或排队已满时未导入任何数据，响应头 Retry-After（秒）："
			+ "{\"kind\",\"errors\":[{\"message\"}]}")
	ResponseEntity<Map<String, Object>> importList(
			@Parameter(description = "domains | units | people | cases | deductions | awards") @PathVariable String kind,
			@Parameter(description = ".xlsx 或 .csv 文件") @RequestParam(name = "file", required = false) MultipartFile file,
			@Parameter(description = "已保存的列对应关系的名称（见 GET /api/v1/import-mappings）：按它把文件的列名对应到名单的列后导入；"
					+ "省略时按列名及常见别名识别") @RequestParam(name = "mapping", required = false) String mapping)
			throws IOException {
		ImportKind importKind = ImportKind.fromPath(kind).orElse(null);
		if (importKind == null) {
			String allowed = Arrays.stream(ImportKind.values()).map(ImportKind::path).collect(Collectors.joining("、"));
			return fileError(HttpStatus.NOT_FOUND, messages.get("imports.kind.unknown", kind, allowed));
		}
		if (file == null) {
			return fileError(HttpStatus.BAD_REQUEST, messages.get("imports.file.missing"));
		}
		if (mapping != null) {
			return importWithMapping(importKind, file, mapping);
		}
		ImportResult result;
		result = imports.importUpload(importKind, file, ImportSource.API);
		return answer(result);
	}

	/** Issue 14 item 2: {@code ?mapping=NAME} renames the file's headers by a saved mapping of the same list. */
	private ResponseEntity<Map<String, Object>> importWithMapping(ImportKind kind, MultipartFile file, String name) {
		ImportMappings.Saved saved = mappings.byName(name).orElse(null);
		if (saved == null) {
			String known = mappings.list().stream().filter(m -> m.kind() == kind).map(ImportMappings.Saved::name)
				.collect(Collectors.joining("、"));
			return fileError(HttpStatus.BAD_REQUEST, known.isEmpty()
					? messages.get("imports.mapping.api.unknownNone", name.strip(), kind.label())
					: messages.get("imports.mapping.api.unknown", name.strip(), kind.label(), known));
		}
		if (saved.kind() != kind) {
			return fileError(HttpStatus.BAD_REQUEST,
					messages.get("imports.mapping.api.otherList", saved.name(), saved.kind().label(), kind.label()));
		}
		ImportResult result = imports.importMapped(kind, file.getOriginalFilename(), uploads.receive(file), null,
				ImportSource.API, saved.mapping());
		ResponseEntity<Map<String, Object>> answer = answer(result);
		Map<String, Object> body = new LinkedHashMap<>(answer.getBody());
		body.put("mapping", saved.name());
		return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(body);
	}

	static ResponseEntity<Map<String, Object>> answer(ImportResult result) {
		Map<String, Object> body = new LinkedHashMap<>();
		switch (result.status()) {
			case IMPORTED -> {
				body.put("kind", result.kind().path());
				body.put("created", result.created());
				body.put("updated", result.updated());
				body.put("unchanged", result.unchanged());
				body.put("warnings", problems(result.warnings()));
				return ResponseEntity.ok(body);
			}
			case REJECTED -> {
				body.put("kind", result.kind().path());
				body.put("errors", problems(result.errors()));
				body.put("warnings", problems(result.warnings()));
				return ResponseEntity.unprocessableContent().body(body);
			}
			case BUSY -> {
				body.put("kind", result.kind().path());
				body.put("errors", problems(result.errors()));
				return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
					.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
					.body(body);
			}
			default -> {
				body.put("kind", result.kind().path());
				body.put("errors", problems(result.errors()));
				return ResponseEntity.badRequest().body(body);
			}
		}
	}

	static ResponseEntity<Map<String, Object>> fileError(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("errors", List.of(Map.of("message", message))));
	}

	private static List<Map<String, Object>> problems(List<ImportProblem> problems) {
		return problems.stream().map(p -> {
			Map<String, Object> m = new LinkedHashMap<>();
			if (p.row() != null) {
				m.put("row", p.row());
			}
			if (p.column() != null) {
				m.put("column", p.column());
			}
			m.put("message", p.message());
			return m;
		}).toList();
	}

}
