package cn.wucheng.cq.scoring.coverage;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.wucheng.cq.security.CurrentUser;

/**
 * {@code GET /api/v1/coverage?year=2024&asOf=2024-09-30} (API.md): one object per squad the caller may see; asOf
 * defaults to the year's deadline (30 Sept). Officers read no squad results (403).
 * Issue 16: a city's or the province's account reads one bureau's, named by the {@code bureau} parameter (its
 * code), and a bureau's account may name its own; the web layer runs the call within that bureau.
 */
@RestController
class CoverageApiController {

	/** API.md: {@code configured} is present (false) only for a squad with no managed domains (R-34: 未配置). */
	@JsonPropertyOrder({ "unit", "unitType", "managed", "covered", "rate", "target", "met", "configured", "missing" })
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record CoverageJson(String unit, String unitType, int managed, int covered, String rate, int target, boolean met,
			Boolean configured, List<String> missing) {

		static CoverageJson of(SquadCoverage s) {
			CoverageOutcome o = s.outcome();
			return new CoverageJson(s.unitName(), s.unitType().label(), o.managed(), o.covered(),
					o.rate().toPlainString(), o.target(), o.met(), o.configured() ? null : Boolean.FALSE, o.missing());
		}

	}

	private final DomainCoverage coverage;

	CoverageApiController(DomainCoverage coverage) {
		this.coverage = coverage;
	}

	@GetMapping("/api/v1/coverage")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','CITY_LEGAL','CITY_SUPERVISION','PROVINCE_LEGAL','PROVINCE_SUPERVISION')")
	List<CoverageJson> coverage(@RequestParam(required = false) String year,
			@RequestParam(required = false) String asOf) {
		int y = CoverageParams.year(year);
		LocalDate until = CoverageParams.asOf(asOf, y, coverage);
		return coverage.coverage(y, until, CurrentUser.get()).stream().map(CoverageJson::of).toList();
	}

}
