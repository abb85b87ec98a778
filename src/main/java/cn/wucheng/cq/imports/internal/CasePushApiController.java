package cn.wucheng.cq.imports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.wucheng.cq.imports.ImportHistory;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportSource;
import cn.wucheng.cq.imports.ImportProblem;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.shared.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code PUT /api/v1/cases/{案件编号}} (issue 14, item 5): a system pushes one case as it changes. The body has the
 * fields of the case list of IMPORT.md by the same names; it is imported as a one-row case file through the same
 * engine, so it is checked by the same rules with the same messages, idempotent and audited like a file import.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "imports.api.push.tag", description = "imports.api.push.tag.description")
class CasePushApiController {

	private final ImportEngine engine;

	private final Refusals messages;

	private final ImportHistory history;

	private final JsonMapper json = JsonMapper.builder().build();

	CasePushApiController(ImportEngine engine, Refusals messages, ImportHistory history) {
		this.history = history;
		this.engine = engine;
		this.messages = messages;
	}

	// No "consumes" and an optional body: both are checked before @PreAuthorize, so a refused role would see 415/400
	// instead of 403. A missing body is answered like an empty one: every required field missing.
	@PutMapping(path = "/{caseNo}", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('LEGAL','INTEGRATION')")
	// message keys, read by springdoc from messages-imports.properties (issue 15 item 3)
	@Operation(summary = "imports.api.push.summary", description = "imports.api.push.description")
	@ApiResponse(responseCode = "201", description = "imports.api.push.201")
	@ApiResponse(responseCode = "200", description = "imports.api.push.200")
	@ApiResponse(responseCode = "400", description = "imports.api.push.400")
	ResponseEntity<Map<String, Object>> push(
			@Parameter(description = "imports.api.push.caseNo") @PathVariable String caseNo,
			@RequestBody(required = false) Map<String, Object> body) {
		if (body == null) {
			body = Map.of();
		}
		Map<String, String> fields = new LinkedHashMap<>();
		List<Map<String, Object>> refused = new ArrayList<>();
		Set<String> known = knownFields();
		body.forEach((name, value) -> {
			String field = name == null ? "" : name.strip();
			if (!known.contains(field)) {
				refused.add(problem(field, messages.message("imports.push.unknownField", field)));
			}
			else if (value instanceof Map || value instanceof List) {
				refused.add(problem(field, messages.message("imports.push.notText", field)));
			}
			else {
				fields.put(field, value == null ? "" : String.valueOf(value));
			}
		});
		String inBody = fields.remove(CaseImporter.CASE_NO.header());
		if (inBody != null && !inBody.isBlank() && !inBody.strip().equals(caseNo.strip())) {
			refused.add(problem(CaseImporter.CASE_NO.header(),
					messages.message("imports.push.caseNoMismatch", inBody.strip(), caseNo)));
		}
		if (!refused.isEmpty()) {
			return ResponseEntity.badRequest().body(Map.of("errors", refused));
		}
		Map<String, String> row = new LinkedHashMap<>();
		row.put(CaseImporter.CASE_NO.header(), caseNo);
		row.putAll(fields);
		ImportResult result = engine.importRecord(ImportKind.CASES, messages.message("imports.push.fileName", caseNo), row);
		recordInHistory(caseNo, row, result);
		if (!result.imported()) {
			return ResponseEntity.badRequest()
				.body(Map.of("errors", result.errors().stream().map(p -> problem(p.column(), p.message())).toList()));
		}
		String outcome = result.created() > 0 ? "created" : result.updated() > 0 ? "updated" : "unchanged";
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("caseNo", caseNo);
		answer.put("result", outcome);
		answer.put("warnings", result.warnings().stream().map(ImportProblem::message).toList());
		return ResponseEntity.status(result.created() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
	}

	/**
	 * Issue 14: a push is an import of one case and goes into the import history as one row, with its result and
	 * problems, the pushed fields kept as the row's file (JSON). One row per push rather than one per day and account:
	 * each push is its own all-or-nothing import with its own answer, and a row per push is what the audit log and the
	 * caller's log can be matched with. (The history page shows the latest 200 rows: should pushes ever crowd file imports
	 * off it, a filter by source is the remedy, not merged rows.)
	 */
	private void recordInHistory(String caseNo, Map<String, String> row, ImportResult result) {
		Path body = null;
		try {
			body = Files.createTempFile("cq-push-", ".json");
			Files.writeString(body, json.writeValueAsString(row), StandardCharsets.UTF_8);
			history.record(ImportSource.PUSH, result, body);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			if (body != null) {
				try {
					Files.deleteIfExists(body);
				}
				catch (IOException ignored) {
					// a temporary file left behind does no harm
				}
			}
		}
	}

	/** The case list's column names and their aliases: what a pushed field may be called. */
	private Set<String> knownFields() {
		Set<String> names = new HashSet<>();
		for (Column c : engine.columns(ImportKind.CASES)) {
			names.add(c.header());
			names.addAll(c.aliases());
		}
		return names;
	}

	private static Map<String, Object> problem(String column, String message) {
		Map<String, Object> m = new LinkedHashMap<>();
		if (column != null) {
			m.put("column", column);
		}
		m.put("message", message);
		return m;
	}

}
