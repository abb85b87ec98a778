package cn.wucheng.cq.scoring.standards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.QuarterOnly;

/**
 * {@code GET /api/v1/standards?period=2024-Q1} (API.md): one object per formal officer the caller may see — all for
 * 法制科/督查科/局领导, his unit for a squad leader or legal officer, only himself for an officer.
 * Issue 16: a city's or the province's account reads one bureau's, named by the {@code bureau} parameter (its
 * code), and a bureau's account may name its own; the web layer runs the call within that bureau.
 */
@RestController
class StandardsApiController {

	/** The contract's shape; {@code required} has only "ordinary" for 机关参与, {@code done} always both keys. */
	@JsonPropertyOrder({ "employeeNo", "rule", "required", "done", "status", "reason" })
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record StandardJson(String employeeNo, String rule, Map<String, Integer> required, Map<String, Integer> done,
			String status, String reason) {

		static StandardJson of(OfficerStandard s) {
			StandardOutcome o = s.outcome();
			Map<String, Integer> required = new LinkedHashMap<>();
			if (o.rule().requiresSimple()) {
				required.put("simple", o.required().simple());
			}
			required.put("ordinary", o.required().ordinary());
			Map<String, Integer> done = new LinkedHashMap<>();
			done.put("simple", o.done().simple());
			done.put("ordinary", o.done().ordinary());
			// API.md: an exemption for a reason adds "reason" to its 免考核 object
			return new StandardJson(s.employeeNo(), o.rule().label(), required, done, o.status().label(), o.reason());
		}

	}

	private final CaseStandards standards;

	StandardsApiController(CaseStandards standards) {
		this.standards = standards;
	}

	@GetMapping("/api/v1/standards")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER','CITY_LEGAL','CITY_SUPERVISION','PROVINCE_LEGAL','PROVINCE_SUPERVISION')")
	List<StandardJson> standards(@QuarterOnly @RequestParam(required = false) Period period) {
		return standards.forQuarter(Quarters.required(period), CurrentUser.get())
			.stream()
			.map(StandardJson::of)
			.toList();
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ApiErrors> badInput(IllegalArgumentException e) {
		return ResponseEntity.badRequest().body(ApiErrors.of(e.getMessage()));
	}

}
