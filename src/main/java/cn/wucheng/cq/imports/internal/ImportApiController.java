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

import cn.wucheng.cq.bureau.Bureau;
import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.imports.BureauImportResult;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportProblem;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.imports.ImportSource;
import cn.wucheng.cq.imports.Imports;
import cn.wucheng.cq.shared.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/v1/imports/{kind}} as API.md specifies: 200 counts, 422 every row problem, 400 unreadable file.
 * Issue 16 item 3: a city's or the province's legal office (CITY_LEGAL, PROVINCE_LEGAL) imports for the bureaus of
 * its scope — a file with a 所属执法局 column split by it ({@link BureauSplitImport}), or with {@code bureau=CODE}
 * the plain list for that one bureau (404 for a bureau outside the scope or unknown); a bureau's account may name its
 * own bureau only (another answers 404, as an unknown one and as the read API's {@code bureau} parameter does).
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "imports.api.tag", description = "imports.api.tag.description")
class ImportApiController {

	/** A large case list takes about a minute to import on 2 cores (bench: 1,000,000 cases in 43 s). */
	static final int RETRY_AFTER_SECONDS = 60;

	private final Imports imports;

	private final Refusals messages;

	private final ImportMappings mappings;

	private final PendingUploads uploads;

	private final ImportScope scope;

	private final RegionImports regionImports;

	ImportApiController(Imports imports, Refusals messages, ImportMappings mappings, PendingUploads uploads,
			ImportScope scope, RegionImports regionImports) {
		this.scope = scope;
		this.regionImports = regionImports;
		this.mappings = mappings;
		this.uploads = uploads;
		this.imports = imports;
		this.messages = messages;
	}

	@PostMapping(path = "/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('LEGAL','INTEGRATION','CITY_LEGAL','PROVINCE_LEGAL')")
	// the texts are message keys: springdoc reads them from messages-imports.properties (issue 15 item 3)
	@Operation(summary = "imports.api.import.summary", description = "imports.api.import.description")
	@ApiResponse(responseCode = "200", description = "imports.api.import.200")
	@ApiResponse(responseCode = "422", description = "imports.api.import.422")
	@ApiResponse(responseCode = "400", description = "imports.api.import.400")
	@ApiResponse(responseCode = "404", description = "imports.api.import.404")
	@ApiResponse(responseCode = "503", description = "imports.api.import.503")
	ResponseEntity<Map<String, Object>> importList(
			@Parameter(description = "domains | units | people | cases | deductions | awards") @PathVariable String kind,
			@Parameter(description = "imports.api.import.file") @RequestParam(name = "file", required = false) MultipartFile file,
			@Parameter(description = "imports.api.import.mapping") @RequestParam(name = "mapping", required = false) String mapping,
			@Parameter(description = "imports.api.import.bureau") @RequestParam(name = "bureau", required = false) String bureau)
			throws IOException {
		ImportKind importKind = ImportKind.fromPath(kind).orElse(null);
		if (importKind == null) {
			String allowed = Arrays.stream(ImportKind.values()).map(ImportKind::path).collect(Collectors.joining("、"));
			return fileError(HttpStatus.NOT_FOUND, messages.message("imports.kind.unknown", kind, allowed));
		}
		if (file == null) {
			return fileError(HttpStatus.BAD_REQUEST, messages.message("imports.file.missing"));
		}
		if (scope.regional()) {
			if (bureau == null || bureau.isBlank()) {
				if (mapping != null) {
					return fileError(HttpStatus.BAD_REQUEST, messages.message("imports.split.api.noMapping"));
				}
				return answer(regionImports.importUpload(importKind, file, null, ImportSource.API));
			}
			Bureau named = scope.allowed(bureau).orElse(null);
			if (named == null) {
				return fileError(HttpStatus.NOT_FOUND, messages.message("imports.split.api.bureauNotFound", bureau.strip()));
			}
			return Bureaus.runAs(named.id(), () -> importFor(importKind, file, mapping));
		}
		if (bureau != null && !bureau.isBlank()
				&& scope.own().map(b -> !b.code().equals(bureau.strip())).orElse(true)) {
			// as the read API (ApiBureauParameter): another bureau answers as an unknown one, 404, telling nothing of it
			return fileError(HttpStatus.NOT_FOUND, messages.message("imports.split.api.bureauNotFound", bureau.strip()));
		}
		return importFor(importKind, file, mapping);
	}

	/** The plain import of one list into the current bureau. */
	private ResponseEntity<Map<String, Object>> importFor(ImportKind kind, MultipartFile file, String mapping) {
		if (mapping != null) {
			return importWithMapping(kind, file, mapping);
		}
		return answer(imports.importUpload(kind, file, ImportSource.API));
	}

	/** A split import's answer: the totals, each bureau's counts, problems with the file's rows and their bureau. */
	static ResponseEntity<Map<String, Object>> answer(BureauImportResult result) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", result.kind().path());
		switch (result.status()) {
			case IMPORTED -> {
				body.put("created", result.created());
				body.put("updated", result.updated());
				body.put("unchanged", result.unchanged());
				body.put("bureaus", result.parts().stream().map(ImportApiController::part).toList());
				body.put("warnings", bureauProblems(result.warnings()));
				return ResponseEntity.ok(body);
			}
			case REJECTED -> {
				body.put("bureaus", result.parts().stream().map(ImportApiController::part).toList());
				body.put("errors", bureauProblems(result.errors()));
				body.put("warnings", bureauProblems(result.warnings()));
				return ResponseEntity.unprocessableContent().body(body);
			}
			case BUSY -> {
				body.put("errors", bureauProblems(result.errors()));
				return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
					.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
					.body(body);
			}
			default -> {
				body.put("errors", bureauProblems(result.errors()));
				return ResponseEntity.badRequest().body(body);
			}
		}
	}

	private static Map<String, Object> part(BureauImportResult.Part p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", p.bureau().code());
		m.put("name", p.bureau().name());
		m.put("rows", p.rows());
		m.put("created", p.created());
		m.put("updated", p.updated());
		m.put("unchanged", p.unchanged());
		m.put("errors", p.errors());
		m.put("warnings", p.warnings());
		return m;
	}

	private static List<Map<String, Object>> bureauProblems(List<BureauImportResult.Problem> problems) {
		return problems.stream().map(p -> {
			Map<String, Object> m = new LinkedHashMap<>();
			if (p.row() != null) {
				m.put("row", p.row());
			}
			if (p.column() != null) {
				m.put("column", p.column());
			}
			if (p.bureau() != null) {
				m.put("bureau", p.bureau());
			}
			m.put("message", p.message());
			return m;
		}).toList();
	}

	/** Issue 14 item 2: {@code ?mapping=NAME} renames the file's headers by a saved mapping of the same list. */
	private ResponseEntity<Map<String, Object>> importWithMapping(ImportKind kind, MultipartFile file, String name) {
		ImportMappings.Saved saved = mappings.byName(name).orElse(null);
		if (saved == null) {
			String known = mappings.list().stream().filter(m -> m.kind() == kind).map(ImportMappings.Saved::name)
				.collect(Collectors.joining("、"));
			return fileError(HttpStatus.BAD_REQUEST, known.isEmpty()
					? messages.message("imports.mapping.api.unknownNone", name.strip(), kind.label())
					: messages.message("imports.mapping.api.unknown", name.strip(), kind.label(), known));
		}
		if (saved.kind() != kind) {
			return fileError(HttpStatus.BAD_REQUEST,
					messages.message("imports.mapping.api.otherList", saved.name(), saved.kind().label(), kind.label()));
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
